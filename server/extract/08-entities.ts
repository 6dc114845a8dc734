// Stage 8, over the corpus: entities. Takes every document's clustered mentions and gives the Entities and each
// mention's entity (ResolvedMention).
// Resolution across the corpus: in-document clusters become entities. The rules, in the order they run, are in
// resolve/ (one file per role); this file runs them and builds the entities.
import { resolvedMention } from "../../common/mentions.js";
import { groupBy, sortedUnique } from "../../common/group.js";
import type { DocExtraction, Entity, EntityType, Mention, ResolvedMention } from "../types.js";
import { nameTokens } from "./05-coreference/index.js";
import { countryIndex, countryOfficialName, resolveCountry } from "./lexicon/countries.js";
import { PARTIES } from "./lexicon/parties.js";
import { type DocumentSetting, eventFacts, resolveEvents } from "./resolve/events.js";
import { type Candidate as JunkCandidate, junkReason } from "./resolve/junk.js";
import { corpusCaseCounts, corpusPhrases } from "./resolve/kept-counts.js";
import { acronymOf, joinHeadWords, joinOrganizationsInSteps, retypeShortNames } from "./resolve/organizations.js";
import { joinDoubleSurnames, joinSpellings, loneNamesInSteps, stripLeadingWords } from "./resolve/people.js";
import { PLACE, markPlaces } from "./resolve/places.js";
import { type TypeVote, voteInSteps } from "./resolve/type-vote.js";
import { type Steps, every, runSteps } from "../slices.js";
import { KeyGroups, type Unit, makeUnits, typeOf } from "./resolve/units.js";

export { acronymOf, initialsOf } from "./resolve/organizations.js";
export { personSpellingKey as spellingKey } from "./resolve/people.js";

/** "person:Volodymyr Zelenskyy" -> "person:volodymyr-zelenskyy": readable, stable ids for URLs. */
export function entityId(type: EntityType, label: string): string {
  const slug = label
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return `${type}:${slug || "x"}`;
}

function mostFrequent(values: string[], prefer: (a: string, b: string) => number): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || prefer(a[0], b[0]) || a[0].localeCompare(b[0]))[0]![0];
}

/**
 * The name to show: for people the most frequent full name ("Volodymyr Zelenskyy"); for countries the dataset's
 * name when the corpus writes it (or its official name) or writes no other name for two thirds of its mentions, else
 * the spelled-out name the corpus writes most ("Turkey", not "Türkiye"; the dataset's names stay aliases); for
 * others the most frequent form, but a spelled-out name over its acronym unless the acronym is far more common
 * ("Armed Forces of Ukraine" over "AFU", yet "NATO" when the full name appears once in twenty).
 */
export function chooseLabel(type: EntityType, names: string[], surfaces: string[] = []): string {
  const prefer = (a: string, b: string) => b.length - a.length;
  if (type === "person") {
    const full = names.filter((n) => nameTokens(n).length >= 2);
    return mostFrequent(full.length > 0 ? full : names, prefer);
  }
  if (type === "country") {
    const dataset = names[0]!;
    const code = resolveCountry(dataset)?.code;
    if (surfaces.some((s) => s === dataset || s === countryOfficialName(code))) return dataset;
    const spelled = surfaces.filter((s) => countryIndex().names.has(s) && !acronymOf(s) && !/\./.test(s));
    const best = spelled.length > 0 ? mostFrequent(spelled, prefer) : undefined;
    return best && 3 * spelled.filter((s) => s === best).length > 2 * surfaces.length ? best : dataset;
  }
  const spelled = names.filter((n) => !acronymOf(n));
  const acronyms = names.length - spelled.length;
  return mostFrequent(spelled.length > 0 && acronyms < 3 * spelled.length ? spelled : names, prefer);
}

/**
 * An entity's only affiliation, or those seen at least twice and a quarter as often as its most frequent one: one odd
 * sentence ("in Tanzania, Chancellor Gordon Brown") does not decide.
 */
function votedAffiliations(group: Mention[]): string[] {
  const counts = new Map<string, number>();
  for (const m of group) if (m.affiliation) counts.set(m.affiliation, (counts.get(m.affiliation) ?? 0) + 1);
  const top = Math.max(0, ...counts.values());
  return sortedUnique([...counts].filter(([, n]) => counts.size === 1 || (n >= 2 && 4 * n >= top)).map(([a]) => a));
}

const PARTY_COUNTRY = new Map(PARTIES.map((p) => [p.name, p.country]));

