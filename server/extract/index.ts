// The extraction pipeline, stages numbered in the order they run. Per document, pure and stored:
//   01 documents -> 02 sentences -> 03 recognition -> 04 mentions -> 05 coreference -> 06 stances.
// Over the corpus, on every change: 07 role book -> (stances naming a role read again) -> 08 entities -> 09 edges.
// Stances that name a role without its holder ("the prime minister") are read again when the corpus is built, with
// the role book learned from all its documents (07-role-book.ts): extraction of one document stays a function of it.
import { byId } from "../../common/group.js";
import { applyCorrections, withoutHidden } from "../corrections/apply.js";
import type { Correction, DocExtraction, DocumentInput, Extraction, ResolvedMention } from "../types.js";
import { makeDocument } from "./01-documents.js";
import { isHeadline, splitSentences } from "./02-sentences.js";
import { findMentions } from "./04-mentions.js";
import {
  acronymDefinitions,
  clusterMentions,
  confirmHeadlineMentions,
  extendPersonNames,
  propagateKnownNames,
  harmoniseTypes,
  isTitleCase,
  splitConjoinedNames,
} from "./05-coreference/index.js";
import { resolveInSteps } from "./08-entities.js";
import { type Steps, every, runSteps } from "../slices.js";
import { LIMITS, boundSentences, capMentionsPerSentence } from "./limits.js";
import { recognizeDocument } from "./03-recognition/index.js";
import { coMentionsInSteps, stanceEdges } from "./09-edges.js";
import { ROLE_BOOK_MIN, findStances, roleKeysIn } from "./06-stances/index.js";
import { type RoleBook, personNames, roleBookInSteps } from "./07-role-book.js";

const byPosition = (a: { sentenceId: string; start: number }, b: { sentenceId: string; start: number }) =>
  a.sentenceId === b.sentenceId ? a.start - b.start : 0;

export interface ExtractOptions {
  /** Skip the stance stage (benchmarks measure what it costs). */
  stances?: boolean;
}

/** Everything that can be extracted from one document on its own. Pure: the same input gives the same output. */
export function extractDocument(input: DocumentInput, options: ExtractOptions = {}): DocExtraction {
  return extractBounded(input, options).extraction;
}

/** An extraction, and what the limits (limits.ts) cut from a document bigger than news is: empty for news. */
export interface BoundedExtraction {
  extraction: DocExtraction;
  cuts: string[];
}

/** `extractDocument`, saying what was cut: sentences over the length limit are read in pieces, names over the cap not read. */
export function extractBounded(input: DocumentInput, options: ExtractOptions = {}): BoundedExtraction {
  const doc = makeDocument(input);
  const { sentences, cut, unread } = boundSentences(splitSentences(doc));
  const recognized = recognizeDocument(sentences.map((s) => s.text));
  const headlines = new Set(sentences.filter((s) => isHeadline(s.text) && isTitleCase(s.text)).map((s) => s.id));
  const { mentions: found, dropped } = capMentionsPerSentence(
    splitConjoinedNames(
      confirmHeadlineMentions(
        sentences.flatMap((s, i) => findMentions(s, recognized[i]!)),
        headlines,
      ),
    ),
  );
  const candidates = harmoniseTypes(extendPersonNames(sentences, [...found, ...propagateKnownNames(sentences, found)]));
  const order = new Map(sentences.map((s) => [s.id, s.index]));
  candidates.sort((a, b) => order.get(a.sentenceId)! - order.get(b.sentenceId)! || byPosition(a, b));
  const mentions = clusterMentions(candidates, acronymDefinitions(sentences, candidates));
  const cuts: string[] = [];
  if (cut > 0) cuts.push(`${cut} sentence(s) longer than ${LIMITS.sentenceChars} characters read in pieces`);
  if (unread > 0) cuts.push(`${unread} sentence(s) beyond ${LIMITS.sentencesPerDocument} not read`);
  if (dropped > 0) cuts.push(`${dropped} name(s) beyond ${LIMITS.mentionsPerSentence} in one sentence not read`);
  const stances = options.stances === false ? [] : findStances(sentences, mentions);
  return { extraction: { doc, sentences, mentions, stances }, cuts };
}

const roleLookups = new WeakMap<DocExtraction, { keys: string[]; names: string[] }>();
const withRoles = new WeakMap<DocExtraction, { answers: string; result: DocExtraction }>();

