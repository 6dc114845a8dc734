// People across the corpus: words glued to the front of a name, spelling variants, and lone surnames.
import { memoize } from "../../../common/memo.js";
import { type Steps, every } from "../../slices.js";
import { nameTokens } from "../05-coreference/index.js";
import { countryIndex } from "../lexicon/countries.js";
import { NICKNAMES } from "../lexicon/nicknames.js";
import { type CaseCounts, mostlyLowerCase } from "./corpus-stats.js";
import { type KeyGroups, type Unit, nameOf, typeOf, unitName } from "./units.js";

/** A surname joins a full name only when that name holds at least this share of the corpus's uses of the surname. */
export const DOMINANT_SHARE = 0.75;

const fold = (t: string) =>
  t
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "")
    .replace(/(.)\1+/g, "$1")
    .replace(/(?:iy|ij|yi)$/, "y");

/**
 * Spelling key of a person's name: transliterations (Zelenskyy / Zelensky / Zelenskiy), a hyphen or a space
 * (Kilroy-Silk / Kilroy Silk), a middle initial (George W Bush / George Bush) and a given name's short form (Jim /
 * James Callaghan, lexicon/nicknames.ts) make no difference.
 */
export const personSpellingKey = memoize((name: string): string => {
  const tokens = nameTokens(name);
  const kept = tokens.filter((t, i) => i === 0 || i === tokens.length - 1 || t.replace(/\.$/, "").length > 1);
  const given = kept.length >= 2 ? NICKNAMES[kept[0]!.toLowerCase()] : undefined;
  return (given ? [given, ...kept.slice(1)] : kept).map(fold).join("");
});

