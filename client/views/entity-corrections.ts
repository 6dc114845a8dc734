// The entity panel's corrections: merge into… (with search), split aliases out (checkboxes), rename, change type,
// hide, keep apart from…. Each posts one correction; the graph then follows in place (Actions.corrected).
import { ENTITY_TYPES } from "../../common/types.js";
import type { EntityDetail } from "../api.js";
import { type CorrectionBody, postCorrection, searchCorpus } from "../corrections-api.js";
import { el } from "../dom.js";
import type { Actions } from "./actions.js";

const button = (label: string, attrs: Record<string, string>, onClick: () => void) => {
  const b = el("button", { type: "button", class: "button", ...attrs }, [label]);
  b.addEventListener("click", onClick);
  return b;
};

/** A search box over the whole corpus whose hits are buttons; `choose` gets the chosen id. */
function entityPicker(name: string, except: string, choose: (id: string, label: string) => void): HTMLElement {
  const input = el("input", { type: "search", "data-picker": name, placeholder: "Search for the other entity…", "aria-label": name });
  const hits = el("ul", { class: "picker-hits", "data-hits": name });
  let asked = 0;
  input.addEventListener("input", async () => {
    const mine = ++asked;
    const q = input.value.trim();
    if (!q) return hits.replaceChildren();
    const found = (await searchCorpus(q).catch(() => [])).filter((h) => h.id !== except);
    if (mine !== asked) return;
    hits.replaceChildren(
      ...found.map((h) =>
        el("li", {}, [button(`${h.label} (${h.type})`, { "data-choose": h.id, class: "link" }, () => choose(h.id, h.label))]),
      ),
    );
  });
  return el("div", { class: "picker" }, [input, hits]);
}

export function correctionTools(e: EntityDetail, actions: Actions): HTMLElement {
  const status = el("p", { id: "correction-status", role: "status" });
  const run = async (body: CorrectionBody, select: string | undefined) => {
    status.textContent = "Saving…";
    delete status.dataset.done;
    try {
      const answer = await postCorrection(body);
      const { added, removed, relabelled } = answer.change.entities;
      status.textContent = `Done: ${added.length} added, ${removed.length} removed, ${relabelled.length} relabelled.`;
      status.dataset.done = "true";
      actions.corrected(answer, select === "added" ? answer.change.entities.added[0] : select);
    } catch (err) {
      status.replaceChildren(el("span", { class: "error" }, [(err as Error).message]));
      status.dataset.done = "error";
    }
  };

  const merge = entityPicker("Merge into", e.id, (into) => void run({ action: "merge", from: e.id, into }, into));
  const apart = entityPicker("Keep apart from", e.id, (other) => void run({ action: "keep-apart", entities: [e.id, other] }, e.id));

  const boxes = e.aliases.map((alias) => {
    const box = el("input", { type: "checkbox", value: alias, "data-alias": alias });
    return { alias, box, label: el("label", { class: "alias" }, [box, ` ${alias}`]) };
  });
  const split = button("Split out", { "data-correct": "split" }, () => {
    const aliases = boxes.filter((b) => b.box.checked).map((b) => b.alias);
    if (aliases.length) void run({ action: "split", entity: e.id, aliases }, "added");
  });

  const label = el("input", { type: "text", value: e.label, "data-field": "label", "aria-label": "New name" });
  const rename = button(
    "Rename",
    { "data-correct": "rename" },
    () => void run({ action: "rename", entity: e.id, label: label.value }, e.id),
  );

  const type = el(
    "select",
    { "data-field": "type", "aria-label": "New type" },
    ENTITY_TYPES.map((t) => el("option", t === e.type ? { value: t, selected: "" } : { value: t }, [t])),
  );
  const retype = button(
    "Change type",
    { "data-correct": "retype" },
    () => void run({ action: "retype", entity: e.id, type: type.value }, "added"),
  );
  const hide = button("Hide (not an entity)", { "data-correct": "hide" }, () => void run({ action: "hide", entity: e.id }, undefined));

  return el("details", { class: "corrections-tools" }, [
    el("summary", {}, ["Correct this entity"]),
    el("h4", {}, ["Merge into…"]),
    merge,
    el("h4", {}, ["Split aliases out"]),
    el(
      "div",
      { class: "aliases" },
      boxes.map((b) => b.label),
    ),
    split,
    el("h4", {}, ["Rename"]),
    el("div", { class: "row" }, [label, rename]),
    el("h4", {}, ["Change type"]),
    el("div", { class: "row" }, [type, retype]),
    el("h4", {}, ["Hide"]),
    hide,
    el("h4", {}, ["Keep apart from…"]),
    apart,
    status,
  ]);
}
