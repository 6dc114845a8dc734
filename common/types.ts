// One vocabulary for the whole pipeline: documents -> sentences -> mentions -> entities -> edges -> graph.
// Shared by the server and the browser client (common/ imports nothing from server/ or client/).

export const ENTITY_TYPES = ["person", "country", "organization", "event"] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const EDGE_KINDS = ["co-mention", "stance"] as const;
export type EdgeKind = (typeof EDGE_KINDS)[number];

export const STANCES = ["support", "oppose"] as const;
export type Stance = (typeof STANCES)[number];

/** Edge kinds as a user toggles them: stance edges split by their stance. */
export const EDGE_FILTER_KINDS = ["co-mention", ...STANCES] as const;
export type EdgeFilterKind = (typeof EDGE_FILTER_KINDS)[number];

export function edgeFilterKind(a: { kind: EdgeKind; stance?: Stance | undefined }): EdgeFilterKind {
  return a.kind === "stance" ? (a.stance ?? "support") : "co-mention";
}

/** An article as read from disk or posted to the API. */
export interface DocumentInput {
  title?: string;
  text: string;
  source?: string;
  date?: string;
  author?: string;
}

export interface Doc {
  id: string;
  title: string;
  text: string;
  source?: string;
  /** ISO date (YYYY-MM-DD) when the file or text gives one. */
  date?: string;
  author?: string;
  credit?: string;
}

/** A sentence of a document; `start`/`end` are offsets into the document text. */
export interface Sentence {
  id: string;
  docId: string;
  index: number;
  start: number;
  end: number;
  text: string;
}

/** A name found in a sentence; `start`/`end` are offsets into the sentence text. */
export interface Mention {
  sentenceId: string;
  docId: string;
  start: number;
  end: number;
  /** The text as written, e.g. "President Vladimir Putin's". */
  surface: string;
  /** The name once titles and possessives are stripped, e.g. "Vladimir Putin". */
  name: string;
  type: EntityType;
  /** Title words stripped from the front of the name, e.g. "President". */
  role?: string;
  /** Country named by a demonym in front of the name ("Polish Prime Minister Donald Tusk" -> "Poland"). */
  affiliation?: string;
  /**
   * In-document cluster key: mentions of one document that refer to the same thing share it
   * ("Vladimir Putin", later "Putin's" -> both "person:vladimir putin"). Resolution across documents starts from it.
   */
  cluster: string;
}

/** A stance found in one sentence, between two mentions of the same document (indexes into `mentions`). */
export interface StanceMention {
  sentenceId: string;
  holder: number;
  target: number;
  stance: Stance;
  cue: string;
  confidence: number;
  cueSpan: [number, number];
  /** Where the holder is written in this sentence when it is a pronoun or role ("He", "the French leader"). */
  holderSpan?: [number, number];
  /**
   * Where the target is written in this sentence when it is named in another one: a pronoun, a role or a thing it
   * made ("accused him", "accusing the prime minister", "rejected the offer").
   */
  targetSpan?: [number, number];
}

/**
 * What extraction produces for one document, independent of every other document.
 * This is what the store keeps; entities and edges are derived from all of them by corpus resolution,
 * so adding or deleting a document never re-extracts the others.
 */
export interface DocExtraction {
  doc: Doc;
  sentences: Sentence[];
  mentions: Mention[];
  stances: StanceMention[];
}

/** A mention after resolution: it points at the entity it refers to. */
export interface ResolvedMention extends Mention {
  entityId: string;
}

export interface Entity {
  id: string;
  label: string;
  type: EntityType;
  aliases: string[];
  roles: string[];
  affiliations: string[];
  /**
   * A lone name that several people of the corpus bear with none dominant ("Campbell" between Alastair and Menzies
   * Campbell): kept as a node of its own, not resolved to one of them.
   */
  ambiguous?: true;
  /** An event's kind ("election", "war") and, when the text or the document's date gives one, its year. */
  event?: EventFacts;
}

export interface EventFacts {
  kind: string;
  year?: number;
}

/** One sentence behind an edge. For stances, the holder/cue/target spans are offsets into the sentence text. */
export interface Evidence {
  sentenceId: string;
  docId: string;
  cue?: string;
  confidence?: number;
  holderSpan?: [number, number];
  cueSpan?: [number, number];
  targetSpan?: [number, number];
}

export interface Edge {
  id: string;
  kind: EdgeKind;
  source: string;
  target: string;
  stance?: Stance;
  evidence: Evidence[];
}

/** Everything extracted from a set of documents: the source data the graph is derived from. */
export interface Extraction {
  documents: Doc[];
  sentences: Sentence[];
  mentions: ResolvedMention[];
  entities: Entity[];
  edges: Edge[];
  /** The analysts' corrections and what each did (server/corrections/apply.ts); absent when there are none. */
  corrections?: AppliedCorrections;
}

// ---- Corrections: an analyst's decisions about entities, applied after corpus resolution (server/corrections/) ----

export const CORRECTION_ACTIONS = ["merge", "split", "rename", "retype", "hide", "keep-apart"] as const;
export type CorrectionAction = (typeof CORRECTION_ACTIONS)[number];

/**
 * How a correction names an entity so that it still finds it after new documents arrive or a rebuild: the id it had,
 * and the in-document cluster keys ("person:tony blair", "person:blair") its mentions had when the correction was made.
 */
export interface EntityRef {
  id: string;
  keys: string[];
}

export type CorrectionChange =
  | { action: "merge"; from: EntityRef; into: EntityRef }
  | { action: "split"; entity: EntityRef; aliases: string[]; documents: string[]; into?: EntityRef }
  | { action: "rename"; entity: EntityRef; label: string }
  | { action: "retype"; entity: EntityRef; type: EntityType }
  | { action: "hide"; entity: EntityRef }
  | { action: "keep-apart"; entities: [EntityRef, EntityRef] };

/** One stored decision: the change, who made it ("local" or the token's name), when (ISO time), and why. */
export type Correction = CorrectionChange & { id: number; author: string; at: string; note?: string };

/** What a correction did on this corpus: `unresolved` when no entity holds what it names any more. */
export interface CorrectionOutcome {
  id: number;
  action: CorrectionAction;
  status: "applied" | "no-op" | "unresolved";
  /** The entities it concerns now (a merge: the one it went into; keep-apart: both). */
  entities: string[];
}

/** An id that a correction took out of the graph, and where its mentions went. */
export interface GoneEntity {
  action: "merge" | "retype" | "hide";
  to?: string;
  correction: number;
}

export interface AppliedCorrections {
  log: CorrectionOutcome[];
  gone: Record<string, GoneEntity>;
}
