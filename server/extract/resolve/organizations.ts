// Organizations across the corpus: acronyms and short forms join the full name, a nationality in front of a name
// is the same as "of" the country behind it.
import { type Steps, every } from "../../slices.js";
import type { Mention } from "../../types.js";
import { countryIndex, countryName } from "../lexicon/countries.js";
import { NAME_FUNCTION_WORDS } from "../lexicon/events.js";
import { SHORT_FORMS } from "../lexicon/short-forms.js";
import { isCommonWord } from "../03-recognition/index.js";
import { nameTokens, ownKey } from "../05-coreference/index.js";
import { DOMINANT_SHARE } from "./people.js";
import { keptPerMention } from "./per-mention.js";
import { type KeyGroups, type Unit, nameOf, typeOf, unitName } from "./units.js";

/** "EU", "U.N.", "NATO" -> "EU", "UN", "NATO"; undefined when the name is not an acronym. */
export function acronymOf(name: string): string | undefined {
  const letters = name.replace(/\./g, "");
  return /^\p{Lu}{2,6}$/u.test(letters) ? letters : undefined;
}

/** Initials of a multi-word name's content words: "Armed Forces of Ukraine" -> "AFU", "European Union" -> "EU". */
export function initialsOf(name: string): string | undefined {
  const words = nameTokens(name).filter((w) => !NAME_FUNCTION_WORDS.has(w.toLowerCase()));
  return words.length >= 2 ? words.map((w) => w[0]!.toUpperCase()).join("") : undefined;
}

/**
 * British and American spellings fold together: "organisation" and "organization", "defence" and "defense". Not
 * "-our"/"-or": the Labour Party and a Labor Party are two parties.
 */
export function orgSpellingKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/is(ation|e|ed|ing)\b/g, "iz$1")
    .replace(/ence\b/g, "ense");
}

/** "Ukrainian Armed Forces" -> "armed forces of ukraine": a nationality in front names the country behind. */
export function ofCountryForm(name: string): string | undefined {
  const m = /^(\p{Lu}\p{Ll}+)\s+(.+)$/u.exec(name);
  const code = m ? countryIndex().demonyms.get(m[1]!) : undefined;
  return code ? `${m![2]!} of ${countryName(code)}`.toLowerCase() : undefined;
}

const isOrg = (key: string) => typeOf(key) === "organization" || typeOf(key) === "event";

/**
 * Joins organization keys across the corpus:
 * - British and American spellings ("World Trade Organisation" / "Organization");
 * - "Ukrainian Armed Forces" and "Armed Forces of Ukraine";
 * - an acronym and the name a document defined it as ("Telephone Preference Service (TPS)"), in every document;
 * - an acronym and the organization whose initials it is, when that one holds DOMINANT_SHARE of the mentions of
 *   names with those initials ("EU" -> "European Union", not "Electoral Union");
 * - a well-known short form and its full name, when the corpus has it (lexicon/short-forms.ts).
 * Never on a shared word: European Union is not European Council.
 */
