// Stage 5, per document: coreference. Takes the mention candidates of one document and gives Mentions with in-document
// clusters: known names propagate, surnames join full names, acronyms join their definitions, types agree.
// Pronouns and roles ("he", "the prime minister") are resolved by discourse.ts, sentence by sentence as stances are read.
import { clusteredMention } from "../../../common/mentions.js";
import { groupBy } from "../../../common/group.js";
import { memoize } from "../../../common/memo.js";
import type { Mention, Sentence } from "../../types.js";
import type { MentionCandidate } from "../04-mentions.js";
import { countryIndex } from "../lexicon/countries.js";
import { CALENDAR_WORDS } from "../lexicon/events.js";
import { titleWordOf } from "../lexicon/titles.js";
import { LIMITS } from "../limits.js";
import { isCommonWord } from "../03-recognition/index.js";

const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}.-]*/gu;

/** A name's words ("Robert Kilroy-Silk" -> "Robert", "Kilroy-Silk"); frozen, since the answer is shared. */
export const nameTokens: (name: string) => readonly string[] = memoize((name) => Object.freeze(name.match(TOKEN) ?? []));

/** A name as keys write it: lower-case, without a leading "the" ("The Economist" -> "economist"). */
export const keyName: (name: string) => string = memoize((name) => name.toLowerCase().replace(/^the\s+/, ""));

/** The cluster key of a name on its own: "organization:the economist" -> "organization:economist". */
export function ownKey(m: Pick<Mention, "type" | "name">): string {
  return `${m.type}:${keyName(m.name)}`;
}

const LETTER_OR_DIGIT_BEFORE = /[\p{L}\p{N}]$/u;
const LETTER_OR_DIGIT_AFTER = /^[\p{L}\p{N}]/u;

/**
 * Where `name` stands in `text` as a whole word (no letter or digit touching it on either side), left to right and
 * not overlapping. A plain search and one fixed boundary check per hit: no expression is built from the text, so a
 * name of any length costs its length (a regex made of a 100 KB "name" is too large to compile). Two code units each
 * side, so that a letter outside the BMP counts as one.
 */
export function wholeWordHits(text: string, name: string): number[] {
  const hits: number[] = [];
  if (name === "") return hits;
  for (let at = text.indexOf(name); at >= 0;) {
    const end = at + name.length;
    if (LETTER_OR_DIGIT_BEFORE.test(text.slice(Math.max(0, at - 2), at)) || LETTER_OR_DIGIT_AFTER.test(text.slice(end, end + 2))) {
      at = text.indexOf(name, at + 1);
    } else {
      hits.push(at);
      at = text.indexOf(name, end);
    }
  }
  return hits;
}

/**
 * The recogniser can miss a name where it stands alone, most often at the start of a sentence
 * ("Macron floated the idea", "Volodymyr Zelensky asked NATO", "The Tories dismissed the plan"). Once a name
 * is known in a document it is a mention wherever else it stands capitalised and not inside another mention:
 * a person by their surname or single name (`extendPersonNames` then adds a first name standing in front),
 * an organization or event by its whole name.
 */
export function propagateKnownNames(sentences: Sentence[], found: MentionCandidate[]): MentionCandidate[] {
  const known = new Map<string, MentionCandidate["type"]>();
  for (const m of found) {
    const tokens = nameTokens(m.name);
    if (m.type === "person" && tokens.length >= 1 && /^\p{Lu}\p{Ll}/u.test(tokens.at(-1)!)) known.set(tokens.at(-1)!, "person");
    if ((m.type === "organization" || m.type === "event") && /^\p{Lu}/u.test(m.name) && m.name.length >= 2 && !known.has(m.name)) {
      known.set(m.name, m.type);
    }
  }
  const added: MentionCandidate[] = [];
  const foundBySentence = groupBy(found, (m) => m.sentenceId);
  for (const sentence of sentences) {
    const taken = [...(foundBySentence.get(sentence.id) ?? [])];
    for (const [name, type] of known) {
      for (const start of wholeWordHits(sentence.text, name)) {
        if (taken.length >= LIMITS.mentionsPerSentence) break;
        const end = start + name.length;
        if (taken.some((t) => start < t.end && t.start < end)) continue;
        const m: MentionCandidate = { sentenceId: sentence.id, docId: sentence.docId, start, end, surface: name, name, type };
        added.push(m);
        taken.push(m);
      }
    }
  }
  return added;
}

