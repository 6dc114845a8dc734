// Wires the explorer: one view state (mirrored in the URL), producers that change it, and the views that follow it.
import type { DocumentSummary } from "../common/api/documents.js";
import { ENTITY_TYPES } from "../common/types.js";
import { ApiError, fetchDocument, fetchDocuments, fetchEdge, fetchEntity, fetchGraph, type GraphView as ServerView } from "./api.js";
import { type CorrectionAnswer, fetchCorrections, fetchDuplicates } from "./corrections-api.js";
import { el } from "./dom.js";
import { graphCsv } from "./graph-export.js";
import { GraphView } from "./graph-view.js";
import { followCorpus } from "./live.js";
import {
  type Producer,
  type ViewState,
  closeDocument,
  focusOn,
  fromSearch,
  graphQuery,
  openDocument,
  openCorrections,
  openDocuments,
  selectEdge,
  selectEntity,
  toSearch,
  wholeGraph,
} from "./state.js";
import type { Actions } from "./views/actions.js";
import { type Bounds, mountControls } from "./views/controls.js";
import { correctionsPanel } from "./views/corrections.js";
import { mountMergePicker } from "./views/merge-picker.js";
import { documentReader, documentsPanel } from "./views/documents.js";
import { edgePanel } from "./views/edge-panel.js";
import { entityPanel } from "./views/entity-panel.js";
import { mountLegend } from "./views/legend.js";
import { mountSearch } from "./views/search.js";

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const panel = $("panel");
const status = $("status");

let state: ViewState = fromSearch(location.search);
let serverView: ServerView | undefined;
let documents: DocumentSummary[] = [];
const bounds: Bounds = { maxMentions: 2, maxWeight: 2 };
/** Increases with every request, so a slow answer never overwrites a newer one. */
let generation = 0;
let panelGeneration = 0;

const graphView = new GraphView($("graph"), {
  clickNode: (id, shift) => (shift ? mergePicker.pick(id) : dispatch(selectEntity(id))),
  clickEdge: (id) => dispatch(selectEdge(id)),
  clickStage: () => dispatch(selectEntity(undefined)),
});
// Tests and power users reach the renderer here (see ../shared/docs/BROWSER.md).
(window as unknown as { __explorer: unknown }).__explorer = { renderer: graphView.renderer, graph: graphView.graph, view: graphView };

const actions: Actions = {
  selectEntity: (id) => {
    dispatch(selectEntity(id));
    graphView.focusCamera(id);
  },
  selectEdge: (id) => dispatch(selectEdge(id)),
  openDocuments: () => dispatch(openDocuments()),
  openDocument: (id) => dispatch(openDocument(id)),
  closeDocument: () => dispatch(closeDocument()),
  focus: (id, hops) => dispatch(focusOn(id, hops)),
  wholeGraph: () => dispatch(wholeGraph()),
  corpusChanged: () => void reloadAll(),
  openCorrections: () => dispatch(openCorrections()),
  corrected: (answer, select) => void afterCorrection(answer, select),
};

const mergePicker = mountMergePicker($("merge-bar"), () => graphView.graph, actions);

const controls = mountControls($("controls"), dispatch);
const legend = mountLegend($("legend-key"));
const updateLegend = () => legend.update(state, graphView.graph, graphView.getSizeScale());
// A hit outside the drawn view opens its neighbourhood, so that it is drawn and selected.
mountSearch(
  $<HTMLInputElement>("search"),
  $("search-results"),
  () => graphView.graph,
  (id) => (graphView.graph.hasNode(id) ? actions.selectEntity(id) : actions.focus(id, 1)),
);

function dispatch(producer: Producer): void {
  const before = state;
  state = producer(state);
  history.replaceState(null, "", `${location.pathname}${toSearch(state)}`);
  void apply(before, state);
}

const panelKey = (s: ViewState) => JSON.stringify([s.selected, s.edge, s.docs, s.doc, s.focus, s.corrections]);

async function apply(before: ViewState | undefined, s: ViewState): Promise<void> {
  controls.update(s, bounds);
  if (!before || graphQuery(before).toString() !== graphQuery(s).toString()) await loadGraph();
  if (!before || before.sizeBy !== s.sizeBy || before.colorBy !== s.colorBy) graphView.setAppearance(s.sizeBy, s.colorBy);
  updateLegend();
  graphView.setSelection(s.selected, s.edge);
  if (!before || panelKey(before) !== panelKey(s)) await renderPanel(s);
}

