// The readings: each one construction that says who supports or opposes whom, read from a masked sentence
// (mask.ts) with the patterns in patterns.ts. A reading records what it finds with `add`; `readStances` runs them all.
import type { Mention, Sentence, Stance, StanceMention } from "../../types.js";
import { OWNED_ONLY_CUES } from "../lexicon/stance-cues.js";
import {
  ANY_CUE,
  CONDITIONAL,
  HEDGE,
  NEGATION,
  REFUSAL,
  STANCE_ADJECTIVES,
  agentForms,
  nounForms,
  participles,
  verbForms,
} from "./cues.js";
import { type Masked, textAfterSlot } from "./mask.js";
import {
  ACTIVE,
  ACTIVE_OWNED_BY,
  ACTIVE_OWNED_ONLY,
  ACTIVE_PHYSICAL,
  ADJECTIVE,
  AFTER_PREPOSITION,
  AGENT_COMPOUND,
  AGENT_OF,
  AGENT_TITLE,
  APPOSED,
  CLAIMANT,
  DEAL_OBJECT,
  DEMAND,
  DENIED_CLAIM,
  FORECAST,
  FUNCTION_WORD,
  HOLDER_LIST_BEFORE,
  NOMINAL,
  NOT_THE_HOLDER,
  OWNED_GAP,
  OWNED_NOUN,
  OWNED_PERSON,
  OWNED_THEN_VERB,
  OWNED_WORD,
  PARTICIPLE_OPENER,
  PASSIVE,
  PHRASAL_BACK,
  PHRASAL_BACK_ANYWHERE,
  POSSESSED,
  REPORTED,
  SLOT_AFTER_PREPOSITION,
  SPEAKS_FOR,
  SPEECH_THEN,
  SPEECH_VERB,
  TITLED_PERSON,
  TRAILING,
  TRAILING_CLAUSE_BREAK,
  VEHICLE,
  VERB_LEAD_IN,
  VERB_LIKE,
  WARNED_THAT,
} from "./patterns.js";

const CONFIDENCE = {
  stated: 0.9,
  passive: 0.85,
  nominal: 0.7,
  warnedThat: 0.6,
  /** "X said ... and attacked Y": the holder is read across a clause. */
  coordinated: 0.7,
  refused: 0.6,
  /** Multiplier when the holder is a pronoun or a role resolved from earlier sentences. */
  resolvedHolder: 0.85,
  /** Multiplier when the target is the maker of a thing named earlier: "condemned the move". */
  resolvedThing: 0.8,
  /** Multiplier for hoped-for or reported stances. */
  hedged: 0.45,
} as const;

/** What a reading gets: the masked sentence, and `add` to record the stances it finds. */
interface Reader {
  masked: Masked;
  mentions: Mention[];
  /** The masked text before an offset: what a match follows. */
  before: (index: number) => string;
  /** A masked span as offsets in the sentence. */
  cueSpan: (start: number, end: number) => [number, number];
  /** Records a stance of the holder in a slot towards each target mention. */
  add: (holderSlot: string, targets: number[], polarity: Stance, cue: string, confidence: number, span: [number, number]) => void;
  /** A verb cue whose match ends in its target list: the cue is the last `verb` before the first target. */
  addVerbBeforeTargets: (
    match: RegExpExecArray,
    holder: string,
    verb: string,
    firstTarget: string,
    rest: string,
    confidence: number,
  ) => void;
}

/** The stances one masked sentence states, from every reading. */
export function readStances(sentence: Sentence, masked: Masked, mentions: Mention[]): StanceMention[] {
  const out: StanceMention[] = [];
  const cueSpan = (start: number, end: number): [number, number] => [masked.orig[start]!, masked.orig[end]!];
  const add: Reader["add"] = (holderSlot, targets, polarity, cue, confidence, span) => {
    const holder = masked.slots.get(holderSlot);
    if (!holder) return;
    const cluster = mentions[holder.mention]!.cluster;
    for (const target of targets) {
      if (mentions[target]!.cluster === cluster) continue;
      // "claims that TBWA was blaming him": "him" was read as someone other than the sentence's subject, which
      // holds only for a stance that subject holds.
      const targetSlots = [...masked.slots.values()].filter((x) => x.mention === target);
      const object = targetSlots.find((x) => x.objectOf !== undefined);
      if (object && mentions[object.objectOf!]!.cluster !== cluster) continue;
      const thing = targetSlots.some((x) => x.thing);
      const stance: StanceMention = {
        sentenceId: sentence.id,
        holder: holder.mention,
        target,
        stance: polarity,
        cue,
        confidence:
          Math.round(confidence * (holder.resolved ? CONFIDENCE.resolvedHolder : 1) * (thing ? CONFIDENCE.resolvedThing : 1) * 100) / 100,
        cueSpan: span,
      };
      if (holder.resolved) stance.holderSpan = holder.span;
      // The target's own mention is in another sentence: point at the words that stand for it here.
      const written = mentions[target]!.sentenceId === sentence.id ? undefined : targetSlots.find((x) => x.resolved);
      if (written) stance.targetSpan = written.span;
      out.push(stance);
    }
  };
  const addVerbBeforeTargets: Reader["addVerbBeforeTargets"] = (match, holder, verb, firstTarget, rest, confidence) => {
    const cueStart = match.index + match[0].lastIndexOf(verb, match[0].length - firstTarget.length);
    const cue = verbForms.get(verb.toLowerCase())!;
    add(holder, slotsIn(rest, firstTarget, masked, mentions), cue.polarity, verb, confidence, cueSpan(cueStart, cueStart + verb.length));
  };
  const reader: Reader = { masked, mentions, before: (index) => masked.text.slice(0, index), cueSpan, add, addVerbBeforeTargets };
  for (const read of READINGS) read(reader);
  return out;
}

