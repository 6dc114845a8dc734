// sigma + graphology: the drawn graph. Highlight, size and colour are display data from the node and edge
// reducers; the graph's own attributes change only when the server sends a new subgraph or a layout moves nodes.
import Graph from "graphology";
import FA2Layout from "graphology-layout-forceatlas2/worker";
import forceAtlas2 from "graphology-layout-forceatlas2";
import noverlap from "graphology-layout-noverlap";
import Sigma from "sigma";
import { EdgeArrowProgram, EdgeRectangleProgram, NodeCircleProgram } from "sigma/rendering";
import type { EdgeDisplayData, NodeDisplayData } from "sigma/types";

import { type ColorBy, type SizeBy, colorFor, sizeFor } from "../common/appearance.js";
import type { EdgeAttributes, NodeAttributes } from "../common/graph.js";
import { ENTITY_TYPES } from "../common/types.js";
import type { GraphData, GraphView as ServerView } from "./api.js";
import { LABEL_FONT, LABEL_SIZE, type LabelCandidate, MIN_LABELLED_RADIUS, clearLabels, labelBox } from "./graph-labels.js";

export const DIM_NODE = "rgb(228,228,228)";
const DIM_EDGE = "rgb(240,240,240)";
type Bbox = NonNullable<ServerView["bbox"]>;
/** Two discs may overlap by this share of the smaller one's diameter at the default zoom, no more. */
const MAX_OVERLAP = 0.1;
const MIN_SIZE_SCALE = 0.15;

export type EntityGraphClient = Graph<NodeAttributes, EdgeAttributes>;

export interface GraphViewHandlers {
  /** `shift`: the shift key was held (shift-click picks two nodes to merge). */
  clickNode: (id: string, shift: boolean) => void;
  clickEdge: (id: string) => void;
  clickStage: () => void;
}

export class GraphView {
  readonly graph: EntityGraphClient = new Graph({ multi: true, type: "mixed" });
  readonly renderer: Sigma<NodeAttributes, EdgeAttributes>;
  private hovered: string | undefined;
  private selected: string | undefined;
  private selectedEdge: string | undefined;
  private bright = new Set<string>();
  private sizeBy: SizeBy = "mentions";
  private colorBy: ColorBy = "type";
  private maxPagerank = 1;
  private layout: FA2Layout | undefined;
  /** Positions a layout run in this page produced: they survive a new subgraph from the server. */
  private moved = new Map<string, { x: number; y: number }>();
  private bbox: Bbox | undefined;
  private labels = new Set<string>();
  private labelFrame = 0;
  private measure = document.createElement("canvas").getContext("2d")!;
  private labelTimer: ReturnType<typeof setInterval> | undefined;
  /** Drawn sizes are the chosen measure's times this: below 1 when the view is too dense for full-size discs. */
  private sizeScale = 1;

  constructor(container: HTMLElement, handlers: GraphViewHandlers) {
    this.renderer = new Sigma<NodeAttributes, EdgeAttributes>(this.graph, container, {
      enableEdgeEvents: true,
      renderEdgeLabels: false,
      // Which labels to draw is decided by pickLabels() (forceLabel); sigma's own grid would leave the biggest
      // node of a crowded cell unlabelled when a bigger neighbour shares the cell.
      labelDensity: 0,
      labelRenderedSizeThreshold: Infinity,
      labelSize: LABEL_SIZE,
      labelFont: LABEL_FONT,
      zIndex: true,
      // The node attribute `type` is the entity type (part of the data contract); each one is drawn as a circle.
      nodeProgramClasses: Object.fromEntries(ENTITY_TYPES.map((t) => [t, NodeCircleProgram])),
      // Programs draw in the order they are registered, after sigma's own "arrow" and "line": co-mentions first,
      // then stances, so a stance is drawn (and picked) above a co-mention whatever the zIndex says.
      edgeProgramClasses: { arrow: EdgeArrowProgram, "co-mention-line": EdgeRectangleProgram, "stance-arrow": EdgeArrowProgram },
      nodeReducer: (node, data) => this.reduceNode(node, data),
      edgeReducer: (edge, data) => this.reduceEdge(edge, data),
    });
    this.measure.font = `normal ${LABEL_SIZE}px ${LABEL_FONT}`;
    this.renderer.getCamera().on("updated", () => this.scheduleLabels());
    this.renderer.on("resize", () => this.scheduleLabels());
    // Sigma resizes on window resizes only; the controls above the graph can change its height (a control filled
    // in, a notice shown), and a canvas with stale dimensions frames every node off by half the difference.
    // Sizes are fitted to the canvas too, so they are fitted again for the new one.
    new ResizeObserver(() => {
      this.renderer.resize();
      this.fitSizes();
      this.renderer.refresh();
    }).observe(container);
    // Sigma picks the disc drawn on top; where discs overlap, the one whose centre is nearest the pointer is meant.
    this.renderer.on("clickNode", ({ node, event }) => handlers.clickNode(this.nodeAt(event.x, event.y) ?? node, event.original.shiftKey));
    this.renderer.on("clickEdge", ({ edge, event }) => {
      const node = this.nodeAt(event.x, event.y);
      if (node) handlers.clickNode(node, event.original.shiftKey);
      else handlers.clickEdge(edge);
    });
    this.renderer.on("clickStage", ({ event }) => {
      const node = this.nodeAt(event.x, event.y);
      if (node) handlers.clickNode(node, event.original.shiftKey);
      else handlers.clickStage();
    });
    this.renderer.on("enterNode", ({ node, event }) => {
      container.style.cursor = "pointer";
      this.hovered = this.nodeAt(event.x, event.y) ?? node;
      this.updateBright();
    });
    this.renderer.on("leaveNode", () => {
      container.style.cursor = "";
      this.hovered = undefined;
      this.updateBright();
    });
  }