async function loadGraph(): Promise<void> {
  const mine = ++generation;
  document.body.dataset.loading = "true";
  try {
    const { data, view } = await fetchGraph(graphQuery(state));
    if (mine !== generation) return;
    graphView.setData(data, view.bbox);
    serverView = view;
    for (const n of data.nodes) bounds.maxMentions = Math.max(bounds.maxMentions, n.attributes?.mentions ?? 0);
    for (const e of data.edges) bounds.maxWeight = Math.max(bounds.maxWeight, e.attributes?.weight ?? 0);
    controls.update(state, bounds);
    updateLegend();
    showStatus();
    updateExports();
  } catch (err) {
    if (mine === generation) status.textContent = `Could not load the graph: ${(err as Error).message}`;
  } finally {
    if (mine === generation) delete document.body.dataset.loading;
  }
}

function showStatus(): void {
  if (!serverView) return;
  const { shown, total, hidden } = serverView;
  const counts = `${shown.nodes.toLocaleString("en")} entities · ${shown.edges.toLocaleString("en")} links`;
  status.textContent =
    hidden.nodes > 0
      ? `${counts} shown of ${total.nodes.toLocaleString("en")} · ${hidden.nodes.toLocaleString("en")} entities hidden`
      : counts;
  const banner = $("focus-banner");
  banner.hidden = !state.focus;
  if (state.focus) {
    const label = graphView.graph.hasNode(state.focus) ? graphView.graph.getNodeAttribute(state.focus, "label") : state.focus;
    banner.querySelector("span")!.textContent = `Neighbourhood of ${label} (${state.hops} hop${state.hops === 1 ? "" : "s"})`;
  }
}

function updateExports(): void {
  const query = graphQuery(state);
  // On screen: the same query plus the number shown, so a top-N view exports the same N.
  query.set("limit", String(serverView?.shown.nodes ?? 0));
  $<HTMLAnchorElement>("export-gexf").href = `/api/export.gexf?${query}`;
}

async function renderPanel(s: ViewState): Promise<void> {
  const mine = ++panelGeneration;
  const show = (nodes: (HTMLElement | string)[]) => {
    if (mine !== panelGeneration) return;
    panel.replaceChildren(...nodes);
    panel.scrollTop = 0; // a new panel (a document in the reader, say) opens at its top
  };
  try {
    if (s.corrections) {
      const [{ corrections }, { duplicates }] = await Promise.all([fetchCorrections(), fetchDuplicates()]);
      show(correctionsPanel(corrections, duplicates, actions));
    } else if (s.doc) {
      const d = await fetchDocument(s.doc);
      const labels = new Map(graphView.graph.mapNodes((id, a) => [id, a.label] as const));
      show(documentReader(d, labels, actions));
    } else if (s.docs) {
      documents = await fetchDocuments();
      show(documentsPanel(documents, actions));
    } else if (s.edge) {
      // Node ids are `type:slug` (README, contracts).
      const typeOf = (id: string) => ENTITY_TYPES.find((t) => id.startsWith(`${t}:`)) ?? "person";
      // The pair's other edges too (a stance and a co-mention, say): a click on the pair shows all it has.
      const edges = await Promise.all([s.edge, ...pairEdges(s.edge)].map((id) => fetchEdge(id)));
      show(
        edges.flatMap((e, i) => [
          ...(i > 0 ? [el("hr", { class: "pair-separator" })] : []),
          ...edgePanel(e, actions, { source: typeOf(e.source), target: typeOf(e.target) }),
        ]),
      );
    } else if (s.selected) {
      show(entityPanel(await fetchEntity(s.selected), actions, s.focus === s.selected));
    } else {
      show([el("p", { class: "hint" }, ["Click an entity or an edge to read the sentences behind it, or search for a name."])]);
    }
  } catch (err) {
    const gone = err instanceof ApiError && err.status === 404;
    show([el("p", { class: "error" }, [gone ? `Not in the corpus any more: ${(err as Error).message}` : (err as Error).message])]);
  }
  showStatus();
}

/**
 * After a correction: the new graph in place, every node where it was drawn; a node the correction made (a split,
 * a retype) beside the one it came from. Then the entity to show next, or the Corrections view again.
 */
async function afterCorrection(answer: CorrectionAnswer | undefined, select: string | undefined): Promise<void> {
  void live.seen(); // our own write: not "someone else changed the corpus"
  graphView.holdPositions();
  await loadGraph();
  const c = answer?.correction;
  const origin = c && ("entity" in c ? c.entity.id : c.action === "merge" ? c.into.id : undefined);
  if (origin) for (const id of answer.change.entities.added) graphView.placeNear(id, origin);
  if (state.corrections) await renderPanel(state);
  else if (select && select !== state.selected) dispatch(selectEntity(select));
  else {
    if (!select) dispatch(selectEntity(undefined));
    await renderPanel(state);
  }
  graphView.setSelection(state.selected, state.edge);
  // Tests wait on this count: the page has followed every correction made so far.
  document.body.dataset.corrected = String(Number(document.body.dataset.corrected ?? 0) + 1);
}

