// Stage 9, over the corpus: edges. Takes the resolved mentions and the documents' stances and gives the graph's Edges:
// co-mentions per sentence, and stances aggregated per holder -> target and polarity, each with its evidence.
import { byId } from "../../common/group.js";
import { type Steps, every, runSteps } from "../slices.js";
import type { DocExtraction, Edge, ResolvedMention } from "../types.js";

/** Co-mention edge id: the two entity ids in sorted order, so A--B and B--A are one edge. */
export function coMentionId(a: string, b: string): string {
  return a < b ? `${a}--${b}` : `${b}--${a}`;
}

export function stanceEdgeId(holder: string, target: string, stance: string): string {
  return `${holder}->${target}:${stance}`;
}

/** Every pair of distinct entities named in the same sentence, one evidence per sentence. */
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
    const ids = [...new Set(list.map((m) => m.entityId))].sort();
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const id = coMentionId(ids[i]!, ids[j]!);
        const edge = edges.get(id) ?? { id, kind: "co-mention", source: ids[i]!, target: ids[j]!, evidence: [] };
        edge.evidence.push({ sentenceId, docId: list[0]!.docId });
        edges.set(id, edge);
      }
    }
  }
  yield;
  // In code-unit order, as the corpus keeps its edges (common/group.ts `byId`)
  return [...edges.values()].sort(byId);
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
