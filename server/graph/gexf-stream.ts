// The GEXF export written while it is sent: the same text as toGexf (graphology-gexf's writer, gexf.ts), in chunks,
// so that a big graph is neither held as one string nor written in one block of the event loop. graphology-gexf
// builds the whole document in memory through xml-writer: 1.3-1.8 s for the BBC graph (16.8 MB), a fresh worker per
// export and per corpus version, which the fuzz's exports of a growing store turned into 10-16 s answers. What it
// writes for our elements (scalar attributes, an rgb colour, a size, a position, a thickness) is reproduced here; a
// test compares the two texts byte for byte (tests/gexf-stream.test.ts), so a change in either shows.
import type { EdgeAttributes, EntityGraph, NodeAttributes } from "./build.js";
import { type GexfElement, gexfEdge, gexfNode } from "./gexf.js";
import { type Steps, every } from "../slices.js";

/** What the export reads of a graph: a graph itself, or its nodes and edges taken out beforehand (`gexfSourceInSteps`). */
export interface GexfSource {
  readonly order: number;
  readonly size: number;
  nodeEntries(): Iterable<{ node: string; attributes: NodeAttributes }>;
  edgeEntries(): Iterable<{ edge: string; attributes: EdgeAttributes; source: string; target: string }>;
}

/**
 * The graph's nodes and edges as they are now, in steps, for an export that then streams from them and no longer
 * reads the graph: the version it came from may be moved on (read/graph-version.ts) while the text is sent. Node
 * attributes are copied (a graph moved on may change a node's object in place while placing it); edge attributes
 * are shared, since they are only ever replaced, never changed in place (graph/recorded.ts).
 */
export function* gexfSourceInSteps(graph: EntityGraph): Steps<GexfSource> {
  const nodes: { node: string; attributes: NodeAttributes }[] = [];
  const edges: { edge: string; attributes: EdgeAttributes; source: string; target: string }[] = [];
  for (const { node, attributes } of graph.nodeEntries()) {
    nodes.push({ node, attributes: { ...attributes } });
    if (every(nodes.length, 5000)) yield;
  }
  for (const { edge, attributes, source, target } of graph.edgeEntries()) {
    edges.push({ edge, attributes, source, target });
    if (every(edges.length, 10_000)) yield;
  }
  return { order: nodes.length, size: edges.length, nodeEntries: () => nodes, edgeEntries: () => edges };
}

type AttributeType = "string" | "double" | "long" | "integer" | "boolean";

/** graphology-gexf's order of preference when values of one attribute have several types: the lowest wins. */
const PRIORITY: Record<AttributeType, number> = { string: 5, double: 6, long: 7, integer: 8, boolean: 9 };

const isEmpty = (value: unknown) => value === undefined || value === null || value === "" || value !== value;

function typeOf(value: string | number | boolean): AttributeType {
  if (typeof value === "boolean") return "boolean";
  if (typeof value !== "number") return "string";
  if (value !== (value | 0)) return "double";
  return value <= 0x7fffffff && value >= -0x7fffffff ? "integer" : "long";
}