  // ---- data ----

  /** Replaces the subgraph; nodes keep the place they had (the server's, or the last layout run's). */
  setData(data: GraphData, bbox: Bbox | undefined): void {
    this.stopLayout();
    this.graph.clear();
    this.graph.import(data);
    for (const [id, p] of this.moved) if (this.graph.hasNode(id)) this.graph.mergeNodeAttributes(id, p);
    this.maxPagerank = Math.max(1e-9, ...this.graph.mapNodes((_n, a) => a.pagerank ?? 0));
    // Framing on a fixed box instead of the subgraph's own extent keeps every node still when filters change.
    if (bbox && !this.bbox) this.bbox = bbox;
    this.renderer.setCustomBBox(this.bbox ?? null);
    this.renderer.refresh(); // the new frame first: labels are placed in its coordinates
    this.fitSizes();
    this.updateBright();
  }

  /** Keeps every node where it is drawn through the next setData: a correction changes a few nodes, not the picture. */
  holdPositions(): void {
    this.graph.forEachNode((id, a) => this.moved.set(id, { x: a.x, y: a.y }));
  }

  /** Puts a node the server just added beside where another was (a split-out alias beside the entity it left). */
  placeNear(id: string, near: string): void {
    const at = this.moved.get(near);
    if (!at || !this.graph.hasNode(id) || this.moved.has(id)) return;
    const p = { x: at.x + 0.02 * (this.bbox ? this.bbox.x[1] - this.bbox.x[0] : 1), y: at.y };
    this.moved.set(id, p);
    this.graph.mergeNodeAttributes(id, p);
    this.renderer.refresh();
  }

  /** Drawn sizes as a multiple of the chosen measure's (1 when the view has room for full-size discs). */
  getSizeScale(): number {
    return this.sizeScale;
  }

  /**
   * The largest scale (at most 1) at which no two discs overlap by more than MAX_OVERLAP of the smaller one's
   * diameter at the default zoom; never below MIN_SIZE_SCALE, where discs would be too small to click.
   */
  private fitSizes(): void {
    const { width, height } = this.renderer.getDimensions();
    const home = { cameraState: { x: 0.5, y: 0.5, ratio: 1, angle: 0 }, viewportDimensions: { width, height } };
    // From the nodes' own positions: display data may not be framed yet right after an import.
    const discs = this.graph
      .mapNodes((_id, a) => ({ ...this.renderer.graphToViewport({ x: a.x, y: a.y }, home), r: this.baseSize(a) }))
      .sort((a, b) => a.x - b.x);
    const maxR = Math.max(0, ...discs.map((d) => d.r));
    let scale = 1;
    for (let i = 0; i < discs.length; i++) {
      const a = discs[i]!;
      for (let j = i + 1; j < discs.length && discs[j]!.x - a.x < (a.r + maxR) * scale; j++) {
        const b = discs[j]!;
        const allowed = a.r + b.r - 2 * MAX_OVERLAP * Math.min(a.r, b.r);
        scale = Math.min(scale, Math.hypot(a.x - b.x, a.y - b.y) / allowed);
      }
    }
    this.sizeScale = Math.max(MIN_SIZE_SCALE, scale);
  }

