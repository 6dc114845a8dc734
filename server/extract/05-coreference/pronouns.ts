// "him" and "her" as objects (stage 5, asked by discourse.ts for each sentence with a cue): who they are, read
// from the sentence's subject and the people named before them.
import type { Mention } from "../../types.js";
import { SPEECH_VERBS } from "../lexicon/speech.js";
import { type Reference, titleStart } from "../mask.js";
import type { DocMemory } from "./discourse.js";

/** The salience key of a subject nobody named ("The prime minister said", nobody introduced so). */
export const UNKNOWN = "";

// "him", and "her" where it is not a possessive: "accused her of", "praised her,".
const OBJECT_PRONOUN = /(?<![\p{L}])(?:him|her)(?=\s+(?:of|for|over|as|on|to|in|at|after|with|and|but)\b|\s*[,.;!?])/gu;

// What opens a clause said or thought of the subject: "said Bo Kim had", "suspicion that the chancellor was".
const COMPLEMENT_LEAD = new RegExp(
  `\\b(?:that|${SPEECH_VERBS.join("|")}|claims|believed|believes|thought|thinks|felt|feels|suspicion|suspected|suspects)\\s+$`,
);

/**
 * "accusing him of", "heaped praise on him": an object pronoun is not its clause's subject. It is the last person
 * named before it in the sentence who is not the subject, or else the most prominent person who is not. In a clause
 * said or thought of a subject named in the sentence, with a subject of its own, it is that subject: "Mr Vale feared
 * that the chancellor was working against him" (him is not the chancellor). Not after "He": a "he" read wrong
 * would give a wrong target too.
 */
export function objectPronouns(
  text: string,
  subjectOf: { mention: number; named: boolean } | undefined,
  people: { at: number; end: number; mention: number }[],
  roles: Reference[],
  memory: DocMemory,
  mentions: Mention[],
  quoted: (at: number) => boolean,
): Reference[] {
  const found: Reference[] = [];
  const subject = subjectOf?.mention;
  const cluster = (i: number) => mentions[i]!.cluster;
  const subjectCluster = subject === undefined ? undefined : cluster(subject);
  const persons = [...people, ...roles.map((r) => ({ at: r.span[0], end: r.span[1], mention: r.mention }))].sort((a, b) => a.at - b.at);
  for (const m of text.matchAll(OBJECT_PRONOUN)) {
    if (quoted(m.index)) continue;
    const span: [number, number] = [m.index, m.index + m[0].length];
    const last = persons.filter((p) => p.end <= m.index).at(-1);
    if (
      subject !== undefined &&
      subjectOf?.named &&
      last &&
      cluster(last.mention) !== subjectCluster &&
      COMPLEMENT_LEAD.test(text.slice(0, titleStart(text, last.at)))
    ) {
      found.push({ span, mention: subject, objectOf: last.mention });
      continue;
    }
    const named = people.filter((p) => p.end <= m.index && cluster(p.mention) !== subjectCluster).at(-1)?.mention;
    const who = named ?? (subjectCluster === undefined ? undefined : otherProminent(memory, subjectCluster));
    if (who !== undefined) found.push({ span, mention: who, ...(subject !== undefined ? { objectOf: subject } : {}) });
  }
  return found;
}

/** The most prominent person but one: who "him" is when "he" is the most prominent. Nobody if that is someone unnamed. */
function otherProminent(memory: DocMemory, subjectCluster: string): number | undefined {
  const ranked = [...memory.salience.entries()].filter(([cluster]) => cluster !== subjectCluster).sort((a, b) => b[1].score - a[1].score);
  const [cluster, entry] = ranked[0] ?? [];
  return cluster === UNKNOWN ? undefined : entry?.mention;
}
