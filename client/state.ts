// View state: what is selected, filtered and open. It lives in the URL, so a copied link reopens the same view.
// Laid out as Gephi Lite's state modules: the state type and its defaults, pure producers, then the URL codec.
import { EDGE_FILTER_KINDS, type EdgeFilterKind } from "../common/types.js";
import { COLOR_BY, type ColorBy, SIZE_BY, type SizeBy } from "../common/appearance.js";
import { ISO_DAY } from "../common/dates.js";
import { ENTITY_TYPES, type EntityType } from "../common/types.js";

export { COLOR_BY, type ColorBy, SIZE_BY, type SizeBy };

export interface ViewState {
  /** Selected entity: its panel is open and its neighbourhood stays bright. */
  selected?: string;
  /** Selected edge: its evidence panel is open. */
  edge?: string;
  /** Document open in the reader. */
  doc?: string;
  /** Documents list open. */
  docs: boolean;
  /** Corrections view open: the log with undo, and the review queue. */
  corrections?: boolean;
  types: EntityType[];
  kinds: EdgeFilterKind[];
  /** Only entities that keep an edge after the edge filters (set by "stances only"). */
  linked: boolean;
  minMentions: number;
  minWeight: number;
  /** Stance edges below this confidence are hidden (0: all). */
  minConfidence: number;
  from?: string;
  to?: string;
  /** Neighbourhood view: only the ego network of `focus` within `hops`. */
  focus?: string;
  hops: 1 | 2;
  sizeBy: SizeBy;
  colorBy: ColorBy;
}

export const DEFAULT_STATE: ViewState = {
  docs: false,
  types: [...ENTITY_TYPES],
  kinds: [...EDGE_FILTER_KINDS],
  linked: false,
  minMentions: 1,
  minWeight: 1,
  minConfidence: 0,
  hops: 1,
  sizeBy: "mentions",
  colorBy: "type",
};

export type Producer = (state: ViewState) => ViewState;

// ---- Producers ----

const closePanels = (s: ViewState): ViewState => {
  const { selected: _s, edge: _e, doc: _d, corrections: _c, ...rest } = s;
  return { ...rest, docs: false };
};

export const openCorrections = (): Producer => (s) => ({ ...closePanels(s), corrections: true });

export const selectEntity =
  (id: string | undefined): Producer =>
  (s) =>
    id === undefined ? closePanels(s) : { ...closePanels(s), selected: id };

export const selectEdge =
  (id: string): Producer =>
  (s) => ({ ...closePanels(s), edge: id });

export const openDocuments = (): Producer => (s) => ({ ...closePanels(s), ...(s.selected ? { selected: s.selected } : {}), docs: true });

export const openDocument =
  (id: string): Producer =>
  (s) => ({ ...openDocuments()(s), doc: id });

export const closeDocument = (): Producer => (s) => {
  const { doc: _d, ...rest } = s;
  return rest;
};

function toggle<T>(list: readonly T[], item: T, order: readonly T[]): T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : order.filter((x) => x === item || list.includes(x));
}

export const toggleType =
  (type: EntityType): Producer =>
  (s) => ({ ...s, types: toggle(s.types, type, ENTITY_TYPES) });

export const toggleKind =
  (kind: EdgeFilterKind): Producer =>
  (s) => ({ ...s, kinds: toggle(s.kinds, kind, EDGE_FILTER_KINDS) });

/** The stances-only view: support and oppose edges and the entities they join; off brings every edge back. */
export const setStancesOnly =
  (on: boolean): Producer =>
  (s) => ({ ...s, kinds: on ? ["support", "oppose"] : [...EDGE_FILTER_KINDS], linked: on });

export const isStancesOnly = (s: ViewState): boolean => s.linked && !s.kinds.includes("co-mention");

export const setMinMentions =
  (n: number): Producer =>
  (s) => ({ ...s, minMentions: Math.max(1, Math.round(n)) });

export const setMinWeight =
  (n: number): Producer =>
  (s) => ({ ...s, minWeight: Math.max(1, Math.round(n)) });

export const setMinConfidence =
  (n: number): Producer =>
  (s) => ({ ...s, minConfidence: Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0 });

