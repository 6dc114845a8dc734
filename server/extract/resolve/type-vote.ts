// The type of a name is voted over all its mentions in the corpus. Cues written beside a mention decide when there
// are any ("Mr Kemp", "Veritas leader", "the BBC's Newsnight programme"); else the recogniser's types, by majority.
// One document's mistake does not decide a name's type.
import { type Steps, every } from "../../slices.js";
import type { Mention } from "../../types.js";
import { HONORIFICS, TITLE_WORDS } from "../lexicon/titles.js";
import { ORGANIZATION_HOLDINGS, ORGANIZATION_KINDS, WORK_KINDS_AFTER, WORK_KINDS_BEFORE } from "../lexicon/kinds.js";
import type { CaseCounts } from "./corpus-stats.js";
import { definedAcronym } from "./organizations.js";
import { keyName } from "../05-coreference/index.js";
import { keptPerMention } from "./per-mention.js";
import { type Unit, nameOf, typeOf } from "./units.js";

/** What the words around a mention say it is; "work" is a programme or show, which is none of our types. */
export type Cue = "person" | "organization" | "work";

const HONORIFIC_BEFORE = new RegExp(`(?:^|\\s)(?:${[...HONORIFICS].map((h) => h.replace(".", "\\.")).join("|")})\\.?\\s+$`, "i");
const PARTY_AFTER = /^\s+[Pp]arty\b/u;
const WORD_AFTER = /^\s(\p{Ll}[\p{L}-]*)/u;
const THE_BEFORE = /(?:^|\s)the\s+$/;
const WORK_AFTER = new RegExp(`^(?:\\s+(?:${WORK_KINDS_AFTER.join("|")})\\b|,?\\s+starring\\b)`, "u");
// "the comedy Sideways", "blockbuster The Aviator", "the game Halo": a creative work's title after the word for its kind
const WORK_BEFORE = new RegExp(`(?:^|\\s)(?:${WORK_KINDS_BEFORE.join("|")})\\s+$`, "u");
// "games giant Electronic Arts", "Scottish band Franz Ferdinand": the word for a kind of organization in front
const ORG_NOUN_BEFORE = new RegExp(`(?:^|\\s)(?:${ORGANIZATION_KINDS.join("|")})\\s+$`, "u");
const BROADCASTER_BEFORE = /(?:^|\s)\p{Lu}{2,}\d?(?:\s+\p{Lu}\p{Ll}+)?['’]s\s+$/u;
// "Quorlex customers", "Quorlex's 14m subscribers": what only an organization has, right after it or its possessive
const HOLDING_AFTER = new RegExp(`^(?:\\s|['’]s?\\s+(?:[\\p{L}\\p{N}-]+\\s+)?)(?:${ORGANIZATION_HOLDINGS.join("|")})\\b`, "u");

/**
 * The cue around one mention, if any: "Mr Blair" (person), "the Treasury" (organization), "Newsnight programme" or
 * "the film Sideways" (work).
 */
export function cueOf(m: Mention, sentence: string): Cue | undefined {
  const before = sentence.slice(Math.max(0, m.start - 24), m.start);
  const after = sentence.slice(m.end, m.end + 24);
  const single = !m.name.includes(" ");
  if (m.role !== undefined || HONORIFIC_BEFORE.test(before)) return "person";
  if (WORK_AFTER.test(after) || WORK_BEFORE.test(before) || (single && BROADCASTER_BEFORE.test(before))) return "work";
  if (PARTY_AFTER.test(after) || THE_BEFORE.test(before) || ORG_NOUN_BEFORE.test(before) || HOLDING_AFTER.test(after))
    return "organization";
  // "Electronic Arts (EA)": an organization defines its acronym; a person's name is not followed by its initials
  if (definedAcronym(m, sentence)) return "organization";
  const next = WORD_AFTER.exec(after)?.[1];
  if (single && next && TITLE_WORDS.has(next) && !HONORIFICS.has(next)) return "organization"; // "Veritas leader"
  return undefined;
}

// A mention's cue depends on it and its sentence alone: read once, a write reads only its own documents' cues.
const keptCueOf = keptPerMention(cueOf);

export interface TypeVote {
  /** Cues per unit (parallel to the units). */
  cues: Map<Unit, Record<Cue, number>>;
  /** Names whose cues say they are a programme or show. */
  works: Set<string>;
}

const VOTED = new Set(["person", "organization"]);

/**
 * A cue seen once weighs as much as this many mentions the recogniser typed; seen twice or more, the cues decide.
 * The recogniser's readings of one name are not independent (it reads "Disney" the same way in the same kind of
 * sentence), so one cue ("the Disney director") outweighs a handful of them, but not dozens ("senior vice
 * president Boeing" once against 41 organization readings).
 */
export const CUE_WEIGHT = 10;

interface Tally {
  cue: Record<Cue, number>;
  recognised: { person: number; organization: number };
}

/** The name a mention votes for: "the Treasury" -> "treasury", as unit keys are written. */
const votedName = (m: Mention) => keyName(m.name);

/**
 * Retypes units by the vote over their name (person and organization only: countries come from the dataset, events
 * from their pattern). Every mention written with the name votes, also inside another name's cluster ("actor
 * DiCaprio" in Leonardo DiCaprio's): the type its recogniser gave, and its cue. A cue seen at least twice decides
 * ("Veritas leader" twice over 29 person readings); one cue is one voice among the mentions ("vice president Boeing"
 * once over 41 organization readings). `titled` adds what the corpus text says outside mentions ("Veritas leader"
 * where the recogniser saw no name), except for the surname of a person named in full somewhere in the corpus.
 */
export function* voteInSteps(units: Unit[], sentenceText: (id: string) => string, counts: CaseCounts): Steps<TypeVote> {
  const surnames = new Set(
    units.flatMap((u) => {
      const tokens = nameOf(u.key).split(" ");
      return typeOf(u.key) === "person" && tokens.length >= 2 ? [tokens.at(-1)!] : [];
    }),
  );
  const cues = new Map<Unit, Record<Cue, number>>();
  const byName = new Map<string, Unit[]>();
  const tallies = new Map<string, Tally>();
  const tallyOf = (name: string) => {
    let t = tallies.get(name);
    if (!t) tallies.set(name, (t = { cue: { person: 0, organization: 0, work: 0 }, recognised: { person: 0, organization: 0 } }));
    return t;
  };
  let seen = 0;
  for (const u of units) {
    const c: Record<Cue, number> = { person: 0, organization: 0, work: 0 };
    const voted = VOTED.has(typeOf(u.key));
    for (const m of u.mentions) {
      if (every(seen++, 1024)) yield;
      const cue = keptCueOf(m, sentenceText(m.sentenceId));
      if (cue) c[cue]++;
      if (!voted) continue;
      const t = tallyOf(votedName(m));
      if (cue) t.cue[cue]++;
      if (m.type === "person" || m.type === "organization") t.recognised[m.type]++;
    }
    cues.set(u, c);
    if (!voted) continue;
    const name = nameOf(u.key);
    const list = byName.get(name);
    if (list) list.push(u);
    else byName.set(name, [u]);
  }
  const works = new Set<string>();
  for (const [name, group] of byName) {
    const { cue, recognised } = tallyOf(name);
    // Text outside mentions: "Veritas leader", where the recogniser found no name to attach a cue to; not for a
    // person's surname ("a Blair spokesman").
    if (!name.includes(" ") && !surnames.has(name) && cue.work === 0) cue.organization += counts.titleQualifier.get(name) ?? 0;
    // A name written as a programme's ("Newsnight programme") is one, though its staff have titles ("Newsnight journalist").
    // Seen twice, as other cues: "the game Chelsea lost" once does not make a club a title.
    const work = cue.work >= 2 && cue.person === 0 && cue.work >= cue.organization;
    const winner = work ? "work" : voteWinner(cue, recognised);
    if (!winner) continue;
    if (winner === "work") {
      works.add(name);
      continue;
    }
    for (const u of group) u.key = `${winner}:${name}`;
  }
  return { cues, works };
}

/**
 * Cues seen twice or more decide; else each cue weighs CUE_WEIGHT mentions in the recogniser's majority, and a tie
 * goes to the recogniser's own majority: one name keeps one type ("Baikal" 16 person and 6 organization readings
 * and one organization cue is not left half of each).
 */
export function voteWinner(cue: Record<Cue, number>, recognised: { person: number; organization: number }) {
  const byCue = majority({ person: cue.person, organization: cue.organization });
  if (byCue && cue[byCue] >= 2) return byCue;
  const weighed = {
    person: recognised.person + CUE_WEIGHT * cue.person,
    organization: recognised.organization + CUE_WEIGHT * cue.organization,
  };
  return majority(weighed) ?? (weighed.person === weighed.organization ? majority(recognised) : undefined);
}

/** The key holding more than half of the votes, if one does. */
function majority<K extends string>(votes: Record<K, number>): K | undefined {
  const total = Object.values<number>(votes).reduce((a, b) => a + b, 0);
  if (total === 0) return undefined;
  return (Object.keys(votes) as K[]).find((k) => votes[k] * 2 > total);
}