// "Crosetto criticized Macron's comments", "Labour and the Greens have criticised his plans": holder, cue verb, targets.
function readActive({ masked, mentions, before, cueSpan, add }: Reader): void {
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
function readDemand({ masked, cueSpan, add }: Reader): void {
  for (const m of masked.text.matchAll(DEMAND)) {
    const [, holder, , between = "", verb, target] = m;
    const t = masked.slots.get(target!)?.mention;
    const cueStart = m.index + m[0].indexOf(verb!, m[0].indexOf(between) + between.length - 1);
    if (t !== undefined && !NEGATION.test(between))
      add(holder!, [t], "oppose", verb!, CONFIDENCE.stated, cueSpan(cueStart, cueStart + verb!.length));
  }
}

// ", an allegation Kyiv has denied": the denier against whoever made the claim.
function readDeniedClaim({ masked, before, cueSpan, add }: Reader): void {
  for (const m of masked.text.matchAll(DENIED_CLAIM)) {
    const [, holder, , verb] = m;
    const claimant = [...before(m.index).matchAll(CLAIMANT)].at(-1)?.[1];
    const t = claimant !== undefined ? masked.slots.get(claimant)?.mention : undefined;
    const cueStart = m.index + m[0].lastIndexOf(verb!);
    if (t !== undefined) add(holder!, [t], "oppose", verb!, CONFIDENCE.nominal, cueSpan(cueStart, cueStart + verb!.length));
  }
}

// "warned that China was dumping steel".
function readWarnedThat({ masked, cueSpan, add }: Reader): void {
  for (const m of masked.text.matchAll(WARNED_THAT)) {
    const [, holder, , between = "", verb, target] = m;
    if (NEGATION.test(between)) continue;
    const t = masked.slots.get(target!)?.mention;
    const cueStart = m.index + m[0].indexOf(verb!);
    if (t !== undefined) add(holder!, [t], "oppose", verb!, CONFIDENCE.warnedThat, cueSpan(cueStart, cueStart + verb!.length));
  }
}

// "the plan was rejected by Poland": each holder after "by" against the passive's subject or its owner.
function readPassive({ masked, mentions, cueSpan, add }: Reader): void {
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

// "met with skepticism and outright rejection by several countries, including Slovakia, ..., Spain":
// each listed holder against the owner of what they reacted to: a possessive in the sentence, or its subject.
function readNominal({ masked, mentions, before, cueSpan, add }: Reader): void {
  for (const m of masked.text.matchAll(NOMINAL)) {
    const [, noun, firstHolder, rest = ""] = m;
    const polarity = nounForms.get(noun!.toLowerCase())!;
    const head = before(m.index);
    if (NEGATION.test(head.slice(-25))) continue;
    // The owner: a possessive just before the noun, or the sentence's subject, not a name inside a phrase
    // ("The referee from Saturday's France v Scotland match has defended ... after criticism by Matt Williams").
    const subject = /^([^⟦]{0,40})⟦(\d+)⟧/.exec(head);
    // "Straw has defended plans ... despite opposition from the US": the opposition is to the plans, which
    // may be someone else's, not to the subject.
    const despite = /\b(?:despite|amid|in spite of|notwithstanding)\s+(?:[\w-]+\s+)?$/i.test(head);
    const subjectOwner =
      subject && !despite && !/\b(?:of|from|by|with|for|against|v|vs|between)\b/.test(subject[1]!) ? subject[2] : undefined;
    const owner = /⟦(\d+)⟧['’]s?\s+(?:\w+\s+){0,2}$/.exec(head)?.[1] ?? subjectOwner;
    const target = owner !== undefined ? masked.slots.get(owner)?.mention : undefined;
    if (target === undefined) continue;
    for (const slot of [firstHolder!, ...[...rest.matchAll(/⟦(\d+)⟧/g)].map((x) => x[1]!)]) {
      const h = holderAfterBy(slot, masked, mentions);
      if (h !== undefined) add(h, [target], polarity, noun!, CONFIDENCE.nominal, cueSpan(m.index, m.index + noun!.length));
    }
  }
}

// "His film was highly critical of President Bush".
function readAdjective({ masked, mentions, before, cueSpan, add }: Reader): void {
  for (const m of masked.text.matchAll(ADJECTIVE)) {
    const [, holder, , be = "", adjective, firstTarget, rest = ""] = m;
    if (NEGATION.test(be) || isModifierUse(holder!, "", masked, mentions) || REPORTED.test(before(m.index))) continue;
    const cueStart = m.index + m[0].indexOf(adjective!, m[0].indexOf(be) + be.length - 1);
    const span = cueSpan(cueStart, cueStart + adjective!.length);
    add(
      holder!,
      slotsIn(rest, firstTarget!, masked, mentions),
      STANCE_ADJECTIVES[adjective!.toLowerCase()]!,
      adjective!,
      CONFIDENCE.stated,
      span,
    );
  }
}

// "Blair said Labour would set out plans ... and attacked the Tory plans".
function readSpeechThen({ masked, mentions, addVerbBeforeTargets }: Reader): void {
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
function readVehicle({ masked, mentions, before, addVerbBeforeTargets }: Reader): void {
  for (const m of masked.text.matchAll(VEHICLE)) {
    const [, holder, , between = "", verb, firstTarget, rest = ""] = m;
    if (NEGATION.test(between) || CONDITIONAL.test(before(m.index)) || isModifierUse(holder!, "", masked, mentions)) continue;
    addVerbBeforeTargets(m, holder!, verb!, firstTarget!, rest, CONFIDENCE.stated * (HEDGE.test(between) ? CONFIDENCE.hedged : 1));
  }
}

// "The Tories hit back, accusing Labour of ...": the main clause's subject holds the trailing participle's stance.
function readTrailing({ masked, mentions, addVerbBeforeTargets }: Reader): void {
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
function readParticipleOpener({ masked, mentions, cueSpan, add }: Reader): void {
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

// "the US is a firm supporter of aid for Turkey", "X, a long-time critic of Y,".
function readAgentOf({ masked, mentions, cueSpan, add }: Reader): void {
  for (const m of masked.text.matchAll(AGENT_OF)) {
    const [, holder, be = "", modifiers = "", agent, inner, firstTarget, rest = ""] = m;
    const polarity = agentForms.get(agent!.toLowerCase())!;
    // "a supporter of continued support for Turkey" holds; "a critic of support for X" is not a plain stance.
    if (inner && nounForms.get(inner.toLowerCase()) !== polarity) continue;
    if (NEGATION.test(be) || NEGATION.test(modifiers) || isModifierUse(holder!, "", masked, mentions)) continue;
    const cueStart = m.index + m[0].indexOf(agent!, m[0].indexOf(modifiers) + modifiers.length - 1);
    add(
      holder!,
      slotsIn(rest, firstTarget!, masked, mentions),
      polarity,
      agent!,
      CONFIDENCE.stated,
      cueSpan(cueStart, cueStart + agent!.length),
    );
  }
}

// "Moore was an outspoken Bush critic".
function readAgentCompound({ masked, cueSpan, add }: Reader): void {
  for (const m of masked.text.matchAll(AGENT_COMPOUND)) {
    const [, holder, be = "", , target, agent] = m;
    const t = masked.slots.get(target!)?.mention;
    if (t === undefined || NEGATION.test(be)) continue;
    const cueStart = m.index + m[0].lastIndexOf(agent!);
    add(holder!, [t], agentForms.get(agent!.toLowerCase())!, agent!, CONFIDENCE.stated, cueSpan(cueStart, cueStart + agent!.length));
  }
}

// "Blair ally Alan Milburn", "Bush critic Michael Moore".
function readAgentTitle({ masked, cueSpan, add }: Reader): void {
  for (const m of masked.text.matchAll(AGENT_TITLE)) {
    const [, target, agent, holder] = m;
    const t = masked.slots.get(target!)?.mention;
    if (t === undefined) continue;
    const cueStart = m.index + m[0].indexOf(agent!);
    add(holder!, [t], agentForms.get(agent!.toLowerCase())!, agent!, CONFIDENCE.stated, cueSpan(cueStart, cueStart + agent!.length));
  }
}

// "the SEC's criticism of Fannie Mae", "his attack on Labour".
function readOwnedNoun({ masked, mentions, cueSpan, add }: Reader): void {
  for (const m of masked.text.matchAll(OWNED_NOUN)) {
    const [, holder, noun, target] = m;
    const t = masked.slots.get(target!)?.mention;
    const cueStart = m.index + m[0].indexOf(noun!);
    // A person's attack on someone is in words; a country's or a club's may be in arms or on the pitch.
    if (/^attack/i.test(noun!) && mentions[masked.slots.get(holder!)?.mention ?? -1]?.type !== "person") continue;
    if (t !== undefined)
      add(holder!, [t], nounForms.get(noun!.toLowerCase())!, noun!, CONFIDENCE.nominal, cueSpan(cueStart, cueStart + noun!.length));
  }
}

/** Every reading, in the order they run: when two give the same stance, the first with the highest confidence stays. */
const READINGS: ((reader: Reader) => void)[] = [
  readActive,
  readDemand,
  readDeniedClaim,
  readWarnedThat,
  readPassive,
  readNominal,
  readAdjective,
  readSpeechThen,
  readVehicle,
  readTrailing,
  readParticipleOpener,
  readAgentOf,
  readAgentCompound,
  readAgentTitle,
  readOwnedNoun,
];

/**
 * The target mentions of a matched list, dropping readings that name the wrong thing: "the LSE bid" (the
 * bid is for the LSE), "Britain's financial watchdog" (a country owns institutions, not opinions, unless
 * it is "Britain's government", "Britain's policy").
 */
function slotsIn(list: string, first: string, masked: Masked, mentions: Mention[]): number[] {
  const ids = [first, ...[...list.matchAll(/⟦([pt]?\d+)⟧/g)].map((m) => m[1]!)];
  return ids.flatMap((id) => {
    const slot = masked.slots.get(id);
    if (!slot) return [];
    const after = textAfterSlot(masked, id);
    if (DEAL_OBJECT.test(after)) return [];
    // "praised ⟦Blue Harbour⟧ director and co-star ⟦Tom Reed⟧": a name that qualifies a person's title.
    const titled = TITLED_PERSON.exec(after)?.[1];
    const person = titled !== undefined ? masked.slots.get(titled) : undefined;
    if (person && mentions[slot.mention]!.type !== "person" && mentions[person.mention]!.type === "person") return [person.mention];
    const owned = POSSESSED.exec(after)?.[2];
    // "criticised Britain's bank regulator, the FSA": the one named in apposition.
    const apposed = APPOSED.exec(after)?.[1];
    if (owned && !OWNED_WORD.test(owned) && apposed !== undefined) {
      const other = masked.slots.get(apposed);
      return other ? [other.mention] : [];
    }
    if (owned && mentions[slot.mention]!.type === "country" && !OWNED_WORD.test(owned)) return [];
    // "criticised Mr Blair's spokesman": a stance towards someone's people is not towards them.
    if (owned && OWNED_PERSON.test(owned)) return [];
    return [slot.mention];
  });
}

/**
 * The holder a name after "by" or "from" stands for: the person whose title it qualifies ("by ⟦Wasps⟧ director of
 * rugby ⟦Warren Gatland⟧"), itself, or nobody when it goes on to name something else (`holderGoesOn`).
 */
function holderAfterBy(slotId: string, masked: Masked, mentions: Mention[]): string | undefined {
  const titled = TITLED_PERSON.exec(textAfterSlot(masked, slotId))?.[1];
  if (titled !== undefined && mentions[masked.slots.get(titled)?.mention ?? -1]?.type === "person") return titled;
  return holderGoesOn(slotId, masked) ? undefined : slotId;
}

/**
 * After "by" or "from", a name that goes on is not the holder: "by the ⟦US⟧ Anti-Doping Agency" names the
 * agency, "criticism from ⟦Charlton⟧ fans" the fans. "by ⟦US⟧ officials" and "by ⟦Vivendi⟧'s board" speak for it.
 */
function holderGoesOn(slotId: string, masked: Masked): boolean {
  const after = textAfterSlot(masked, slotId);
  if (/^\s+\p{Lu}/u.test(after)) return true;
  const word = /^\s+(\p{Ll}[\w-]*)/u.exec(after)?.[1];
  return word !== undefined && !FUNCTION_WORD.test(word) && !SPEAKS_FOR.test(word);
}

/** A country or organization followed by a word that is not a verb lead-in is a modifier, not the holder: "A ⟦US⟧ woman is suing HP". */
function isModifierUse(holderSlot: string, between: string, masked: Masked, mentions: Mention[]): boolean {
  const holder = masked.slots.get(holderSlot);
  if (!holder || mentions[holder.mention]!.type === "person") return false;
  const words = between.trim();
  return words !== "" && !VERB_LEAD_IN.test(words) && !SPEAKS_FOR.test(words);
}
