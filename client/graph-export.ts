// The drawn graph as files: nodes.csv and edges.csv with the columns Gephi's spreadsheet import expects. The PNG is
// the renderer's own (GraphView.toPng).
import type { EntityGraphClient } from "./graph-view.js";

function csvCell(value: unknown): string {
  const text = Array.isArray(value) ? value.join(" | ") : value === undefined ? "" : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csv(header: string[], rows: unknown[][]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

/** nodes.csv and edges.csv of what is shown, with the columns Gephi's spreadsheet import expects (Id, Source, Target). */
export function graphCsv(graph: EntityGraphClient): { nodes: string; edges: string } {
  const nodeCols = [
    "label",
    "type",
    "mentions",
    "documents",
    "community",
    "pagerank",
    "degree",
    "aliases",
    "roles",
    "affiliations",
    "x",
    "y",
  ] as const;
  const nodes = csv(
    ["Id", "Label", ...nodeCols.slice(1)],
    graph.mapNodes((id, a) => [id, ...nodeCols.map((c) => a[c])]),
  );
  const edges = csv(
    ["Id", "Source", "Target", "Type", "kind", "stance", "weight", "confidence"],
    graph.mapEdges((id, a, s, t, _sa, _ta, undirected) => [
      id,
      s,
      t,
      undirected ? "Undirected" : "Directed",
      a.kind,
      a.stance,
      a.weight,
      a.confidence,
    ]),
  );
  return { nodes, edges };
}