/** The other drawn edges between the same two entities, either direction, stances first. */
function pairEdges(edge: string): string[] {
  const g = graphView.graph;
  if (!g.hasEdge(edge)) return [];
  const [a, b] = [g.source(edge), g.target(edge)];
  return [...new Set([...g.edges(a, b), ...g.edges(b, a)])]
    .filter((e) => e !== edge)
    .sort((x, y) => Number(g.getEdgeAttribute(y, "kind") === "stance") - Number(g.getEdgeAttribute(x, "kind") === "stance"));
}

/** After documents were added or deleted (here or by another process): a new graph and a fresh panel, in place. */
async function reloadAll(): Promise<void> {
  $("live-notice").hidden = true;
  void live.seen();
  graphView.resetFrame();
  await loadGraph();
  await loadDateBounds();
  graphView.setSelection(state.selected, state.edge);
  await renderPanel(state);
}

async function loadDateBounds(): Promise<void> {
  documents = await fetchDocuments().catch(() => documents);
  const dates = documents
    .map((d) => d.date)
    .filter((d): d is string => Boolean(d))
    .sort();
  if (dates.length) {
    bounds.firstDate = dates[0];
    bounds.lastDate = dates.at(-1);
  }
  bounds.documents = documents.length;
  bounds.dated = dates.length;
  controls.update(state, bounds);
}

function download(name: string, blob: Blob, anchor?: HTMLAnchorElement): void {
  const url = URL.createObjectURL(blob);
  const a = anchor ?? el("a", { download: name });
  a.href = url;
  if (!anchor) a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function bindToolbar(): void {
  $("open-documents").addEventListener("click", () => dispatch(openDocuments()));
  $("open-corrections").addEventListener("click", () => dispatch(openCorrections()));
  $("focus-back").addEventListener("click", () => dispatch(wholeGraph()));
  const toggle = $("layout-toggle");
  toggle.addEventListener("click", () => {
    if (graphView.isLayoutRunning()) graphView.stopLayout();
    else graphView.startLayout();
    toggle.textContent = graphView.isLayoutRunning() ? "Stop layout" : "Run layout";
    toggle.setAttribute("aria-pressed", String(graphView.isLayoutRunning()));
  });
  $("untangle").addEventListener("click", () => {
    graphView.untangle();
    toggle.textContent = "Run layout";
    toggle.setAttribute("aria-pressed", "false");
  });
  // CSV links get their file at click time, from what is drawn then; the click then downloads it.
  for (const which of ["nodes", "edges"] as const) {
    const a = $<HTMLAnchorElement>(`export-${which}-csv`);
    a.addEventListener("click", () => download(`${which}.csv`, new Blob([graphCsv(graphView.graph)[which]], { type: "text/csv" }), a));
  }
  $("export-png").addEventListener("click", async () => download("entity-graph.png", await graphView.toPng()));
}

// Someone else changed the corpus: reload at once when nothing is open, else offer it and leave the panel be.
const live = followCorpus({
  changed: (health) => {
    if (!busy()) return void reloadAll();
    const notice = $("live-notice");
    notice.querySelector("span")!.textContent = `The corpus changed: now ${health.documents.toLocaleString("en")} documents.`;
    notice.hidden = false;
  },
  // The same corpus with its new nodes laid out: redrawn at once when nothing is open, else at the next reload.
  moved: () => {
    if (!busy()) void redrawPositions();
  },
  // A write to a big corpus is shown before the corpus is resolved again: the page says so until it is.
  resolving: (resolving) => void ($("resolving-notice").hidden = !resolving),
});

function busy(): boolean {
  return Boolean(state.selected || state.edge || state.docs || state.doc || state.corrections);
}

/** The server's new positions for the same corpus, framed anew; the panel and the selection stay. */
async function redrawPositions(): Promise<void> {
  graphView.resetFrame();
  await loadGraph();
  graphView.setSelection(state.selected, state.edge);
}

async function main(): Promise<void> {
  bindToolbar();
  $("live-reload").addEventListener("click", () => void reloadAll());
  await Promise.all([apply(undefined, state), loadDateBounds()]);
  if (!serverView) return;
  document.body.dataset.ready = "true";
}

main().catch((err: Error) => {
  status.textContent = `Could not load the graph: ${err.message}`;
});
