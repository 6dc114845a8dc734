import Graph from "graphology";
import type { SerializedGraph } from "graphology-types";
import Sigma from "sigma";
import { EdgeArrowProgram, NodeCircleProgram } from "sigma/rendering";

import type { EdgeAttributes, NodeAttributes } from "../server/graph/build.js";
import type { EvidenceView, MentionView } from "../server/corpus.js";
import { ENTITY_TYPES, type EntityType } from "../server/types.js";
import { TYPE_COLORS } from "../server/graph/appearance.js";
import { el, highlighted } from "./dom.js";

interface EntityDetail {
  id: string;
  label: string;
  type: EntityType;
  aliases: string[];
  roles: string[];
  affiliations: string[];
  mentions: number;
  documents: number;
  sentences: MentionView[];
}

interface EdgeDetail {
  id: string;
  kind: string;
  stance?: string;
  weight: number;
  sourceLabel: string;
  targetLabel: string;
  evidence: EvidenceView[];
}

const panel = document.getElementById("panel")!;
const status = document.getElementById("status")!;

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { error?: string };
    throw new Error(body.error ?? `${res.status} ${res.statusText}`);
  }
  return (await res.json()) as T;
}

function renderLegend(): void {
  const legend = document.getElementById("legend")!;
  for (const type of ENTITY_TYPES) {
    legend.append(el("li", {}, [el("span", { class: "swatch", style: `background:${TYPE_COLORS[type]}` }), type]));
  }
}

function showEntity(e: EntityDetail): void {
  const byDoc = e.sentences;
  panel.replaceChildren(
    el("h2", { "data-entity": e.id }, [e.label]),
    el("p", { class: "meta" }, [`${e.type} · ${e.mentions} mentions in ${e.documents} documents`]),
    el("dl", {}, [
      el("dt", {}, ["Aliases"]),
      el("dd", {}, [e.aliases.join(", ")]),
      ...(e.roles.length ? [el("dt", {}, ["Roles"]), el("dd", {}, [e.roles.join(", ")])] : []),
      ...(e.affiliations.length ? [el("dt", {}, ["Affiliations"]), el("dd", {}, [e.affiliations.join(", ")])] : []),
    ]),
    el("h3", {}, ["Sentences"]),
    el(
      "ol",
      { class: "sentences" },
      byDoc.map((m) =>
        el("li", {}, [
          ...highlighted(m.text, [{ start: m.start, end: m.end, role: "mention" }]),
          el("span", { class: "doc" }, [m.docTitle]),
        ]),
      ),
    ),
  );
}

function showEdge(e: EdgeDetail): void {
  const relation = e.kind === "stance" ? `${e.stance === "support" ? "supports" : "opposes"}` : "named with";
  panel.replaceChildren(
    el("h2", {}, [`${e.sourceLabel} ${relation} ${e.targetLabel}`]),
    el("p", { class: "meta" }, [`${e.kind} · ${e.weight} sentence${e.weight === 1 ? "" : "s"}`]),
    el(
      "ol",
      { class: "sentences" },
      e.evidence.map((ev) => el("li", {}, [...highlighted(ev.text, ev.highlights), el("span", { class: "doc" }, [ev.docTitle])])),
    ),
  );
}

function showError(message: string): void {
  panel.replaceChildren(el("p", { class: "error" }, [message]));
}

async function main(): Promise<void> {
  renderLegend();
  const data = await getJson<SerializedGraph<NodeAttributes, EdgeAttributes>>("/api/graph");
  const graph = new Graph<NodeAttributes, EdgeAttributes>({ multi: true, type: "mixed" });
  graph.import(data);
  const container = document.getElementById("graph")!;
  const renderer = new Sigma(graph, container, {
    enableEdgeEvents: true,
    renderEdgeLabels: false,
    labelRenderedSizeThreshold: 6,
    labelDensity: 0.7,
    labelGridCellSize: 80,
    zIndex: true,
    // The node attribute `type` is the entity type (part of the data contract); each one is drawn as a circle.
    nodeProgramClasses: Object.fromEntries(ENTITY_TYPES.map((t) => [t, NodeCircleProgram])),
    edgeProgramClasses: { arrow: EdgeArrowProgram },
  });
  // Tests and power users reach the renderer here (see ../shared/docs/BROWSER.md).
  (window as unknown as { __explorer: unknown }).__explorer = { renderer, graph };

  renderer.on("clickNode", ({ node }) => {
    getJson<EntityDetail>(`/api/entities/${encodeURIComponent(node)}`).then(showEntity, (e: Error) => showError(e.message));
  });
  renderer.on("clickEdge", ({ edge }) => {
    getJson<EdgeDetail>(`/api/edges/${encodeURIComponent(edge)}`).then(showEdge, (e: Error) => showError(e.message));
  });
  renderer.on("enterNode", () => (container.style.cursor = "pointer"));
  renderer.on("leaveNode", () => (container.style.cursor = ""));
  status.textContent = `${graph.order} entities · ${graph.size} links`;
  document.body.dataset.ready = "true";
}

main().catch((err: Error) => {
  status.textContent = `Could not load the graph: ${err.message}`;
});
