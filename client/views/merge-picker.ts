// Shift-click two nodes to merge them: a bar over the graph names the pair, with Merge, Swap and Cancel.
import type { EntityGraphClient } from "../graph-view.js";
import { postCorrection } from "../corrections-api.js";
import { el } from "../dom.js";
import type { Actions } from "./actions.js";

export function mountMergePicker(bar: HTMLElement, graph: () => EntityGraphClient, actions: Actions) {
  let picked: string[] = [];
  const label = (id: string) => (graph().hasNode(id) ? graph().getNodeAttribute(id, "label") : id);
  const button = (text: string, attrs: Record<string, string>, onClick: () => void) => {
    const b = el("button", { type: "button", class: "button", ...attrs }, [text]);
    b.addEventListener("click", onClick);
    return b;
  };
  const cancel = () => {
    picked = [];
    draw();
  };
  const merge = async () => {
    const [from, into] = picked as [string, string];
    try {
      const answer = await postCorrection({ action: "merge", from, into });
      cancel();
      actions.corrected(answer, into);
    } catch (err) {
      bar.append(el("span", { class: "error" }, [(err as Error).message]));
    }
  };
  function draw(): void {
    bar.hidden = picked.length === 0;
    if (picked.length === 1) {
      bar.replaceChildren(
        `Shift-click another node to merge ${label(picked[0]!)} into it `,
        button("Cancel", { "data-merge": "cancel" }, cancel),
      );
    } else if (picked.length === 2) {
      bar.replaceChildren(
        el("span", { "data-merge-pair": picked.join("|") }, [`Merge ${label(picked[0]!)} into ${label(picked[1]!)}? `]),
        button("Merge", { "data-merge": "merge" }, () => void merge()),
        button("Swap", { "data-merge": "swap" }, () => {
          picked.reverse();
          draw();
        }),
        button("Cancel", { "data-merge": "cancel" }, cancel),
      );
    }
  }
  return {
    pick(id: string): void {
      picked = [...picked.filter((p) => p !== id), id].slice(-2);
      draw();
    },
  };
}
