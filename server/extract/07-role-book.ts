// Stage 7, over the corpus: the role book. Takes every document's extraction and gives who the corpus titles how, so
// the stances of a document that names a role without its holder are read again (index.ts, `withRoleBook`).
// Who holds which role, learned from the titles written in front of names across a corpus: "Prime Minister Tony
// Blair", "Chancellor Gordon Brown", "Tory leader Michael Howard". News often names a role without the name ("Mr Fox
// accused the prime minister of hiding"); the stance stage reads such a role as the person of the same document
// whom the corpus most often gives that title (05-coreference/discourse.ts, `resolveRole`). Learned from the documents, never
// listed by hand: roles change hands, and the corpus is the user's.
import type { DocExtraction } from "../types.js";
import { readPrefix } from "./read-prefix.js";
import { countryIndex } from "./lexicon/countries.js";
import { HONORIFICS } from "./lexicon/titles.js";
import { type Steps, every, runSteps } from "../slices.js";

/** Role ("prime minister", "tory leader") -> person name, full ("tony blair") and surname ("blair") -> times seen. */
export type RoleBook = ReadonlyMap<string, ReadonlyMap<string, number>>;

/** A title that is not the role now: "former prime minister", "ex-chancellor", "the late president". */
const NOT_NOW = /^(?:former|ex|ex-.*|late|then|acting|outgoing|incoming|would-be|future)$/;

/**
 * The role a title names, as a key: lower case, without honorifics and the country in front ("UK Prime Minister"
 * is "prime minister"); undefined for a past or provisional role, or no role at all.
 */
export function roleKey(title: string): string | undefined {
  const idx = countryIndex();
  const words = title
    .replace(/['’]s\b/g, "")
    .split(/\s+/)
    .filter((w) => w !== "");
  if (words.some((w) => NOT_NOW.test(w.toLowerCase()))) return undefined;
  const kept = words.filter((w) => !HONORIFICS.has(w.toLowerCase()) && !idx.demonyms.has(w) && !idx.names.has(w));
  const key = kept.join(" ").toLowerCase();
  return /\p{L}/u.test(key) ? key : undefined;
}

/** The names a person is counted under: the full name and, when it has several words, the surname. */
export function personNames(name: string): string[] {
  const full = name.toLowerCase();
  const surname = full.split(/\s+/).at(-1)!;
  return surname === full ? [full] : [full, surname];
}

const perDocument = new WeakMap<DocExtraction, [string, string][]>();

/** The (role, name) pairs one document gives, each titled person mention once. Cached per extraction. */
function rolesIn(doc: DocExtraction): [string, string][] {
  const cached = perDocument.get(doc);
  if (cached) return cached;
  const text = new Map(doc.sentences.map((s) => [s.id, s.text]));
  const pairs: [string, string][] = [];
  for (const m of doc.mentions) {
    if (m.type !== "person") continue;
    const sentence = text.get(m.sentenceId)!;
    const key = roleKey(sentence.slice(readPrefix(sentence, m.start).start, m.start));
    if (key) for (const name of personNames(m.name)) pairs.push([key, name]);
  }
  perDocument.set(doc, pairs);
  return pairs;
}

/** Counts every role given to every person over the documents. */
export function roleBookOf(docs: readonly DocExtraction[]): RoleBook {
  return runSteps(roleBookInSteps(docs));
}

/**
 * `roleBookOf` in steps of 16 documents: on a corpus read back from the store, no document's roles are cached yet,
 * and reading the titles of 4,000 documents in one piece held the server's event loop for 2 s.
 */
export function* roleBookInSteps(docs: readonly DocExtraction[]): Steps<RoleBook> {
  const book = new Map<string, Map<string, number>>();
  for (const [i, doc] of docs.entries()) {
    if (every(i, 16)) yield;
    for (const [role, name] of rolesIn(doc)) {
      const names = book.get(role) ?? new Map<string, number>();
      names.set(name, (names.get(name) ?? 0) + 1);
      book.set(role, names);
    }
  }
  return book;
}