/** Where a name is written only because a sentence or a hyphenated word starts there ("Euro-Sceptic Kilroy"). */
const OPENS = /(?:^[\s"“‘'(\-—–]*|-)$/u;
/** Where a clause starts after a comma, colon or semicolon ("Vote Blair, Get Brown"). */
const OPENS_CLAUSE = /[,;:]\s*$/u;

/**
 * "Get Brown", "Whatever Kilroy-Silk", "Blairite Alan Milburn": a first word that is not part of the name. It goes
 * when nobody else in the corpus has it as a first name, and either the corpus mostly writes it lower-case and it
 * is capitalised here only because a sentence starts with it (or a clause, after a comma, when the rest is a person
 * the corpus knows), or the rest is a full name the corpus knows, or it is a nationality ("American Serena
 * Williams").
 */
export function* stripLeadingWords(units: Unit[], counts: CaseCounts, sentenceText: (id: string) => string): Steps<void> {
  const people = units.filter((u) => typeOf(u.key) === "person");
  const restsOf = new Map<string, Set<string>>();
  const fullNames = new Set<string>();
  const surnames = new Map<string, Set<string>>(); // surname -> the first names it is written with
  let i = 0;
  for (const u of people) {
    if (every(i++, 512)) yield;
    const tokens = nameTokens(nameOf(u.key));
    if (tokens.length < 2) continue;
    fullNames.add(nameOf(u.key));
    surnames.set(tokens.at(-1)!, (surnames.get(tokens.at(-1)!) ?? new Set()).add(tokens[0]!));
    restsOf.set(tokens[0]!, (restsOf.get(tokens[0]!) ?? new Set()).add(tokens.slice(1).join(" ")));
  }
  for (const u of people) {
    if (every(i++, 256)) yield;
    const name = unitName(u);
    const tokens = nameTokens(name);
    if (tokens.length < 2) continue;
    const first = tokens[0]!;
    const nationality = countryIndex().demonyms.has(first); // "American Serena Williams": where from, not a name
    if (!nationality && (restsOf.get(first.toLowerCase())?.size ?? 0) >= 2) continue; // a first name: "Bill Clinton", "Bill Gates"
    const rest = name.slice(name.indexOf(first) + first.length).trim();
    const opens = (pattern: RegExp) =>
      u.mentions.every((m, i) => !u.names[i]!.startsWith(first) || pattern.test(sentenceText(m.sentenceId).slice(0, m.start)));
    const knownRest = tokens.length >= 3 && fullNames.has(rest.toLowerCase());
    // after a comma only when the rest is somebody the corpus knows: "Vote Blair, Get Brown", not ", Will Young said"
    // (somebody else: "Drew Barrymore" does not make "Barrymore" known)
    const others = [...(surnames.get(rest.toLowerCase()) ?? [])].filter((f) => f !== first.toLowerCase());
    const knownPerson = tokens.length === 2 && others.length > 0;
    const glued = mostlyLowerCase(counts, first) && (opens(OPENS) || (knownPerson && opens(OPENS_CLAUSE)));
    if (!(knownRest || nationality || glued)) continue;
    u.key = `person:${rest.toLowerCase()}`;
    u.names = u.names.map((n) => (n.startsWith(`${first} `) ? n.slice(first.length + 1) : n));
  }
}

/** Joins people whose names differ only in spelling (see personSpellingKey). */
export function joinSpellings(units: Unit[], groups: KeyGroups): void {
  const first = new Map<string, string>();
  for (const u of units) {
    if (typeOf(u.key) !== "person") continue;
    const k = personSpellingKey(nameOf(u.key));
    const seen = first.get(k);
    if (seen) groups.join(seen, u.key);
    else first.set(k, u.key);
  }
}

interface Candidate {
  group: string;
  mentions: number;
  /** Documents of the candidate's mentions. */
  docs: Set<string>;
}

/**
 * A lone surname (or "Mr X") in a document without the full name joins the full name that holds at least
 * DOMINANT_SHARE of the corpus's full-name uses of that surname, when that name also fits the document's other
 * entities best: each holder of the surname is scored by how likely the entities named beside the lone surname are
 * in that holder's documents (naive Bayes over co-mentioned entities, with the share of uses as the prior). With no
 * dominant name, or a better fitting one seen at least twice, it stays apart, and goes into `ambiguous` when given.
 * Returns the group each lone unit joins.
 */
export function* loneNamesInSteps(units: Unit[], groups: KeyGroups, ambiguous?: Set<Unit>): Steps<Map<Unit, string>> {
  const people = units.filter((u) => typeOf(u.key) === "person");
  const isLone = new Set<string>(); // spelling groups that hold a one-word name: "Kilroy-Silk" with "Kilroy Silk"
  for (const u of people) if (nameTokens(nameOf(u.key)).length === 1) isLone.add(groups.find(u.key));
  const candidates = new Map<string, Candidate>();
  const bySurname = new Map<string, Set<string>>();
  for (const u of people) {
    const group = groups.find(u.key);
    if (isLone.has(group)) continue;
    const c = candidates.get(group) ?? { group, mentions: 0, docs: new Set() };
    c.mentions += u.mentions.length;
    c.docs.add(u.docId);
    candidates.set(group, c);
    for (const s of surnameKeys(unitName(u))) bySurname.set(s, (bySurname.get(s) ?? new Set()).add(group));
  }
  yield;
  const docKeys = new Map<string, Set<string>>();
  for (const u of units) docKeys.set(u.docId, (docKeys.get(u.docId) ?? new Set()).add(groups.find(u.key)));
  yield;
  const joined = new Map<Unit, string>();
  for (const [i, u] of people.entries()) {
    if (every(i, 1024)) yield;
    const own = groups.find(u.key);
    if (!isLone.has(own)) continue;
    const owners = [...new Set([...surnameKeys(unitName(u), true)].flatMap((s) => [...(bySurname.get(s) ?? [])]))].map((g) =>
      candidates.get(g)!,
    );
    if (owners.length === 0) continue;
    if (owners.length === 1) {
      joined.set(u, owners[0]!.group);
      continue;
    }
    const total = owners.reduce((n, c) => n + c.mentions, 0);
    const top = owners.reduce((a, b) => (b.mentions > a.mentions || (b.mentions === a.mentions && b.group < a.group) ? b : a));
    if (top.mentions < DOMINANT_SHARE * total) {
      ambiguous?.add(u);
      continue;
    }
    const context = [...docKeys.get(u.docId)!].filter((k) => k !== own && !owners.some((c) => c.group === k));
    const vocabulary = new Set(context);
    for (const c of owners) for (const k of contextOf(c, docKeys).keys()) vocabulary.add(k);
    const score = (c: Candidate) => {
      const seen = contextOf(c, docKeys);
      const n = c.docs.size;
      let logp = Math.log(c.mentions / total);
      const present = new Set(context);
      for (const k of vocabulary) {
        if (k === c.group) continue;
        const p = ((seen.get(k) ?? 0) + 0.5) / (n + 1);
        logp += Math.log(present.has(k) ? p : 1 - p);
      }
      return logp;
    };
    const topScore = score(top);
    // a rival seen once has one document for context, where every entity looks certain: it cannot veto
    if (owners.some((c) => c !== top && c.mentions >= 2 && score(c) > topScore)) {
      ambiguous?.add(u);
      continue;
    }
    joined.set(u, top.group);
  }
  return joined;
}

const contexts = new WeakMap<Candidate, Map<string, number>>();

/** In how many of a candidate's documents each other entity is named. */
function contextOf(c: Candidate, docKeys: Map<string, Set<string>>): Map<string, number> {
  let seen = contexts.get(c);
  if (!seen) {
    seen = new Map();
    for (const d of c.docs) for (const k of docKeys.get(d)!) seen.set(k, (seen.get(k) ?? 0) + 1);
    contexts.set(c, seen);
  }
  return seen;
}

/**
 * The keys a name's surname can be looked up by: the last word, the last two written together, and each part of a
 * double-barrelled surname ("Robert Kilroy-Silk" -> "kilroysilk", "kilroy", "silk"). With `lone`, the name itself.
 */
function surnameKeys(name: string, lone = false): ReadonlySet<string> {
  return lone ? loneKey(name) : surnameKeysOf(name);
}

const loneKey = memoize((name: string): ReadonlySet<string> => new Set([nameTokens(name).map(fold).join("")]));

const surnameKeysOf = memoize((name: string): ReadonlySet<string> => {
  const tokens = nameTokens(name);
  const last = tokens.at(-1)!;
  const keys = new Set([fold(last), ...last.split("-").map(fold)]);
  if (tokens.length >= 3) keys.add(fold(tokens.at(-2)!) + fold(last));
  return keys;
});

/** Mr, Mrs, Ms or Miss stand before a surname ("Mrs Parker Bowles"); Sir and Lord before a given name. */
const SURNAME_HONORIFIC = /(?:^|\s)(?:Mr|Mrs|Ms|Miss)\.?\s+$/u;

/**
 * "Mrs Parker Bowles": a two-word name written at least twice after Mr, Mrs, Ms or Miss is a double surname. It joins
 * the person whose full name ends with it, when that one holds DOMINANT_SHARE of the mentions of such full names.
 * Returns the keys joined so: their names are no label ("Camilla Parker Bowles", not "Parker Bowles").
 */
export function joinDoubleSurnames(units: Unit[], groups: KeyGroups, sentenceText: (id: string) => string): Set<string> {
  const honorific = new Map<string, number>();
  const owners = new Map<string, Map<string, number>>(); // the last two words, folded -> group -> mentions
  for (const u of units) {
    if (typeOf(u.key) !== "person") continue;
    const tokens = nameTokens(nameOf(u.key));
    if (tokens.length === 2) {
      const after = u.mentions.filter((m) => SURNAME_HONORIFIC.test(sentenceText(m.sentenceId).slice(Math.max(0, m.start - 8), m.start)));
      if (after.length > 0) honorific.set(u.key, (honorific.get(u.key) ?? 0) + after.length);
    } else if (tokens.length >= 3) {
      const tail = tokens.slice(-2).map(fold).join("");
      const counts = owners.get(tail) ?? new Map<string, number>();
      const g = groups.find(u.key);
      counts.set(g, (counts.get(g) ?? 0) + u.mentions.length);
      owners.set(tail, counts);
    }
  }
  const joined = new Set<string>();
  for (const [key, n] of honorific) {
    const counts = owners.get(nameTokens(nameOf(key)).map(fold).join(""));
    if (n < 2 || !counts) continue;
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    const [top, most] = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]!;
    if (most < DOMINANT_SHARE * total || groups.find(top) === groups.find(key)) continue;
    groups.join(key, top);
    joined.add(key);
  }
  return joined;
}
