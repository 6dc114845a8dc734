import { MultiDirectedGraph } from "graphology";
import type { write } from "graphology-gexf";

import { lazyRequire } from "../lazy.js";
import type { EdgeAttributes, EntityGraph, NodeAttributes } from "./build.js";

/** graphology-gexf's writer, loaded on the first toGexf (the server streams its own: gexf-stream.ts). */
const gexf = lazyRequire<{ write: typeof write }>("graphology-gexf");

/**
 * GEXF 1.3 that validates against the official RelaxNG schema and reads in Gephi and networkx 3:
 * - pedantic mode, and no xsi:schemaLocation (the RelaxNG schema rejects it; graphology-gexf always writes it);
 * - colours as r/g/b attributes (networkx cannot read viz:color hex), edge thickness as viz:thickness;
 * - list attributes (aliases, roles, affiliations) joined with " | " into strings, which every reader takes;
 * - every edge directed: networkx refuses a file that mixes directed and undirected edges, and stance direction
 *   matters more than drawing co-mentions without arrows. Co-mention edges keep `kind` = "co-mention" and
 *   run from the smaller to the larger id.
 */
export function toGexf(graph: EntityGraph): string {
  const directed = new MultiDirectedGraph<NodeAttributes, EdgeAttributes>();
  graph.forEachNode((n, a) => directed.addNode(n, a));
  graph.forEachEdge((e, a, source, target) => directed.addEdgeWithKey(e, source, target, a));
  const xml = gexf().write(directed, { version: "1.3", pedantic: true, formatNode: gexfNode, formatEdge: gexfEdge });
  return xml.replace(/\s+xsi:schemaLocation="[^"]*"/, "").replace(/\s+xmlns:xsi="[^"]*"/, "");
}

/** What GEXF says of a node, as graphology-gexf's writer takes it (and gexf-stream.ts writes it). */
export interface GexfElement {
  label?: string;
  weight?: number;
  attributes: Record<string, string | number>;
  viz: { color: string; size?: number; x?: number; y?: number; thickness?: number };
}

export const gexfNode = (_key: string, a: NodeAttributes): GexfElement => ({
  label: a.label,
  attributes: {
    type: a.type,
    mentions: a.mentions,
    documents: a.documents,
    community: a.community,
    pagerank: a.pagerank,
    degree: a.degree,
    aliases: a.aliases.join(" | "),
    roles: a.roles.join(" | "),
    affiliations: a.affiliations.join(" | "),
  },
  viz: { color: a.color, size: a.size, x: a.x, y: a.y },
});

export const gexfEdge = (_key: string, a: EdgeAttributes): GexfElement => ({
  label: a.stance ?? a.kind,
  weight: a.weight,
  attributes: {
    kind: a.kind,
    weight: a.weight,
    ...(a.stance ? { stance: a.stance, confidence: a.confidence ?? 0 } : {}),
  },
  viz: { color: a.color, thickness: a.size },
});