  /** The node under a point of the canvas (px) whose centre is nearest it, if any. */
  nodeAt(x: number, y: number): string | undefined {
    let best: string | undefined;
    let bestDistance = Infinity;
    this.graph.forEachNode((id) => {
      const d = this.renderer.getNodeDisplayData(id);
      if (!d || d.hidden) return;
      const p = this.renderer.framedGraphToViewport(d);
      const distance = Math.hypot(p.x - x, p.y - y);
      if (distance <= this.renderer.scaleSize(d.size) && distance < bestDistance) [best, bestDistance] = [id, distance];
    });
    return best;
  }

  /** The corpus changed and the server laid the graph out anew: frame on its new extent at the next setData. */
  resetFrame(): void {
    this.bbox = undefined;
    this.moved.clear();
  }

  // ---- appearance ----

  setAppearance(sizeBy: SizeBy, colorBy: ColorBy): void {
    this.sizeBy = sizeBy;
    this.colorBy = colorBy;
    this.fitSizes();
    this.updateBright();
  }

  setSelection(node: string | undefined, edge: string | undefined): void {
    this.selected = node && this.graph.hasNode(node) ? node : undefined;
    this.selectedEdge = edge && this.graph.hasEdge(edge) ? edge : undefined;
    this.updateBright();
  }

  private updateBright(): void {
    const centre = this.hovered ?? this.selected;
    this.bright = new Set();
    if (centre && this.graph.hasNode(centre)) {
      this.bright.add(centre);
      for (const n of this.graph.neighbors(centre)) this.bright.add(n);
    } else if (this.selectedEdge) {
      this.bright.add(this.graph.source(this.selectedEdge));
      this.bright.add(this.graph.target(this.selectedEdge));
    }
    this.pickLabels();
    this.renderer.refresh({ skipIndexation: true, schedule: true });
  }

  private scheduleLabels(): void {
    if (this.labelFrame) return;
    this.labelFrame = requestAnimationFrame(() => {
      this.labelFrame = 0;
      this.pickLabels();
      this.renderer.refresh({ skipIndexation: true, schedule: true });
    });
  }

  /**
   * Labels that never overlap, biggest node first: the hovered or selected node, then its neighbours (when one
   * is), then every node by drawn size. Each label is kept only if its box is clear of those already kept.
   */
  private pickLabels(): void {
    const { width, height } = this.renderer.getDimensions();
    const centre = this.hovered ?? this.selected;
    const candidates: LabelCandidate[] = [];
    this.graph.forEachNode((id, a) => {
      if (this.bright.size && !this.bright.has(id)) return;
      const radius = this.renderer.scaleSize(this.sizeOf(a));
      if (radius < MIN_LABELLED_RADIUS && id !== centre) return;
      const p = this.renderer.graphToViewport({ x: a.x, y: a.y });
      if (p.x < -50 || p.y < -20 || p.x > width || p.y > height + 20) return;
      const box = labelBox(p.x, p.y, radius, this.measure.measureText(a.label).width);
      if (box.x2 > width && id !== centre) return; // a label cut by the panel helps nobody
      candidates.push({ id, priority: id === centre ? Infinity : radius + a.mentions / 1e6, box });
    });
    this.labels = clearLabels(candidates);
  }

  private sizeOf(a: NodeAttributes): number {
    return this.baseSize(a) * this.sizeScale;
  }

  private baseSize(a: NodeAttributes): number {
    return sizeFor(a, this.sizeBy, this.maxPagerank);
  }

  private reduceNode(node: string, a: NodeAttributes): Partial<NodeDisplayData> {
    const color = colorFor(a, this.colorBy);
    const size = this.sizeOf(a);
    const labelled = this.labels.has(node);
    const out: Partial<NodeDisplayData> = { ...a, size, color, zIndex: size, label: labelled ? a.label : null, forceLabel: labelled };
    if (this.bright.size === 0) return out;
    if (!this.bright.has(node)) return { ...out, color: DIM_NODE, zIndex: 0 };
    return { ...out, zIndex: 1000 + size, highlighted: node === (this.hovered ?? this.selected) };
  }