/** An empty bound is open: setDateRange(undefined, "2025-01-31") keeps everything up to that day. */
export const setDateRange =
  (from: string | undefined, to: string | undefined): Producer =>
  (s) => {
    const { from: _f, to: _t, ...rest } = s;
    return { ...rest, ...(from ? { from } : {}), ...(to ? { to } : {}) };
  };

export const focusOn =
  (id: string, hops: 1 | 2): Producer =>
  (s) => ({ ...s, focus: id, hops, selected: id });

export const wholeGraph = (): Producer => (s) => {
  const { focus: _f, ...rest } = s;
  return { ...rest, hops: 1 };
};

export const setSizeBy =
  (sizeBy: SizeBy): Producer =>
  (s) => ({ ...s, sizeBy });

export const setColorBy =
  (colorBy: ColorBy): Producer =>
  (s) => ({ ...s, colorBy });

// ---- URL codec ----

/** The /api/graph query for a state: only what differs from "everything", so the default view is `/api/graph`. */
export function graphQuery(s: ViewState): URLSearchParams {
  const q = new URLSearchParams();
  if (s.types.length < ENTITY_TYPES.length) q.set("types", s.types.join(","));
  if (s.kinds.length < EDGE_FILTER_KINDS.length) q.set("kinds", s.kinds.join(","));
  if (s.linked) q.set("linked", "1");
  if (s.minMentions > 1) q.set("minMentions", String(s.minMentions));
  if (s.minWeight > 1) q.set("minWeight", String(s.minWeight));
  if (s.minConfidence > 0) q.set("minConfidence", String(s.minConfidence));
  if (s.from) q.set("from", s.from);
  if (s.to) q.set("to", s.to);
  if (s.focus) {
    q.set("focus", s.focus);
    q.set("hops", String(s.hops));
  }
  return q;
}

/** The page's query string: the graph query plus what is open and how it is drawn. */
export function toSearch(s: ViewState): string {
  const q = graphQuery(s);
  if (s.types.length === 0) q.set("types", "none");
  if (s.kinds.length === 0) q.set("kinds", "none");
  if (s.selected) q.set("selected", s.selected);
  if (s.edge) q.set("edge", s.edge);
  if (s.docs) q.set("docs", "1");
  if (s.doc) q.set("doc", s.doc);
  if (s.corrections) q.set("corrections", "1");
  if (s.sizeBy !== DEFAULT_STATE.sizeBy) q.set("size", s.sizeBy);
  if (s.colorBy !== DEFAULT_STATE.colorBy) q.set("color", s.colorBy);
  const text = q.toString();
  return text ? `?${text}` : "";
}

function listParam<T extends string>(raw: string | null, allowed: readonly T[]): T[] {
  if (raw === "none") return [];
  const chosen = allowed.filter((x) => (raw ?? "").split(",").includes(x));
  return chosen.length ? chosen : [...allowed];
}

const confidence = (raw: string | null) => {
  const n = Number(raw);
  return raw !== null && Number.isFinite(n) && n > 0 && n <= 1 ? n : 0;
};

/** Reads a query string back; anything unknown or malformed falls back to the default. */
export function fromSearch(search: string): ViewState {
  const q = new URLSearchParams(search);
  const num = (key: string) => {
    const n = Number(q.get(key));
    return Number.isFinite(n) && n >= 1 ? Math.round(n) : 1;
  };
  const s: ViewState = {
    docs: q.get("docs") === "1" || q.has("doc"),
    types: listParam(q.get("types"), ENTITY_TYPES),
    kinds: listParam(q.get("kinds"), EDGE_FILTER_KINDS),
    linked: q.get("linked") === "1",
    minMentions: num("minMentions"),
    minWeight: num("minWeight"),
    minConfidence: confidence(q.get("minConfidence")),
    hops: q.get("hops") === "2" ? 2 : 1,
    sizeBy: SIZE_BY.find((x) => x === q.get("size")) ?? DEFAULT_STATE.sizeBy,
    colorBy: COLOR_BY.find((x) => x === q.get("color")) ?? DEFAULT_STATE.colorBy,
  };
  if (q.get("corrections") === "1") s.corrections = true;
  for (const key of ["selected", "edge", "doc", "focus"] as const) {
    const v = q.get(key);
    if (v) s[key] = v;
  }
  for (const key of ["from", "to"] as const) {
    const v = q.get(key);
    if (v && ISO_DAY.test(v)) s[key] = v;
  }
  return s;
}
