// The readings of a cue noun or adjective: "met with rejection by X", "X was critical of Y", agent nouns ("a critic
// of Y", "Bush critic Michael Moore") and owned nouns ("the SEC's criticism of Fannie Mae"). Run by readings.ts.
import { NEGATION, STANCE_ADJECTIVES, agentForms, nounForms } from "../cue-forms.js";
import { ADJECTIVE, AGENT_COMPOUND, AGENT_OF, AGENT_TITLE, NOMINAL, OWNED_NOUN, REPORTED } from "./patterns.js";
import { CONFIDENCE, type Reader } from "./reader.js";
import { slotsIn, holderAfterBy, isModifierUse } from "./holders.js";

// "met with skepticism and outright rejection by several countries, including Slovakia, ..., Spain":
// each listed holder against the owner of what they reacted to: a possessive in the sentence, or its subject.
export function readNominal({ masked, mentions, before, cueSpan, add }: Reader): void {
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
export function readAdjective({ masked, mentions, before, cueSpan, add }: Reader): void {
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

// "the US is a firm supporter of aid for Turkey", "X, a long-time critic of Y,".
export function readAgentOf({ masked, mentions, cueSpan, add }: Reader): void {
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
export function readAgentCompound({ masked, cueSpan, add }: Reader): void {
  for (const m of masked.text.matchAll(AGENT_COMPOUND)) {
    const [, holder, be = "", , target, agent] = m;
    const t = masked.slots.get(target!)?.mention;
    if (t === undefined || NEGATION.test(be)) continue;
    const cueStart = m.index + m[0].lastIndexOf(agent!);
    add(holder!, [t], agentForms.get(agent!.toLowerCase())!, agent!, CONFIDENCE.stated, cueSpan(cueStart, cueStart + agent!.length));
  }
}

// "Blair ally Alan Milburn", "Bush critic Michael Moore".
export function readAgentTitle({ masked, cueSpan, add }: Reader): void {
  for (const m of masked.text.matchAll(AGENT_TITLE)) {
    const [, target, agent, holder] = m;
    const t = masked.slots.get(target!)?.mention;
    if (t === undefined) continue;
    const cueStart = m.index + m[0].indexOf(agent!);
    add(holder!, [t], agentForms.get(agent!.toLowerCase())!, agent!, CONFIDENCE.stated, cueSpan(cueStart, cueStart + agent!.length));
  }
}

// "the SEC's criticism of Fannie Mae", "his attack on Labour".
export function readOwnedNoun({ masked, mentions, cueSpan, add }: Reader): void {
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
