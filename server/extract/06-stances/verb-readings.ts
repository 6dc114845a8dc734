// The readings of a cue verb: active ("X criticised Y"), demands, denied claims, "warned that", passives, and the
// verbs a clause or a participle goes on to ("X said ... and attacked Y", "Praising Y, X said"). Run by readings.ts.
import type { Stance } from "../../types.js";
import { OWNED_ONLY_CUES } from "../lexicon/stance-cues.js";
import { ANY_CUE, CONDITIONAL, HEDGE, NEGATION, REFUSAL, participles, verbForms } from "../cue-forms.js";
import { textAfterSlot } from "../mask.js";
import {
  ACTIVE,
  ACTIVE_OWNED_BY,
  ACTIVE_OWNED_ONLY,
  ACTIVE_PHYSICAL,
  AFTER_PREPOSITION,
  CLAIMANT,
  DEMAND,
  DENIED_CLAIM,
  FORECAST,
  FUNCTION_WORD,
  HOLDER_LIST_BEFORE,
  NOT_THE_HOLDER,
  OWNED_GAP,
  OWNED_THEN_VERB,
  OWNED_WORD,
  PARTICIPLE_OPENER,
  PASSIVE,
  PHRASAL_BACK,
  PHRASAL_BACK_ANYWHERE,
  REPORTED,
  SLOT_AFTER_PREPOSITION,
  SPEAKS_FOR,
  SPEECH_THEN,
  SPEECH_VERB,
  TRAILING,
  TRAILING_CLAUSE_BREAK,
  VEHICLE,
  VERB_LIKE,
  WARNED_THAT,
} from "./patterns.js";
import { CONFIDENCE, type Reader } from "./reader.js";
import { slotsIn, holderAfterBy, isModifierUse } from "./holders.js";

// "Crosetto criticized Macron's comments", "Labour and the Greens have criticised his plans": holder, cue verb, targets.
export function readActive({ masked, mentions, before, cueSpan, add }: Reader): void {
  const actives = [ACTIVE, ACTIVE_PHYSICAL, ACTIVE_OWNED_ONLY, ACTIVE_OWNED_BY].flatMap((pattern) => [...masked.text.matchAll(pattern)]);
  for (const m of actives) {
    const [, slot, apposition = "", between = "", verb, firstTarget, rest = ""] = m;
    // "head of the ⟦Red Cross⟧, ⟦Jane Doe⟧, accused ...": the person in the apposition is the holder.
    const appositionId = /^,\s*⟦(\d+)⟧\s*,$/.exec(apposition.trim())?.[1];
    const appositionPerson =
      appositionId && mentions[masked.slots.get(appositionId)?.mention ?? -1]?.type === "person" ? appositionId : undefined;
    const holderIsPerson = mentions[masked.slots.get(slot!)?.mention ?? -1]?.type === "person";
    const holder = appositionPerson && !holderIsPerson ? appositionPerson : slot;
    if (CONDITIONAL.test(before(m.index))) continue;
    // "The majority owner of Russian oil firm Yukos has sued", "Ericsson of Sweden are backing": the holder is someone else.
    if (NOT_THE_HOLDER.test(before(m.index))) continue;
    const preposition = AFTER_PREPOSITION.exec(before(m.index))?.[1];
    if (preposition && !(preposition.toLowerCase() === "with" && /ing$/i.test(verb!.split(" ")[0]!))) continue;
    const coHolders = [...(HOLDER_LIST_BEFORE.exec(before(m.index))?.[1] ?? "").matchAll(/⟦(\d+)⟧/g)].map((x) => x[1]!);
    const cue = verbForms.get(verb!.toLowerCase())!;
    if (isModifierUse(holder!, between, masked, mentions) || /\b(?:a|an|the)\s*$/i.test(between)) continue;
    // "met in ⟦London⟧, criticising ⟦Brown⟧": a participle after a comma belongs to the main clause (TRAILING).
    if (apposition.trim() === "," && between === "" && /ing$/i.test(verb!.split(" ")[0]!)) continue;
    // "Though I like Blur, I have to disagree with": another subject stands between.
    if (/(?:^|\s)(?:I|we|you|they|it|he|she)\s/i.test(` ${between}`)) continue;
    // "she asked why ministers attacked Green plans": the cue is in a clause of its own, with its own subject.
    if (/(?:^|\s)(?:why|whether|how|what|when|where|that|if)\s/i.test(` ${between}`)) continue;
    if (verb!.toLowerCase() === "back" && between.trim() === "") continue; // "Cardiff back Rhys Williams"
    if (cue.lemma === "back" && PHRASAL_BACK.test(between)) continue; // "tried to bring back Solano"
    const after = masked.text.slice(m.index + m[0].length);
    if (cue.polarity === "support" && FORECAST.test(after)) continue; // "backed New Zealand to win the series"
    if (cue.lemma === "condemn" && /^\s+to\s/.test(after)) continue; // "condemned Mansfield to a ninth game without a win"
    if (cue.lemma === "welcome" && /^\s+(?:back|home)\b/.test(after)) continue; // "welcoming the chancellor back": a greeting
    // "agreed with Mr Rossi to push ahead with plans", "agreed with Ms Kerr in 2001 that she would": an arrangement.
    if (cue.lemma === "agree with" && /^\s+(?:to\s+\p{Ll}|(?:in|on|last|earlier)\s[^,.;⟦]{0,20}?that\b)/u.test(after)) continue;
    // "denied Labour's plans were dead": what was denied is a clause, not what Labour said.
    if (OWNED_ONLY_CUES.has(cue.lemma) && OWNED_THEN_VERB.test(textAfterSlot(masked, firstTarget!))) continue;
    if (REPORTED.test(before(m.index))) continue; // "upset by reports that he had criticised"
    const cueStart = m.index + m[0].indexOf(verb!, m[0].indexOf(between) + between.length - 1);
    let polarity: Stance | undefined = cue.polarity;
    let confidence: number = CONFIDENCE.stated;
    if (REFUSAL.test(between)) {
      if (polarity === "oppose") polarity = undefined;
      else {
        polarity = "oppose";
        confidence = CONFIDENCE.refused;
      }
    } else if (NEGATION.test(between)) polarity = undefined;
    if (!polarity) continue;
    if (HEDGE.test(between) || /\b(hope[sd]?|hoping|wish(es|ed)?)\s+that\s*$/i.test(before(m.index))) confidence *= CONFIDENCE.hedged;
    for (const h of [holder!, ...coHolders]) {
      add(h, slotsIn(rest, firstTarget!, masked, mentions), polarity, verb!, confidence, cueSpan(cueStart, cueStart + verb!.length));
    }
  }
}

