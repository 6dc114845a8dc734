// Candidate stance pairs for the learned-stance experiment (scripts/stance-classifier-cv.ts): every ordered
// pair of entity slots in a masked sentence is a (holder, target) candidate with its features.
import type { MaskedSentence } from "../../../server/extract/07-stances/index.js";
import type { Mention } from "../../../server/types.js";
import { pairFeatures, quotedTokens, tokenize } from "./features.js";

export interface Candidate {
  holder: number;
  target: number;
  features: string[];
}

/** Every (holder, target) pair of slots that name different things, with its features. */
export function candidates({ masked }: MaskedSentence, mentions: Mention[]): Candidate[] {
  const tokens = tokenize(masked.text);
  const quoted = quotedTokens(tokens);
  const slots = tokens.flatMap((tok, i) =>
    tok.slot !== undefined && masked.slots.has(tok.slot) ? [{ i, ...masked.slots.get(tok.slot)! }] : [],
  );
  const out: Candidate[] = [];
  for (const h of slots) {
    for (const t of slots) {
      if (h === t || mentions[h.mention]!.cluster === mentions[t.mention]!.cluster) continue;
      const info = {
        holderType: mentions[h.mention]!.type,
        targetType: mentions[t.mention]!.type,
        holderResolved: h.resolved,
        targetResolved: t.resolved,
      };
      out.push({ holder: h.mention, target: t.mention, features: pairFeatures(tokens, h.i, t.i, info, quoted) });
    }
  }
  return out;
}