  /** Stance edges are drawn (and picked) above co-mention edges: fewer, directed, and what analysts look for. */
  private reduceEdge(edge: string, a: EdgeAttributes): Partial<EdgeDisplayData> {
    const stance = a.kind === "stance" ? 1 : 0;
    const out: Partial<EdgeDisplayData> = { ...a, type: stance ? "stance-arrow" : "co-mention-line", zIndex: stance };
    if (edge === this.selectedEdge) return { ...out, color: "rgb(40,40,40)", size: a.size + 2, zIndex: 4 };
    if (this.bright.size === 0) return out;
    const centre = this.hovered ?? this.selected;
    const touches = centre ? this.graph.hasExtremity(edge, centre) : this.bright.has(this.graph.source(edge));
    return touches ? { ...out, zIndex: 2 + stance } : { ...out, color: DIM_EDGE, hidden: true };
  }

  /** Moves the camera onto a node, closer in if it is far out. */
  focusCamera(id: string): void {
    if (!this.graph.hasNode(id)) return;
    // From the node's own position: display data between a scheduled refresh and its frame is not yet framed.
    const { x, y } = this.graph.getNodeAttributes(id);
    const target = this.renderer.viewportToFramedGraph(this.renderer.graphToViewport({ x, y }));
    const camera = this.renderer.getCamera();
    camera.animate({ ...target, ratio: Math.min(camera.ratio, 0.6) }, { duration: 400 });
  }

  // ---- layouts ----

  isLayoutRunning(): boolean {
    return this.layout?.isRunning() ?? false;
  }

  /** ForceAtlas2 in a web worker, from the current positions. */
  startLayout(): void {
    if (this.isLayoutRunning() || this.graph.order < 2) return;
    this.renderer.setCustomBBox(null); // follow the layout while it spreads or gathers the graph
    this.layout = new FA2Layout(this.graph, {
      getEdgeWeight: "weight",
      settings: { ...forceAtlas2.inferSettings(this.graph), barnesHutOptimize: this.graph.order > 500 },
    });
    this.layout.start();
    this.labelTimer = setInterval(() => this.scheduleLabels(), 250);
  }

  stopLayout(): void {
    if (!this.layout) return;
    this.layout.kill();
    this.layout = undefined;
    clearInterval(this.labelTimer);
    this.keepPositions();
  }

  /** Pushes nodes apart until none overlaps another as drawn at the current zoom, labels' height included. */
  untangle(): void {
    this.stopLayout();
    const pxToGraph = 1 / this.renderer.getGraphToViewportRatio();
    noverlap.assign(this.graph, {
      maxIterations: 150,
      inputReducer: (key, attr) => ({
        x: attr.x,
        y: attr.y,
        size: (this.renderer.getNodeDisplayData(key)?.size ?? 4) * pxToGraph,
      }),
      settings: { margin: 6 * pxToGraph, ratio: 1.1, speed: 3 },
    });
    this.keepPositions();
  }

  private keepPositions(): void {
    const box: Bbox = { x: [Infinity, -Infinity], y: [Infinity, -Infinity] };
    this.graph.forEachNode((id, a) => {
      this.moved.set(id, { x: a.x, y: a.y });
      box.x = [Math.min(box.x[0], a.x), Math.max(box.x[1], a.x)];
      box.y = [Math.min(box.y[0], a.y), Math.max(box.y[1], a.y)];
    });
    if (this.graph.order) this.bbox = box;
    this.renderer.setCustomBBox(this.bbox ?? null);
    this.renderer.refresh();
    this.updateBright();
  }

  // ---- export ----

  /** The current view as a PNG: sigma's layers drawn in order on white. */
  toPng(): Promise<Blob> {
    const { width, height } = this.renderer.getDimensions();
    const ratio = window.devicePixelRatio || 1;
    const out = document.createElement("canvas");
    out.width = width * ratio;
    out.height = height * ratio;
    const ctx = out.getContext("2d")!;
    ctx.fillStyle = "#fff";
    ctx.fillRect(0, 0, out.width, out.height);
    // refresh() renders synchronously, so the WebGL layers still hold this frame when they are copied.
    this.renderer.refresh();
    for (const canvas of Object.values(this.renderer.getCanvases())) ctx.drawImage(canvas, 0, 0, out.width, out.height);
    return new Promise((resolve, reject) => out.toBlob((b) => (b ? resolve(b) : reject(new Error("PNG export failed"))), "image/png"));
  }
}