/**
 * The recogniser can read two names joined by "and" as one: "She praised Celtic and Rangers", "Nortel Networks
 * and Motorola". When either part is named on its own elsewhere in the document, the joined name is two mentions,
 * each typed as the part is elsewhere. Names that are one thing ("Brown and Williamson", "Trinidad and Tobago",
 * "Department of Trade and Industry") keep together: their parts are not named alone. "&" always joins one name.
 */
export function splitConjoinedNames(found: MentionCandidate[]): MentionCandidate[] {
  const alone = new Map<string, MentionCandidate["type"]>();
  for (const m of found) if (!m.name.includes(" and ")) alone.set(m.name, m.type);
  return found.flatMap((m) => {
    const parts = /^(.+?) and (.+)$/.exec(m.name);
    if (!parts || m.surface !== m.name || m.type === "country") return [m];
    const left = parts[1]!;
    const right = parts[2]!;
    if (!alone.has(left) && !alone.has(right)) return [m];
    const { role: _role, affiliation: _affiliation, ...base } = m;
    return [
      { ...m, end: m.start + left.length, surface: left, name: left, type: alone.get(left) ?? m.type },
      { ...base, start: m.end - right.length, surface: right, name: right, type: alone.get(right) ?? m.type },
    ];
  });
}

/**
 * "Volodymyr Zelensky asked NATO": when only "Zelensky" was found, an unknown capitalised word right in front
 * (not a common word, title, country or demonym) is the first name, and joins the mention.
 */
export function extendPersonNames(sentences: Sentence[], candidates: MentionCandidate[]): MentionCandidate[] {
  const byId = new Map(sentences.map((s) => [s.id, s]));
  const idx = countryIndex();
  const bySentence = groupBy(candidates, (m) => m.sentenceId);
  return candidates.map((m) => {
    if (m.type !== "person" || nameTokens(m.name).length !== 1) return m;
    const text = byId.get(m.sentenceId)!.text;
    const before = /(\p{Lu}\p{Ll}+)\s+$/u.exec(text.slice(0, m.start));
    const word = before?.[1];
    const notAName = !word || isCommonWord(word) || titleWordOf(word) !== undefined || CALENDAR_WORDS.has(word.toLowerCase());
    if (!before || notAName || idx.demonyms.has(word) || idx.names.has(word)) return m;
    const start = before.index;
    if (bySentence.get(m.sentenceId)!.some((o) => o !== m && o.start < m.start && o.end > start)) return m;
    return { ...m, start, surface: text.slice(start, m.end), name: `${word} ${m.name}` };
  });
}

/**
 * A line in Title Case: no word of four letters or more is lower-case ("Kyiv Contemplates Requesting Western
 * Troops"). A headline or caption with lower-case words ("a news conference at a European Council leaders summit")
 * shows its names apart from its other words, as a body sentence does.
 */