/** The code of the country the mentions name most, its parties counted ("" when they name none). */
function topCountry(mentions: readonly Mention[]): string {
  const counts = new Map<string, number>();
  for (const m of mentions) {
    // "Lib Dems entering the 2005 election campaign" in an article about the Iraq war: a party counts for its country
    const code = m.type === "country" ? resolveCountry(m.name)?.code : m.type === "organization" ? PARTY_COUNTRY.get(m.name) : undefined;
    if (code) counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? "";
}

// A document's top country depends on its mentions alone: read once, a write reads only its own documents'.
const keptTopCountry = new WeakMap<readonly Mention[], string>();

/** The country a document names most, and the year of its date: where and when its unnamed events happen. */
function documentSettings(docs: readonly DocExtraction[]): DocumentSetting {
  const year = new Map(docs.flatMap((d) => (d.doc.date ? [[d.doc.id, Number(d.doc.date.slice(0, 4))] as const] : [])));
  const place = new Map<string, string>();
  for (const d of docs) {
    let top = keptTopCountry.get(d.mentions);
    if (top === undefined) keptTopCountry.set(d.mentions, (top = topCountry(d.mentions)));
    if (top) place.set(d.doc.id, top);
  }
  // a document that names no country is set where the corpus's documents most often are
  const places = new Map<string, number>();
  for (const p of place.values()) places.set(p, (places.get(p) ?? 0) + 1);
  const usual = [...places].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
  return { place: (id) => place.get(id) ?? usual, year: (id) => year.get(id) };
}

export interface Resolution {
  entities: Entity[];
  /** Every mention that resolved to an entity, in document order (junk names are left out). */
  mentions: ResolvedMention[];
  /** Per document, its mentions by index (`undefined` where a mention was junk): stances point at these indexes. */
  byDoc: Map<string, (ResolvedMention | undefined)[]>;
}

// The resolved form of each mention as the last resolution gave it: a write changes few of them, and the others are
// kept (the same object), which spares building them again and lets later diffs see them unchanged at once.
const lastResolved = new WeakMap<Mention, ResolvedMention>();

function keptResolved(m: Mention, name: string, type: EntityType, entityId: string): ResolvedMention {
  const last = lastResolved.get(m);
  if (last && last.name === name && last.type === type && last.entityId === entityId) return last;
  const resolved = resolvedMention(m, name, type, entityId);
  lastResolved.set(m, resolved);
  return resolved;
}

/** Resolves every mention of the corpus to an entity. Deterministic: the same documents give the same ids. */
export function resolveEntities(docs: DocExtraction[]): Resolution {
  return runSteps(resolveInSteps(docs));
}

/** `resolveEntities` in steps, so that the server answers requests between them while it resolves a write. */
export function* resolveInSteps(docs: DocExtraction[]): Steps<Resolution> {
  const sentenceText = new Map<string, string>();
  for (const [i, d] of docs.entries()) {
    if (every(i, 128)) yield;
    for (const s of d.sentences) sentenceText.set(s.id, s.text);
  }
  const text = (id: string) => sentenceText.get(id) ?? "";
  yield;
  const counts = yield* corpusCaseCounts.ofInSteps(docs);
  yield;
  const units = makeUnits(docs);
  yield;

  yield* stripLeadingWords(units, counts, text);
  yield;
  const vote = yield* voteInSteps(units, text, counts);
  yield* markPlaces(units, vote.cues, docs);
  yield;
  const settings = documentSettings(docs);
  const eventLabels = resolveEvents(units, settings, text);
  yield;
  const groups = new KeyGroups();
  joinSpellings(units, groups);
  const surnameKeys = joinDoubleSurnames(units, groups, text);
  yield;
  retypeShortNames(units, groups, (u) => vote.cues.get(u)!.person);
  yield;
  yield* joinOrganizationsInSteps(units, groups, text);
  yield;
  const ambiguous = new Set<Unit>();
  const lone = yield* loneNamesInSteps(units, groups, ambiguous);
  const heads = joinHeadWords(units, groups, ambiguous);
  for (const [u, g] of heads.joined) lone.set(u, g);
  yield;
  const groupOf = (u: Unit) => groups.find(lone.get(u) ?? u.key);
  const named = units.filter((u) => !heads.undecided.has(u));
  const drafts = yield* draftsInSteps(named, groupOf, { eventLabels, surnameKeys, vote });
  // The phrases the junk filter will count, counted in one pass over the corpus.
  const phraseCase = yield* corpusPhrases.counterInSteps(
    docs,
    drafts.flatMap((d) => (nameTokens(d.candidate.label).length > 1 ? [d.candidate.label] : [])),
  );
  yield;
  const { entities, idOfUnit } = yield* entitiesInSteps(drafts, ambiguous, (c) => junkReason(c, counts, phraseCase) !== undefined);
  const resolved = yield* mentionsInSteps(docs, units, (u) => {
    const id = idOfUnit.get(u);
    return id === undefined ? undefined : { id, type: typeOf(groupOf(u)) };
  });
  return { entities, ...resolved };
}

/** One entity to be, before the junk filter: its group's units, mentions and names, and what the filter reads. */
interface Draft {
  key: string;
  group: Unit[];
  type: EntityType;
  names: string[];
  all: Mention[];
  candidate: JunkCandidate;
}

/** The units grouped by their final key, in key order, places left out: each group's label and junk filter input. */
function* draftsInSteps(
  units: Unit[],
  groupOf: (u: Unit) => string,
  known: { eventLabels: Map<string, string>; surnameKeys: Set<string>; vote: TypeVote },
): Steps<Draft[]> {
  const { eventLabels, surnameKeys, vote } = known;
  const members = groupBy(units, groupOf);
  const drafts: Draft[] = [];
  for (const [i, [key, group]] of [...members.entries()].sort((a, b) => a[0].localeCompare(b[0])).entries()) {
    if (every(i, 32)) yield;
    const type = typeOf(key);
    if ((type as string) === PLACE) continue;
    const names = group.flatMap((u) => u.names);
    const all = group.flatMap((u) => u.mentions);
    // a double surname joined to its full name is no label ("Parker Bowles")
    const named = group.filter((u) => !surnameKeys.has(u.key));
    const label =
      eventLabels.get(key) ??
      chooseLabel(
        type,
        named.length > 0 ? named.flatMap((u) => u.names) : names,
        all.map((m) => m.surface),
      );
    const personCues = group.reduce((n, u) => n + vote.cues.get(u)!.person, 0);
    const work = group.some((u) => vote.works.has(u.key.slice(u.key.indexOf(":") + 1)));
    drafts.push({ key, group, type, names, all, candidate: { label, type, personCues, work } });
  }
  return drafts;
}

/** The entities of the drafts that are not junk, with unique ids (a clash takes "-2"), and each unit's entity. */
function* entitiesInSteps(drafts: Draft[], ambiguous: Set<Unit>, isJunk: (c: JunkCandidate) => boolean) {
  const entities: Entity[] = [];
  const ids = new Set<string>();
  const idOfUnit = new Map<Unit, string>();
  for (const [i, { key, group, type, names, all, candidate }] of drafts.entries()) {
    if (every(i, 256)) yield;
    const { label } = candidate;
    if (isJunk(candidate)) continue;
    let id = entityId(type, label);
    while (ids.has(id)) id += "-2";
    ids.add(id);
    for (const u of group) idOfUnit.set(u, id);
    const official = type === "country" ? countryOfficialName(resolveCountry(names[0]!)?.code) : undefined;
    entities.push({
      id,
      label,
      type,
      aliases: sortedUnique([...names, ...all.map((m) => m.surface), ...(official ? [official] : [])]),
      roles: sortedUnique(all.flatMap((m) => (m.role ? [m.role] : []))),
      affiliations: votedAffiliations(all),
      ...(group.some((u) => ambiguous.has(u)) ? { ambiguous: true as const } : {}),
      ...(type === "event" ? { event: eventFacts(key) } : {}),
    });
  }
  return { entities, idOfUnit };
}

/**
 * Each document's mentions resolved, by index (junk left empty), and all of them in document order. A document's
 * units are consecutive (makeUnits), and each knows where its mentions sit in the document.
 */
function* mentionsInSteps(
  docs: readonly DocExtraction[],
  units: Unit[],
  entityOf: (u: Unit) => { id: string; type: EntityType } | undefined,
): Steps<Omit<Resolution, "entities">> {
  const byDoc = new Map<string, (ResolvedMention | undefined)[]>();
  const mentions: ResolvedMention[] = [];
  let next = 0;
  for (const [i, d] of docs.entries()) {
    if (every(i, 16)) yield;
    const list = new Array<ResolvedMention | undefined>(d.mentions.length).fill(undefined);
    for (; next < units.length && units[next]!.docId === d.doc.id; next++) {
      const unit = units[next]!;
      const entity = entityOf(unit);
      if (!entity) continue;
      unit.mentions.forEach((m, k) => (list[unit.indexes[k]!] = keptResolved(m, unit.names[k]!, entity.type, entity.id)));
    }
    byDoc.set(d.doc.id, list);
    for (const m of list) if (m) mentions.push(m);
  }
  return { mentions, byDoc };
}
