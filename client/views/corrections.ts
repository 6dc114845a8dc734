// The Corrections view: the log (who, when, what, note) with undo for each entry, the review queue of possible
// duplicates (merge / keep apart), and corrections.json export and import.
import {
  type CorrectionAnswer,
  type Duplicate,
  type LoggedCorrection,
  importCorrections,
  postCorrection,
  undoCorrection,
} from "../corrections-api.js";
import { el } from "../dom.js";
import type { Actions } from "./actions.js";
import { entityLink } from "./common.js";

/** One line saying what a correction does, with its entities as links where they are in the graph. */
function describe(c: LoggedCorrection): string {
  switch (c.action) {
    case "merge":
      return `merge ${c.from.id} into ${c.into.id}`;
    case "split":
      return `split ${[...c.aliases, ...c.documents].join(", ")} out of ${c.entity.id}${c.into ? ` into ${c.into.id}` : ""}`;
    case "rename":
      return `rename ${c.entity.id} to "${c.label}"`;
    case "retype":
      return `retype ${c.entity.id} as ${c.type}`;
    case "hide":
      return `hide ${c.entity.id}`;
    case "keep-apart":
      return `keep ${c.entities[0].id} and ${c.entities[1].id} apart`;
  }
}

function logList(log: LoggedCorrection[], actions: Actions): HTMLElement {
  if (log.length === 0) return el("p", { class: "hint" }, ["No corrections yet: open an entity and use “Correct this entity”."]);
  return el(
    "ol",
    { class: "corrections-log" },
    log.map((c) => {
      const undo = el("button", { type: "button", class: "button", "data-undo": String(c.id) }, ["Undo"]);
      undo.addEventListener("click", async () => {
        undo.disabled = true;
        try {
          actions.corrected(await undoCorrection(c.id), undefined);
        } catch (err) {
          undo.replaceWith(el("span", { class: "error" }, [(err as Error).message]));
        }
      });
      return el("li", { "data-correction": String(c.id), "data-status": c.status }, [
        el("span", { class: "what" }, [`#${c.id} ${describe(c)}`]),
        el("span", { class: "meta" }, [
          ` ${c.author} · ${c.at.slice(0, 16).replace("T", " ")}${c.status === "applied" ? "" : ` · ${c.status}`}`,
        ]),
        ...(c.note ? [el("span", { class: "note" }, [` “${c.note}”`])] : []),
        undo,
      ]);
    }),
  );
}

function reviewQueue(pairs: Duplicate[], actions: Actions): HTMLElement {
  if (pairs.length === 0) return el("p", { class: "hint" }, ["No possible duplicates."]);
  const act = (row: HTMLElement, post: () => Promise<CorrectionAnswer>, select: string | undefined) => async () => {
    row.querySelectorAll("button").forEach((b) => (b.disabled = true));
    try {
      actions.corrected(await post(), select);
    } catch (err) {
      row.append(el("span", { class: "error" }, [(err as Error).message]));
    }
  };
  return el(
    "ol",
    { class: "duplicates" },
    pairs.map((d) => {
      const row = el("li", { "data-pair": `${d.from.id}|${d.into.id}` }, [
        entityLink(d.from.id, d.from.type, d.from.label, actions),
        " → ",
        entityLink(d.into.id, d.into.type, d.into.label, actions),
        el("span", { class: "meta" }, [` ${d.reason} · changes ${d.score}`]),
      ]);
      const merge = el("button", { type: "button", class: "button", "data-review": "merge" }, ["Merge"]);
      const apart = el("button", { type: "button", class: "button", "data-review": "keep-apart" }, ["Keep apart"]);
      merge.addEventListener(
        "click",
        act(row, () => postCorrection({ action: "merge", from: d.from.id, into: d.into.id }), d.into.id),
      );
      apart.addEventListener(
        "click",
        act(row, () => postCorrection({ action: "keep-apart", entities: [d.from.id, d.into.id] }), undefined),
      );
      row.append(merge, apart);
      return row;
    }),
  );
}

function importForm(actions: Actions): HTMLElement {
  const file = el("input", {
    type: "file",
    accept: ".json,application/json",
    id: "import-corrections",
    "aria-label": "Import corrections.json",
  });
  const status = el("span", { id: "import-status", role: "status" });
  file.addEventListener("change", async () => {
    const chosen = file.files?.[0];
    if (!chosen) return;
    try {
      const { imported } = await importCorrections(JSON.parse(await chosen.text()));
      status.textContent = `Imported ${imported.length}.`;
      actions.corrected(undefined, undefined);
    } catch (err) {
      status.replaceChildren(el("span", { class: "error" }, [(err as Error).message]));
    }
  });
  return el("p", { class: "row" }, [
    el("a", { class: "button", href: "/api/corrections/export", download: "corrections.json", id: "export-corrections" }, [
      "Export corrections.json",
    ]),
    el("label", { class: "button" }, ["Import… ", file]),
    status,
  ]);
}

export function correctionsPanel(log: LoggedCorrection[], pairs: Duplicate[], actions: Actions): HTMLElement[] {
  return [
    el("h2", { "data-view": "corrections" }, ["Corrections"]),
    el("p", { class: "meta" }, [`${log.length} correction${log.length === 1 ? "" : "s"}; each is kept across new documents and rebuilds`]),
    importForm(actions),
    logList(log, actions),
    el("h3", {}, ["Possible duplicates"]),
    reviewQueue(pairs, actions),
  ];
}
