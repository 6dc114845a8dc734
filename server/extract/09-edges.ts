// Stage 9, over the corpus: edges. Takes the resolved mentions and the documents' stances and gives the graph's Edges:
// co-mentions per sentence, and stances aggregated per holder -> target and polarity, each with its evidence.
import { type Steps, every, runSteps } from "../slices.js";
import type { DocExtraction, Edge, ResolvedMention } from "../types.js";

/** Co-mention edge id: the two entity ids in sorted order, so A--B and B--A are one edge. */
export function coMentionId(a: string, b: string): string {
  return a < b ? `${a}--${b}` : `${b}--${a}`;
}

export function stanceEdgeId(holder: string, target: string, stance: string): string {
  return `${holder}->${target}:${stance}`;
}

/**
 * A sentence naming more entities than this is a list (a team sheet, a line-up, a table of results: 57 of the
 * BBC corpus's 40,411 sentences, which gave 14% of its co-mention pairs), where a name's neighbours say more than
 * the whole list does, and where all pairs grow with the square of the names (100 names, 4,950 pairs).
 */
export const LIST_ENTITIES = 8;
/** In a list, each entity is co-mentioned with this many entities on either side of it, in the order named. */
export const LIST_WINDOW = 4;

/**
 * The pairs of distinct entities one sentence co-mentions (its mentions in the order written): every pair, or in a
 * list (over LIST_ENTITIES entities) each entity with the LIST_WINDOW named after it; at most LIST_WINDOW pairs
 * per entity then, so one sentence costs what its names do, not their square.
 */
export function coMentionedPairs(mentions: readonly ResolvedMention[]): [string, string][] {
  const ids = [...new Set([...mentions].sort((a, b) => a.start - b.start).map((m) => m.entityId))];
  const window = ids.length > LIST_ENTITIES ? LIST_WINDOW : ids.length;
  const pairs: [string, string][] = [];
  for (let i = 0; i < ids.length; i++) for (let j = i + 1; j <= i + window && j < ids.length; j++) pairs.push([ids[i]!, ids[j]!]);
  return pairs;
}

/**
 * Every pair of distinct entities named in the same sentence (only near ones in a list: `coMentionedPairs`), one
 * evidence per sentence.
 */
export function coMentionEdges(mentions: ResolvedMention[]): Edge[] {
  return runSteps(coMentionsInSteps(mentions));
}

/** `coMentionEdges` in steps, so that the server answers reads between them while it builds a write's edges. */
export function* coMentionsInSteps(mentions: ResolvedMention[]): Steps<Edge[]> {
  const bySentence = new Map<string, ResolvedMention[]>();
  for (const [i, m] of mentions.entries()) {
    if (every(i, 16384)) yield;
    const list = bySentence.get(m.sentenceId) ?? [];
    list.push(m);
    bySentence.set(m.sentenceId, list);
  }
  const edges = new Map<string, Edge>();
  let done = 0;
  for (const [sentenceId, list] of bySentence) {
    if (every(done++, 2048)) yield;
    for (const [a, b] of coMentionedPairs(list)) {
      const [source, target] = a < b ? [a, b] : [b, a];
      const id = coMentionId(source, target);
      const edge = edges.get(id) ?? { id, kind: "co-mention", source, target, evidence: [] };
      edge.evidence.push({ sentenceId, docId: list[0]!.docId });
      edges.set(id, edge);
    }
  }
  yield;
  // In code-unit order, as the corpus keeps its edges (common/group.ts `byId`): the ids are unique, so the default
  // sort of the ids (code units, no comparator to call) gives that order several times faster.
  const ids = [...edges.keys()].sort();
  yield;
  return ids.map((id) => edges.get(id)!);
}

/**
 * Stance edges aggregated per holder -> target and polarity; each stance sentence is one evidence.
 * `resolved` maps each document's mention index to its resolved mention (none where the name was junk).
 */
export function stanceEdges(docs: DocExtraction[], resolved: Map<string, readonly (ResolvedMention | undefined)[]>): Edge[] {
  const edges = new Map<string, Edge>();
  for (const d of docs) {
    const ms = resolved.get(d.doc.id) ?? [];
    for (const s of d.stances) {
      const holder = ms[s.holder];
      const target = ms[s.target];
      if (!holder || !target || holder.entityId === target.entityId) continue;
      const id = stanceEdgeId(holder.entityId, target.entityId, s.stance);
      const edge = edges.get(id) ?? {
        id,
        kind: "stance",
        source: holder.entityId,
        target: target.entityId,
        stance: s.stance,
        evidence: [],
      };
      edge.evidence.push({
        sentenceId: s.sentenceId,
        docId: d.doc.id,
        cue: s.cue,
        confidence: s.confidence,
        holderSpan: s.holderSpan ?? [holder.start, holder.end],
        // A stance the model read without a cue word has an empty cue span: nothing to highlight.
        ...(s.cueSpan[1] > s.cueSpan[0] ? { cueSpan: s.cueSpan } : {}),
        targetSpan: s.targetSpan ?? [target.start, target.end],
      });
      edges.set(id, edge);
    }
  }
  return [...edges.values()].sort((a, b) => a.id.localeCompare(b.id));
}