export function* joinOrganizationsInSteps(units: Unit[], groups: KeyGroups, sentenceText?: (id: string) => string): Steps<void> {
  const mentionsOf = new Map<string, number>();
  const writtenAs = new Map<string, string>();
  for (const u of units) {
    if (!isOrg(u.key)) continue;
    mentionsOf.set(u.key, (mentionsOf.get(u.key) ?? 0) + u.mentions.length);
    if (!writtenAs.has(u.key)) writtenAs.set(u.key, unitName(u));
  }
  const written = (key: string) => writtenAs.get(key)!;
  // "World Trade Organisation" / "World Trade Organization": British and American spellings are one name
  const spelled = new Map<string, string>();
  for (const key of mentionsOf.keys()) {
    const k = `${typeOf(key)}:${orgSpellingKey(nameOf(key))}`;
    const seen = spelled.get(k);
    if (seen) groups.join(seen, key);
    else spelled.set(k, key);
  }
  for (const key of mentionsOf.keys()) {
    const form = typeOf(key) === "organization" ? ofCountryForm(written(key)) : undefined;
    if (form && mentionsOf.has(`organization:${form}`)) groups.join(key, `organization:${form}`);
  }
  // acronyms defined in some document: the mention's own key differs from its cluster
  const defined = new Map<string, Map<string, number>>();
  yield;
  for (const [i, u] of units.entries()) {
    if (every(i, 2048)) yield;
    for (const m of u.mentions) {
      // "Electronic Arts (EA)" where the recogniser typed the two apart, so the document did not link them
      const written = sentenceText && keptAcronym(m, sentenceText(m.sentenceId));
      const acronym = written || acronymOf(m.name);
      if (!acronym || (!written && ownKey(m) === u.cluster)) continue;
      const counts = defined.get(acronym) ?? new Map<string, number>();
      counts.set(u.key, (counts.get(u.key) ?? 0) + 1);
      defined.set(acronym, counts);
    }
  }
  const byInitials = new Map<string, Map<string, number>>();
  for (const [key, n] of mentionsOf) {
    const initials = initialsOf(nameOf(key));
    if (!initials) continue;
    const counts = byInitials.get(initials) ?? new Map<string, number>();
    counts.set(key, n);
    byInitials.set(initials, counts);
  }
  for (const key of mentionsOf.keys()) {
    if (typeOf(key) !== "organization") continue;
    const acronym = acronymOf(written(key));
    const short = SHORT_FORMS[written(key)];
    const target =
      (short && mentionsOf.has(`organization:${short.toLowerCase()}`) ? `organization:${short.toLowerCase()}` : undefined) ??
      (acronym ? (dominant(defined.get(acronym)) ?? dominant(byInitials.get(acronym))) : undefined);
    if (target && target !== key) groups.join(key, target);
  }
}

const ACRONYM_AFTER = /^\s+\((\p{Lu}{2,6})\)/u;

/** "Electronic Arts (EA)" -> "EA": the acronym written in brackets after a name, when it is the name's initials. */
export function definedAcronym(m: Mention, sentence: string): string | undefined {
  const acronym = ACRONYM_AFTER.exec(sentence.slice(m.end, m.end + 12))?.[1];
  return acronym && acronym === initialsOf(m.name) ? acronym : undefined;
}

const keptAcronym = keptPerMention(definedAcronym);

/** The key holding DOMINANT_SHARE of the counts, if one does. */
function dominant(counts: Map<string, number> | undefined): string | undefined {
  if (!counts || counts.size === 0) return undefined;
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const [key, n] = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]!;
  return n >= DOMINANT_SHARE * total ? key : undefined;
}

/**
 * "Cairn" for Cairn Energy, "Baikal" for Baikal Finance Group: a one-word name the recogniser took for a person, that
 * no person in the corpus bears as a first name or surname, that is never written with a person's cue, and that
 * starts an organization's name, is an organization. It joins the organization it starts when that one holds
 * DOMINANT_SHARE of the mentions of organizations it starts, and the corpus has no organization of that one word.
 */
export function retypeShortNames(units: Unit[], groups: KeyGroups, personCues: (u: Unit) => number): void {
  const personWords = new Set<string>();
  const cued = new Set<string>();
  const orgWords = new Set<string>();
  const starting = new Map<string, Map<string, number>>();
  for (const u of units) {
    const name = nameOf(u.key);
    const tokens = name.split(" ");
    if (typeOf(u.key) === "person" && tokens.length >= 2) for (const t of tokens) personWords.add(t);
    if (typeOf(u.key) === "person" && personCues(u) > 0) cued.add(name);
    if (typeOf(u.key) !== "organization") continue;
    if (tokens.length === 1) orgWords.add(name);
    else if (!NAME_FUNCTION_WORDS.has(tokens[0]!)) {
      const counts = starting.get(tokens[0]!) ?? new Map<string, number>();
      counts.set(u.key, (counts.get(u.key) ?? 0) + u.mentions.length);
      starting.set(tokens[0]!, counts);
    }
  }
  for (const u of units) {
    const name = nameOf(u.key);
    if (typeOf(u.key) !== "person" || name.includes(" ") || personWords.has(name) || cued.has(name) || !starting.has(name)) continue;
    u.key = `organization:${name}`;
    const owner = orgWords.has(name) ? undefined : dominant(starting.get(name));
    if (owner) groups.join(u.key, owner);
  }
}

/** What joinHeadWords decided: the group each unit joins, and the units no document can decide (no node). */
export interface HeadWordJoins {
  joined: Map<Unit, string>;
  undecided: Set<Unit>;
}

