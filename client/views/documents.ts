// Documents: the list (title, date, source, entity count, delete), adding articles by paste or drop with
// progress, and the reader, where every recognised entity is highlighted in its type colour and selects its node.
import type { DocumentSummary } from "../../common/api/documents.js";
import { TYPE_COLORS } from "../../common/appearance.js";
import { addDocuments, deleteDocument, type DocumentDetail } from "../api.js";
import { el, linkButton, wrapped } from "../dom.js";
import type { Actions } from "./actions.js";

/** Sends a batch one request per item so the bar can move; reports what each one did. */
async function runBatch(
  items: ({ text: string; title?: string } | File)[],
  status: HTMLElement,
  bar: HTMLProgressElement,
  actions: Actions,
) {
  bar.max = items.length;
  bar.value = 0;
  bar.hidden = false;
  const failures: string[] = [];
  let added = 0;
  let known = 0;
  for (const [i, item] of items.entries()) {
    status.textContent = `Adding ${i + 1} of ${items.length}…`;
    try {
      const res = await addDocuments(item instanceof File ? [item] : item);
      added += res.documents.filter((d) => d.status !== "existing").length;
      known += res.documents.filter((d) => d.status === "existing").length;
      failures.push(...res.rejected.map((r) => `${r.where}: ${r.error}`));
    } catch (err) {
      failures.push(`${item instanceof File ? item.name : "pasted text"}: ${(err as Error).message}`);
    }
    bar.value = i + 1;
  }
  bar.hidden = true;
  status.replaceChildren(
    `Added ${added} document${added === 1 ? "" : "s"}${known ? `; ${known} already there` : ""}.`,
    ...failures.map((f) => el("span", { class: "error" }, [f])),
  );
  status.dataset.done = "true";
  if (added) actions.corpusChanged();
}

/** Built once and reused: the list re-renders after every change, while the form keeps its status and progress. */
let theForm: HTMLElement | undefined;
const addForm = (actions: Actions): HTMLElement => (theForm ??= buildAddForm(actions));

function buildAddForm(actions: Actions): HTMLElement {
  const title = el("input", { id: "paste-title", type: "text", placeholder: "Title (optional)", "aria-label": "Title" });
  const text = el("textarea", {
    id: "paste-text",
    rows: "4",
    placeholder: "Paste an article, or drop .txt / .md / .html / .json files here",
    "aria-label": "Article text",
  });
  const files = el("input", {
    id: "add-files",
    type: "file",
    multiple: "",
    accept: ".txt,.md,.html,.htm,.json,.ndjson",
    "aria-label": "Add files",
  });
  const submit = el("button", { type: "submit", class: "button" }, ["Add"]);
  const bar = el("progress", { id: "ingest-progress", value: "0", max: "1" });
  bar.hidden = true;
  const status = el("p", { id: "ingest-status", role: "status" });
  const form = el("form", { id: "add-documents", class: "drop-zone" }, [
    text,
    el("div", { class: "row" }, [title, submit, files]),
    bar,
    status,
  ]);
  const run = (items: ({ text: string; title?: string } | File)[]) => {
    if (items.length === 0) return;
    delete status.dataset.done;
    void runBatch(items, status, bar, actions);
  };
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    if (!text.value.trim()) return;
    run([{ text: text.value, ...(title.value.trim() ? { title: title.value.trim() } : {}) }]);
    text.value = "";
    title.value = "";
  });
  files.addEventListener("change", () => run([...(files.files ?? [])]));
  form.addEventListener("dragover", (ev) => {
    ev.preventDefault();
    form.classList.add("over");
  });
  form.addEventListener("dragleave", () => form.classList.remove("over"));
  form.addEventListener("drop", (ev) => {
    ev.preventDefault();
    form.classList.remove("over");
    const dropped = [...(ev.dataTransfer?.files ?? [])];
    const pasted = ev.dataTransfer?.getData("text/plain");
    run(dropped.length ? dropped : pasted ? [{ text: pasted }] : []);
  });
  return form;
}

export function documentsPanel(docs: DocumentSummary[], actions: Actions): HTMLElement[] {
  const rows = docs.map((d) => {
    const del = el(
      "button",
      { type: "button", class: "delete", "data-delete": d.id, title: "Delete this document", "aria-label": `Delete ${d.title}` },
      ["Delete"],
    );
    del.addEventListener("click", async () => {
      del.disabled = true;
      try {
        await deleteDocument(d.id);
        actions.corpusChanged();
      } catch (err) {
        del.replaceWith(el("span", { class: "error" }, [(err as Error).message]));
      }
    });
    return el("li", { "data-doc": d.id }, [
      linkButton(d.title, { "data-doc-link": d.id }, () => actions.openDocument(d.id)),
      el("span", { class: "doc" }, [[d.date ?? "undated", d.source, `${d.entities} entities`].filter(Boolean).join(" · ")]),
      del,
    ]);
  });
  return [
    el("h2", { "data-view": "documents" }, ["Documents"]),
    el("p", { class: "meta" }, [`${docs.length} document${docs.length === 1 ? "" : "s"}`]),
    addForm(actions),
    el("ol", { class: "documents" }, rows),
  ];
}

export function documentReader(d: DocumentDetail, labels: Map<string, string>, actions: Actions): HTMLElement[] {
  const back = linkButton("← All documents", { "data-action": "documents" }, () => actions.closeDocument());
  const spans = d.mentions.map((m) => ({
    start: m.start,
    end: m.end,
    wrap: (slice: string) => {
      const b = linkButton(
        slice,
        { class: "link entity-mention", "data-link": m.entityId, title: labels.get(m.entityId) ?? m.entityId },
        () => actions.selectEntity(m.entityId),
      );
      b.style.setProperty("--type-color", TYPE_COLORS[m.type]);
      return b;
    },
  }));
  return [
    back,
    el("h2", { "data-doc": d.id }, [d.title]),
    el("p", { class: "meta" }, [[d.date ?? "undated", d.source, d.author].filter(Boolean).join(" · ")]),
    el("div", { class: "reader" }, wrapped(d.text, spans)),
  ];
}