/**
 * The extraction with its stances read again against the role book, when the book knows one of its people in a
 * role the document names ("the prime minister"); else the extraction as it is. Cached per extraction and answer.
 */
function withRoleBook(doc: DocExtraction, roles: RoleBook): DocExtraction {
  let lookups = roleLookups.get(doc);
  if (!lookups) {
    const names = [...new Set(doc.mentions.filter((m) => m.type === "person").flatMap((m) => personNames(m.name)))];
    lookups = { keys: roleKeysIn(doc.sentences), names };
    roleLookups.set(doc, lookups);
  }
  const { keys, names } = lookups;
  const counts = keys.map((key) => names.map((name) => roles.get(key)?.get(name) ?? 0));
  if (counts.every((row) => row.every((n) => n < ROLE_BOOK_MIN))) return doc;
  const answers = JSON.stringify(counts);
  const cached = withRoles.get(doc);
  if (cached?.answers === answers) return cached.result;
  const result = { ...doc, stances: findStances(doc.sentences, doc.mentions, roles) };
  withRoles.set(doc, { answers, result });
  return result;
}

export interface BuildOptions {
  /** The role book to read unnamed roles with; by default the one the documents themselves give (`roleBookOf`). */
  roles?: RoleBook;
  /** The analysts' corrections, applied after resolution (server/corrections/apply.ts). */
  corrections?: Correction[];
}

/**
 * Resolves entities across all documents and links them. Cheap next to extraction, so it runs on every change.
 * A document that names a role without its holder ("Mr Fox accused the prime minister") has its stances read again
 * with the corpus's role book (`withRoleBook`): they depend on the set of documents, not on the order they came in.
 */
export function buildExtraction(docs: DocExtraction[], options: BuildOptions = {}): Extraction {
  return runSteps(buildInSteps(docs, options));
}

/** `buildExtraction` in steps: the server runs them in slices, answering requests in between. */
export function* buildInSteps(docs: DocExtraction[], options: BuildOptions = {}): Steps<Extraction> {
  const roles = options.roles ?? (yield* roleBookInSteps(docs));
  yield;
  const read: DocExtraction[] = [];
  for (const [i, d] of onceEach(docs).entries()) {
    if (every(i, 64)) yield;
    read.push(withRoleBook(d, roles));
  }
  const sorted = read.sort((a, b) => a.doc.id.localeCompare(b.doc.id));
  const resolved = yield* resolveInSteps(sorted);
  const { entities, mentions: all, applied } = applyCorrections(resolved, options.corrections ?? []);
  yield;
  const byDoc = realigned(resolved.byDoc, all);
  const coMentions = yield* coMentionsInSteps(all);
  yield;
  const edges = [...coMentions, ...stanceEdges(sorted, byDoc)];
  yield;
  const shown = applied ? withoutHidden(entities, all, edges) : { mentions: all, edges };
  return {
    documents: sorted.map((d) => d.doc),
    sentences: sorted.flatMap((d) => d.sentences),
    mentions: shown.mentions,
    // By id: the graph built from the store's rows (store/resolutions.ts) then has its nodes in the same order.
    entities: [...entities].sort(byId),
    edges: [...shown.edges].sort(byId),
    ...(applied ? { corrections: applied } : {}),
  };
}

/**
 * Each document once: an id is its text's hash, so a document given twice (an article saved twice in a folder) is
 * one article, as the store keeps it. Resolution keeps one list of mentions per id, so a second copy would put the
 * mentions of every later document out of step with their stances.
 */
function onceEach(docs: readonly DocExtraction[]): DocExtraction[] {
  const seen = new Set<string>();
  return docs.filter((d) => !seen.has(d.doc.id) && seen.add(d.doc.id));
}

/**
 * Each document's mentions by index again, from the corrected list: corrections keep every mention in its place, so
 * the n-th resolved slot of the corpus (junk slots stay empty) is the n-th corrected mention.
 */
function realigned(byDoc: Map<string, (ResolvedMention | undefined)[]>, corrected: ResolvedMention[]) {
  let next = 0;
  const out = new Map<string, (ResolvedMention | undefined)[]>();
  for (const [docId, list] of byDoc)
    out.set(
      docId,
      list.map((m) => (m ? corrected[next++] : undefined)),
    );
  return out;
}
