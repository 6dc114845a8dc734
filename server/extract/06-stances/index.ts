// Stage 6, per document: stances. Takes the sentences and clustered mentions of one document and gives its
// StanceMentions: who supports or opposes whom. Stances are read from a "masked" sentence in which every entity is a
// placeholder ⟦n⟧ (n = mention index in the document) and pronoun or role holders are ⟦pn⟧. Patterns over the masked
// text stay short: "Italian Defense Minister ⟦4⟧ criticized ⟦5⟧'s comments" -> 4 opposes 5.
//   cues.ts       the cue lexicon as lookups: forms, polarity, negation, hedges
//   mask.ts       a sentence with its entities as placeholders, and the map back to the sentence
//   patterns.ts   the constructions, as patterns over masked text
//   readings.ts   one reading per construction (verb-readings.ts, noun-readings.ts), run in order over reader.ts;
//                 holders.ts the checks that drop a target or holder naming the wrong thing
//   decide.ts     the stance model (../stance-model/) over the candidate pairs (pairs.ts), with the readings as hints
//   overrule.ts   the readings' checks that drop a model stance: cue senses that are no stance, names not the holder
// Who "he", "the prime minister" and "the offer" are comes from ../05-coreference/discourse.ts.
import type { Mention, Sentence, StanceMention } from "../../types.js";
import { isHeadline } from "../02-sentences.js";
import type { RoleBook } from "../07-role-book.js";
import { ANY_CUE } from "./cues.js";
import { type DocMemory, findResolvedHolders, remember } from "../05-coreference/discourse.js";
import { type Masked, mask } from "./mask.js";
import { readStances } from "./readings.js";
import { defaultModel, type StanceModel } from "../stance-model/model.js";
import { modelStances } from "./decide.js";

export { ROLE_BOOK_MIN, roleKeysIn } from "../05-coreference/discourse.js";
export type { Masked } from "./mask.js";

/** A sentence with its entities (and resolved pronoun or role holders) masked, ready to be read for stances. */
export interface MaskedSentence {
  sentence: Sentence;
  masked: Masked;
}

/**
 * Masks the sentences of one document that name two things or more (counting "he", "the chancellor" and
 * the like, resolved from the sentences before), in order: only those with a cue word unless `all` is set
 * (the learned-stance experiment reads every one). Headlines and the title line are left out.
 */
export function maskSentences(
  sentences: Sentence[],
  mentions: Mention[],
  { all = false, roles }: { all?: boolean; roles?: RoleBook } = {},
): MaskedSentence[] {
  const bySentence = new Map<string, { index: number; m: Mention }[]>();
  mentions.forEach((m, index) => {
    const list = bySentence.get(m.sentenceId) ?? [];
    list.push({ index, m });
    bySentence.set(m.sentenceId, list);
  });
  const memory: DocMemory = { people: [], salience: new Map(), things: [], ...(roles ? { roles } : {}) };
  const out: MaskedSentence[] = [];

  for (const sentence of sentences) {
    const own = bySentence.get(sentence.id) ?? [];
    // An article's first line without a full stop is its title: "Cardinal criticises Iraq war cost".
    const title = sentence.index === 0 && !/[.!?]["”’)]?$/.test(sentence.text.trim());
    if ((all || ANY_CUE.test(sentence.text)) && !isHeadline(sentence.text) && !title) {
      const resolved = findResolvedHolders(sentence, memory, mentions, own);
      if (own.length + resolved.length >= 2) {
        // "The Tory co-chairman" is one holder: a name inside a resolved role gives way to it.
        const roleParts = own.filter(({ m }) => resolved.some((r) => r.span[0] <= m.start && m.end <= r.span[1]));
        const named = own.filter((x) => !roleParts.includes(x));
        const masked = mask(
          sentence,
          named,
          resolved.filter((r) => !named.some(({ m }) => r.span[0] < m.end && m.start < r.span[1])),
        );
        if (masked.slots.size >= 2) out.push({ sentence, masked });
      }
    }
    remember(memory, sentence, own, mentions);
  }
  return out;
}

/**
 * Finds who supports or opposes whom in each sentence of one document: the rule readings run on sentences with a
 * cue word, and the stance model (decide.ts) scores the pairs of those sentences with a cue word near both sides,
 * with the readings' stances as features (every pair of every sentence with STANCE_ANY_CUE=1). `rulesOnly` gives the readings alone (the evaluation's baseline).
 */
export function findStances(
  sentences: Sentence[],
  mentions: Mention[],
  roles?: RoleBook,
  { model = defaultModel(), rulesOnly = false }: { model?: StanceModel; rulesOnly?: boolean } = {},
): StanceMention[] {
  const options = modelOptions();
  // The model keeps a stance only with a cue word near both sides, so a sentence without one is not even masked.
  const all = !rulesOnly && options.requireCue === false;
  const masked = maskSentences(sentences, mentions, { all, ...(roles ? { roles } : {}) });
  return dedupe(
    mentions,
    masked.flatMap(({ sentence, masked }) => {
      const ruled = !all || ANY_CUE.test(sentence.text) ? readStances(sentence, masked, mentions) : [];
      return rulesOnly ? ruled : [...ruled, ...modelStances(sentence, masked, mentions, ruled, model, options)];
    }),
  );
}

/** The evaluation's overrides of the product's decision (STANCE_THRESHOLD, STANCE_ANY_CUE=1); none by default. */
function modelOptions(): { threshold?: number; requireCue?: boolean } {
  const t = process.env.STANCE_THRESHOLD;
  return { ...(t ? { threshold: Number(t) } : {}), ...(process.env.STANCE_ANY_CUE === "1" ? { requireCue: false } : {}) };
}

/** One stance per sentence, holder, target and polarity (two names of one thing are one): the most confident wins. */
function dedupe(mentions: Mention[], stances: StanceMention[]): StanceMention[] {
  const best = new Map<string, StanceMention>();
  for (const s of stances) {
    const key = `${s.sentenceId}|${mentions[s.holder]!.cluster}|${mentions[s.target]!.cluster}|${s.stance}`;
    const prev = best.get(key);
    if (!prev || s.confidence > prev.confidence) best.set(key, s);
  }
  return [...best.values()];
}