// "urged the minister to resign": a demand that the target apologise, resign or go.
export function readDemand({ masked, cueSpan, add }: Reader): void {
  for (const m of masked.text.matchAll(DEMAND)) {
    const [, holder, , between = "", verb, target] = m;
    const t = masked.slots.get(target!)?.mention;
    const cueStart = m.index + m[0].indexOf(verb!, m[0].indexOf(between) + between.length - 1);
    if (t !== undefined && !NEGATION.test(between))
      add(holder!, [t], "oppose", verb!, CONFIDENCE.stated, cueSpan(cueStart, cueStart + verb!.length));
  }
}

// ", an allegation Kyiv has denied": the denier against whoever made the claim.
export function readDeniedClaim({ masked, before, cueSpan, add }: Reader): void {
  for (const m of masked.text.matchAll(DENIED_CLAIM)) {
    const [, holder, , verb] = m;
    const claimant = [...before(m.index).matchAll(CLAIMANT)].at(-1)?.[1];
    const t = claimant !== undefined ? masked.slots.get(claimant)?.mention : undefined;
    const cueStart = m.index + m[0].lastIndexOf(verb!);
    if (t !== undefined) add(holder!, [t], "oppose", verb!, CONFIDENCE.nominal, cueSpan(cueStart, cueStart + verb!.length));
  }
}

// "warned that China was dumping steel".
export function readWarnedThat({ masked, cueSpan, add }: Reader): void {
  for (const m of masked.text.matchAll(WARNED_THAT)) {
    const [, holder, , between = "", verb, target] = m;
    if (NEGATION.test(between)) continue;
    const t = masked.slots.get(target!)?.mention;
    const cueStart = m.index + m[0].indexOf(verb!);
    if (t !== undefined) add(holder!, [t], "oppose", verb!, CONFIDENCE.warnedThat, cueSpan(cueStart, cueStart + verb!.length));
  }
}