/** What xml-writer escapes in an attribute value, and how. */
const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", '"': "&quot;", "\t": "&#x9;", "\n": "&#xA;", "\r": "&#xD;" };
const TO_ESCAPE = /[&<"\t\n\r]/;
const TO_ESCAPE_ALL = /[&<"\t\n\r]/g;

/** An attribute value as XML writes it inside double quotes (xml-writer's escapes, in one pass). */
function escape(value: string | number): string {
  const text = String(value);
  return typeof value === "number" || !TO_ESCAPE.test(text) ? text : text.replace(TO_ESCAPE_ALL, (ch) => ESCAPES[ch]!);
}

const attrs = (pairs: [string, string | number | undefined][]) =>
  pairs.map(([name, value]) => (value === undefined ? "" : ` ${name}="${escape(value)}"`)).join("");

/** `#rrggbb` as GEXF 1.3's hex attribute, `rgb(r, g, b)` or `rgba(…)` as its r, g, b (and a); nothing for another form. */
function rgba(color: string): [string, string | number][] {
  if (color.startsWith("#")) return [["hex", color]];
  const m = /^\s*rgba?\s*\(\s*([0-9]*)\s*,\s*([0-9]*)\s*,\s*([0-9]*)\s*(?:,\s*([.0-9]*))?\)\s*$/i.exec(color);
  if (!m) return [];
  const out: [string, string | number][] = [
    ["r", +m[1]!],
    ["g", +m[2]!],
    ["b", +m[3]!],
  ];
  if (m[4]) out.push(["a", +m[4]]);
  return out;
}

/** The attribute model: each attribute with a value somewhere, in the order first seen, and its type. */
class Model {
  readonly types = new Map<string, AttributeType>();

  see(element: GexfElement): void {
    for (const [name, value] of Object.entries(element.attributes)) {
      if (isEmpty(value)) continue;
      const type = typeOf(value);
      const current = this.types.get(name);
      if (!current || PRIORITY[type] < PRIORITY[current]) this.types.set(name, type);
    }
  }

  declaration(cls: "node" | "edge"): string {
    if (this.types.size === 0) return "";
    const lines = [...this.types].map(
      ([name, type]) =>
        `      <attribute${attrs([
          ["id", name],
          ["title", name],
          ["type", type],
        ])}/>\n`,
    );
    return `    <attributes class="${cls}">\n${lines.join("")}    </attributes>\n`;
  }
}

function element(tag: "node" | "edge", head: string, e: GexfElement, model: Model): string {
  let out = `      <${tag}${head}${e.label ? ` label="${escape(e.label)}"` : ""}`;
  let children = "";
  if (model.types.size > 0) {
    let values = "";
    for (const name of model.types.keys()) {
      const value = e.attributes[name];
      if (value !== undefined && !isEmpty(value)) values += `          <attvalue for="${escape(name)}" value="${escape(value)}"/>\n`;
    }
    children += values ? `        <attvalues>\n${values}        </attvalues>\n` : "        <attvalues/>\n";
  }
  const { color, size, x, y, thickness } = e.viz;
  if (color) children += `        <viz:color${attrs(rgba(color))}/>\n`;
  if (size !== undefined) children += `        <viz:size value="${size}"/>\n`;
  if (x !== undefined || y !== undefined)
    children += `        <viz:position${attrs([
      ["x", x],
      ["y", y],
    ])}/>\n`;
  if (thickness !== undefined) children += `        <viz:thickness value="${thickness}"/>\n`;
  out += children ? `>\n${children}      </${tag}>\n` : "/>\n";
  return out;
}

/**
 * The GEXF of `graph` in chunks of about `perChunk` elements: their concatenation is `toGexf(graph)`. The document's
 * head comes first, at once (a client sees the answer start); then the attribute models are counted, an empty chunk
 * every ten chunks' worth of elements for the caller to yield at; then the elements. Every edge is written directed,
 * as toGexf does.
 */
export function* gexfChunks(graph: GexfSource, perChunk = 2000): Generator<string> {
  yield '<?xml version="1.0" encoding="UTF-8"?>\n<gexf version="1.3" xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz">\n';
  const [nodes, edges] = [new Model(), new Model()];
  let seen = 0;
  for (const { node: key, attributes: a } of graph.nodeEntries()) {
    nodes.see(gexfNode(key, a));
    if (++seen % (perChunk * 10) === 0) yield "";
  }
  for (const { edge, attributes } of graph.edgeEntries()) {
    edges.see(gexfEdge(edge, attributes));
    if (++seen % (perChunk * 10) === 0) yield "";
  }
  let chunk = `  <meta/>\n  <graph defaultedgetype="directed">\n${nodes.declaration("node")}${edges.declaration("edge")}`;
  let count = 0;
  const flush = function* () {
    if (++count % perChunk !== 0) return;
    yield chunk;
    chunk = "";
  };
  chunk += graph.order ? "    <nodes>\n" : "    <nodes/>\n";
  for (const { node: key, attributes: a } of graph.nodeEntries()) {
    chunk += element("node", ` id="${escape(key)}"`, gexfNode(key, a), nodes);
    yield* flush();
  }
  if (graph.order) chunk += "    </nodes>\n";
  chunk += graph.size ? "    <edges>\n" : "    <edges/>\n";
  for (const { edge, attributes, source, target } of graph.edgeEntries()) {
    const e = gexfEdge(edge, attributes);
    const head = ` id="${escape(edge)}" source="${escape(source)}" target="${escape(target)}"${e.weight === undefined ? "" : ` weight="${e.weight}"`}`;
    chunk += element("edge", head, e, edges);
    yield* flush();
  }
  if (graph.size) chunk += "    </edges>\n";
  yield `${chunk}  </graph>\n</gexf>`;
}
