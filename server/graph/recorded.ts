// A write's changes to a graph, recorded as they are made (graphology's events) so that they can be made again on
// another graph equal to where the first one started: read/graph-version.ts moves the graph a write replaced on to the
// current version this way, at the cost of the write's change, instead of copying the whole graph for the next write.
import type { EntityGraph } from "./build.js";
import { type Steps, every } from "../slices.js";

/** One change to a graph, with the attribute objects it set (shared, never changed in place once served). */
export type GraphOp =
  | { op: "addNode"; key: string; attributes: object }
  | { op: "dropNode"; key: string }
  | { op: "nodeAttributes"; key: string; attributes: object }
  | { op: "addEdge"; key: string; source: string; target: string; undirected: boolean; attributes: object }
  | { op: "dropEdge"; key: string }
  | { op: "edgeAttributes"; key: string; attributes: object };

/** The events a recording cannot replay (a graph cleared, attributes changed for every node at once): it is void then. */
const UNREPLAYABLE = ["cleared", "edgesCleared", "eachNodeAttributesUpdated", "eachEdgeAttributesUpdated"] as const;

/**
 * Records the changes made to `graph` from now on; the returned function stops recording and gives them, in order,
 * or undefined when one of them cannot be replayed. Node and edge attributes are recorded as the objects the graph
 * holds: an object changed in place later (a new node's, while the write places it) is replayed as it ends up.
 */
export function recordChanges(graph: EntityGraph): () => GraphOp[] | undefined {
  const ops: GraphOp[] = [];
  let void_ = false;
  const listeners: Record<string, (payload: Record<string, unknown>) => void> = {
    nodeAdded: ({ key }) => ops.push({ op: "addNode", key: key as string, attributes: graph.getNodeAttributes(key as string) }),
    nodeDropped: ({ key }) => ops.push({ op: "dropNode", key: key as string }),
    nodeAttributesUpdated: ({ key }) =>
      ops.push({ op: "nodeAttributes", key: key as string, attributes: graph.getNodeAttributes(key as string) }),
    edgeAdded: ({ key, source, target, undirected }) =>
      ops.push({
        op: "addEdge",
        key: key as string,
        source: source as string,
        target: target as string,
        undirected: undirected as boolean,
        attributes: graph.getEdgeAttributes(key as string),
      }),
    edgeDropped: ({ key }) => ops.push({ op: "dropEdge", key: key as string }),
    edgeAttributesUpdated: ({ key }) =>
      ops.push({ op: "edgeAttributes", key: key as string, attributes: graph.getEdgeAttributes(key as string) }),
  };
  const unreplayable = () => (void_ = true);
  const events = graph as unknown as NodeJS.EventEmitter; // graphology's event names typed per event; these are all of them
  for (const [event, listener] of Object.entries(listeners)) events.on(event, listener);
  for (const event of UNREPLAYABLE) events.on(event, unreplayable);
  return () => {
    for (const [event, listener] of Object.entries(listeners)) events.off(event, listener);
    for (const event of UNREPLAYABLE) events.off(event, unreplayable);
    return void_ ? undefined : ops;
  };
}

/**
 * Makes the recorded changes on `target`, a graph equal to the recorded one where the recording started: it is then
 * equal to the recorded graph where the recording stopped (the same nodes and edges in the same order, sharing their
 * attribute objects).
 */
export function* replayInSteps(target: EntityGraph, ops: readonly GraphOp[]): Steps<void> {
  let i = 0;
  for (const change of ops) {
    if (every(i++, 4096)) yield;
    switch (change.op) {
      case "addNode":
        target.addNode(change.key, change.attributes as never);
        break;
      case "dropNode":
        target.dropNode(change.key);
        break;
      case "nodeAttributes":
        target.replaceNodeAttributes(change.key, change.attributes as never);
        break;
      case "addEdge":
        if (change.undirected) target.addUndirectedEdgeWithKey(change.key, change.source, change.target, change.attributes as never);
        else target.addDirectedEdgeWithKey(change.key, change.source, change.target, change.attributes as never);
        break;
      case "dropEdge":
        target.dropEdge(change.key);
        break;
      case "edgeAttributes":
        target.replaceEdgeAttributes(change.key, change.attributes as never);
        break;
    }
  }
}