// "the plan was rejected by Poland": each holder after "by" against the passive's subject or its owner.
export function readPassive({ masked, mentions, cueSpan, add }: Reader): void {
  for (const m of masked.text.matchAll(PASSIVE)) {
    const [, target, gap = "", aux = "", participle, firstHolder, rest = ""] = m;
    if (NEGATION.test(aux)) continue;
    // "ruled foreign by a court as it was backed by": the passive's subject is "it".
    if (/\b(?:it|he|she|they)$/i.test(gap)) continue;
    // "the term at the head of ⟦the Council⟧ by forcing through a rule that was rejected by": the name is not the subject.
    if (/\bby\s/i.test(gap)) continue;
    // "Nike, whose shoes are endorsed by a golfer": what is owned must be something said or decided.
    const whose = /^\s*,?\s*whose\s+((?:[\w-]+\s+){0,2}?[\w-]+)$/.exec(gap)?.[1];
    if (whose !== undefined && !whose.split(/\s+/).some((w) => OWNED_WORD.test(w))) continue;
    // "the US assets had been rejected": a name right in front of a noun qualifies it, unless it owns it ("Labour plans were").
    const attributive = /^\s+((?:[\w-]+\s+){0,2}?[\w-]+)$/.exec(gap)?.[1]?.split(/\s+/);
    if (
      attributive &&
      attributive.every((w) => /^\p{Ll}/u.test(w) && !FUNCTION_WORD.test(w)) &&
      !attributive.some((w) => OWNED_WORD.test(w))
    )
      continue;
    const cue = participles.get(participle!.toLowerCase())!;
    if (OWNED_ONLY_CUES.has(cue.lemma) && !OWNED_GAP.test(gap)) continue;
    const t = masked.slots.get(target!)?.mention;
    const cueStart = m.index + m[0].indexOf(participle!, m[0].indexOf(aux));
    if (t === undefined) continue;
    for (const slot of [firstHolder!, ...[...rest.matchAll(/⟦(\d+)⟧/g)].map((x) => x[1]!)]) {
      const h = holderAfterBy(slot, masked, mentions);
      if (h !== undefined) add(h, [t], cue.polarity, participle!, CONFIDENCE.passive, cueSpan(cueStart, cueStart + participle!.length));
    }
  }
}

// "Blair said Labour would set out plans ... and attacked the Tory plans".
export function readSpeechThen({ masked, mentions, addVerbBeforeTargets }: Reader): void {
  const speechThen = SPEECH_THEN.exec(masked.text);
  if (speechThen) {
    const [, holder, , clause = "", verb, firstTarget, rest = ""] = speechThen;
    const bare = clause.replace(/⟦[pt]?\d+⟧/g, " ");
    if (!ANY_CUE.test(bare) && !SPEECH_VERB.test(bare) && !CONDITIONAL.test(bare) && !isModifierUse(holder!, "", masked, mentions)) {
      addVerbBeforeTargets(speechThen, holder!, verb!, firstTarget!, rest, CONFIDENCE.coordinated);
    }
  }
}

// "closed the debate with a speech criticising Brown's budget".
export function readVehicle({ masked, mentions, before, addVerbBeforeTargets }: Reader): void {
  for (const m of masked.text.matchAll(VEHICLE)) {
    const [, holder, , between = "", verb, firstTarget, rest = ""] = m;
    if (NEGATION.test(between) || CONDITIONAL.test(before(m.index)) || isModifierUse(holder!, "", masked, mentions)) continue;
    addVerbBeforeTargets(m, holder!, verb!, firstTarget!, rest, CONFIDENCE.stated * (HEDGE.test(between) ? CONFIDENCE.hedged : 1));
  }
}

// "The Tories hit back, accusing Labour of ...": the main clause's subject holds the trailing participle's stance.
export function readTrailing({ masked, mentions, addVerbBeforeTargets }: Reader): void {
  const trailing = TRAILING.exec(masked.text);
  if (trailing) {
    const [, holder, , clause = "", verb, firstTarget, rest = ""] = trailing;
    const holderIsPerson = mentions[masked.slots.get(holder!)?.mention ?? -1]?.type === "person";
    // "⟦Labour⟧ MPs met": the people who speak for it may stand before the verb.
    const predicate = clause.replace(SPEAKS_FOR, "").trim();
    const ok =
      !TRAILING_CLAUSE_BREAK.test(clause) &&
      !ANY_CUE.test(clause.replace(/⟦[pt]?\d+⟧/g, " ").replace(PHRASAL_BACK_ANYWHERE, " ")) &&
      !NEGATION.test(clause) &&
      clause.replace(SLOT_AFTER_PREPOSITION, " ").indexOf("⟦") < 0 &&
      (holderIsPerson || VERB_LIKE.test(predicate));
    if (ok)
      addVerbBeforeTargets(
        trailing,
        holder!,
        verb!,
        firstTarget!,
        rest,
        CONFIDENCE.coordinated * (HEDGE.test(clause) ? CONFIDENCE.hedged : 1),
      );
  }
}

// "Praising Brown for his budget, Blair said".
export function readParticipleOpener({ masked, mentions, cueSpan, add }: Reader): void {
  const opener = PARTICIPLE_OPENER.exec(masked.text);
  if (opener) {
    const [, verb, firstTarget, rest = "", holder] = opener;
    const cueStart = opener.index + opener[0].indexOf(verb!);
    const cue = verbForms.get(verb!.toLowerCase())!;
    add(
      holder!,
      slotsIn(rest, firstTarget!, masked, mentions),
      cue.polarity,
      verb!,
      CONFIDENCE.stated,
      cueSpan(cueStart, cueStart + verb!.length),
    );
  }
}