export function isTitleCase(text: string): boolean {
  return !(text.match(/\p{L}[\p{L}'’-]*/gu) ?? []).some((w) => w.length >= 4 && /^\p{Ll}/u.test(w));
}

/**
 * In a headline or section title every capitalised word looks like a name ("Kyiv Contemplates Requesting
 * Western Troops"), so a name found there is kept only if the body of the document names it too, or if
 * it is a country.
 */
export function confirmHeadlineMentions(candidates: MentionCandidate[], headlines: Set<string>): MentionCandidate[] {
  const bodyNames = new Set<string>();
  for (const m of candidates) {
    if (headlines.has(m.sentenceId)) continue;
    bodyNames.add(m.name.toLowerCase());
    if (m.type === "person") for (const t of nameTokens(m.name)) bodyNames.add(t.toLowerCase());
  }
  // A person's surname is confirmation enough ("Zelensky's Delicate Position"); other names must be whole.
  const confirmed = (m: MentionCandidate) =>
    bodyNames.has(m.name.toLowerCase()) || (m.type === "person" && bodyNames.has(nameTokens(m.name).at(-1)?.toLowerCase() ?? ""));
  return candidates.filter((m) => !headlines.has(m.sentenceId) || m.type === "country" || confirmed(m));
}

/**
 * The recogniser sometimes types one name two ways in a document ("Zelensky has also stated" as an
 * organization, "Volodymyr Zelensky asked NATO" too). An organization named like a person of the same
 * document (the full name, or a two-word name ending in a person's single name) is that person.
 */
export function harmoniseTypes(candidates: MentionCandidate[]): MentionCandidate[] {
  const fullNames = new Set<string>();
  const singleNames = new Set<string>();
  for (const m of candidates) {
    if (m.type !== "person") continue;
    const tokens = nameTokens(m.name);
    if (tokens.length >= 2) {
      fullNames.add(m.name);
      singleNames.add(tokens.at(-1)!);
    } else if (tokens.length === 1) singleNames.add(tokens[0]!);
  }
  const isPersonName = (name: string) => {
    const tokens = nameTokens(name);
    return fullNames.has(name) || singleNames.has(name) || (tokens.length === 2 && singleNames.has(tokens[1]!));
  };
  return candidates.map((m) => (m.type === "organization" && isPersonName(m.name) ? { ...m, type: "person" } : m));
}

/** "Armed Forces of Ukraine (AFU)": the acronym in brackets names the same organization. */
export function acronymDefinitions(sentences: Sentence[], candidates: MentionCandidate[]): Map<string, string> {
  const defined = new Map<string, string>();
  const byId = new Map(sentences.map((s) => [s.id, s]));
  for (const m of candidates) {
    if (m.type !== "organization" && m.type !== "event") continue;
    const after = byId.get(m.sentenceId)!.text.slice(m.end);
    const acronym = /^\s*\((\p{Lu}[\p{Lu}\d&.]{1,9})\)/u.exec(after)?.[1];
    if (acronym && acronym !== m.name) defined.set(acronym, ownKey(m));
  }
  return defined;
}

/**
 * Gives each mention of one document its cluster: a surname or first name alone joins the one full name
 * of the document it belongs to ("Putin" -> "Vladimir Putin"); if two full names share it ("Donald" in a
 * document with Donald Trump and Donald Tusk) it stays on its own.
 */
export function clusterMentions(candidates: MentionCandidate[], acronyms = new Map<string, string>()): Mention[] {
  // The full names each single token can stand for, as a surname or as either name: one pass, not one per mention.
  const bySurname = new Map<string, Set<string>>();
  const byEitherName = new Map<string, Set<string>>();
  const add = (index: Map<string, Set<string>>, token: string, key: string) => index.set(token, (index.get(token) ?? new Set()).add(key));
  for (const f of candidates) {
    const ft = f.type === "person" ? nameTokens(f.name) : [];
    if (ft.length < 2) continue;
    add(bySurname, ft.at(-1)!, ownKey(f));
    add(byEitherName, ft.at(-1)!, ownKey(f));
    add(byEitherName, ft[0]!, ownKey(f));
  }
  return candidates.map((m) => {
    let cluster = ownKey(m);
    const definedAs = acronyms.get(m.name);
    if (definedAs) return clusteredMention(m, definedAs, definedAs.slice(0, definedAs.indexOf(":")) as Mention["type"]);
    const tokens = nameTokens(m.name);
    if (m.type === "person" && tokens.length === 1) {
      // "Prince Charles": a title goes with a surname or a regnal name, never with a commoner's first name.
      const titled = m.role !== undefined;
      const owners = (titled ? bySurname : byEitherName).get(tokens[0]!);
      if (owners?.size === 1) cluster = [...owners][0]!;
    }
    return clusteredMention(m, cluster);
  });
}