/**
 * "the House" for the House of Commons, "the Commission" for the Commission for Racial Equality: a one-word
 * organization whose name is a common word (one the recogniser's training text writes lower-case) and starts the names
 * of organizations the corpus names more often than it is named itself is a short form of one of them (not
 * "Microsoft", far more common than "Microsoft Research"). In a document it joins the one of them the document
 * names (also by another of its names: "the Commons"); in a document naming several, the one named in its sentence
 * or the sentence before ("Speaker of the Lords ... look after that House"); in a document naming none, the one
 * holding DOMINANT_SHARE of their mentions, if some document names it beside the short form. A short form of several
 * that none of these decides is undecided: a node of its own would mix them (the House of Commons in one article,
 * the House of Lords in the next). A short form of one name no document writes it beside stays apart, marked
 * ambiguous when `ambiguous` is given ("the Cabinet" is not the Cabinet Office).
 */
export function joinHeadWords(units: Unit[], groups: KeyGroups, ambiguous?: Set<Unit>): HeadWordJoins {
  const own = new Map<string, number>(); // one-word organization -> its mentions
  const starting = new Map<string, Map<string, number>>(); // first word -> group -> mentions
  const docGroups = new Map<string, Map<string, Set<number>>>(); // document -> group -> sentences naming it
  for (const u of units) {
    const named = docGroups.get(u.docId) ?? new Map<string, Set<number>>();
    docGroups.set(u.docId, named);
    const sentences = named.get(groups.find(u.key)) ?? new Set<number>();
    named.set(groups.find(u.key), sentences);
    for (const m of u.mentions) sentences.add(sentenceNumber(m.sentenceId));
    if (typeOf(u.key) !== "organization") continue;
    const tokens = nameOf(u.key).split(" ");
    if (tokens.length === 1) own.set(tokens[0]!, (own.get(tokens[0]!) ?? 0) + u.mentions.length);
    else if (!NAME_FUNCTION_WORDS.has(tokens[0]!)) {
      const counts = starting.get(tokens[0]!) ?? new Map<string, number>();
      const g = groups.find(u.key);
      counts.set(g, (counts.get(g) ?? 0) + u.mentions.length);
      starting.set(tokens[0]!, counts);
    }
  }
  const joined = new Map<Unit, string>();
  const undecided = new Set<Unit>();
  const unsure: { unit: Unit; longer: Map<string, number> }[] = [];
  for (const u of units) {
    const word = nameOf(u.key);
    const longer = starting.get(word);
    // a common word ("house", "commission"), not a name of its own: "BBC" is not short for BBC Radio
    if (typeOf(u.key) !== "organization" || !longer || !isCommonWord(word)) continue;
    const longerMentions = [...longer.values()].reduce((a, b) => a + b, 0);
    if (own.get(word)! >= longerMentions || groups.find(u.key) !== u.key) continue;
    const named = docGroups.get(u.docId)!;
    const inDoc = [...longer.keys()].filter((g) => named.has(g));
    if (inDoc.length === 1) joined.set(u, inDoc[0]!);
    else if (inDoc.length === 0) unsure.push({ unit: u, longer });
    else {
      const near = nearestNamed(u, inDoc, named);
      if (near) joined.set(u, near);
      else undecided.add(u);
    }
  }
  // In a document naming none of them, only a name some document writes the short form for: no article says "the
  // Cabinet" beside "Cabinet Office", or "the Palace" beside "Palace of Westminster", so neither is their short form.
  const attested = new Set(joined.values());
  for (const { unit, longer } of unsure) {
    const target = dominant(longer);
    if (target && attested.has(target)) joined.set(unit, target);
    else if (longer.size > 1) undecided.add(unit);
    else ambiguous?.add(unit);
  }
  return { joined, undecided };
}

/** A sentence's place in its document, from its id ("doc:12" -> 12). */
const sentenceNumber = (id: string) => Number(id.slice(id.lastIndexOf(":") + 1));

/** The one of the groups named in the sentence of each of the unit's mentions or the sentence before, if one is. */
function nearestNamed(u: Unit, candidates: string[], named: Map<string, Set<number>>): string | undefined {
  const near = new Set<string>();
  for (const m of u.mentions) {
    const at = sentenceNumber(m.sentenceId);
    for (const g of candidates) if (named.get(g)!.has(at) || named.get(g)!.has(at - 1)) near.add(g);
  }
  return near.size === 1 ? [...near][0] : undefined;
}
