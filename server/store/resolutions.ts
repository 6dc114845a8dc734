// What corpus resolution made of each stored document, kept beside it so that a server starts without resolving the
// corpus again: per document, each kept mention's place, entity, name and type. With the entity and edge rows and
// the corrections' outcome, the stored documents give back the exact extraction that resolution gave
// (`extractionFromRows`). The rows are trusted only when they are complete for this resolver (`resolutionStamp`).
import { resolvedMention } from "../../common/mentions.js";
import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

import { byId, groupBy, sameItems } from "../../common/group.js";
import type { AppliedCorrections, DocExtraction, Edge, Entity, EntityType, Extraction, ResolvedMention } from "../types.js";
import type { Derived } from "./derived.js";

/** One kept mention: where it is (sentence and offsets), and what resolution made of it. */
type Resolved = [sentenceId: string, start: number, end: number, entityId: string, name: string, type: EntityType];

const place = (sentenceId: string, start: number, end: number) => `${sentenceId}\u0000${start}\u0000${end}`;

// The last encoding of each document: resolution keeps a mention's object when nothing about it changed, so a
// document whose mentions are the same objects as last time has the same JSON, and a write encodes only the others.
let lastEncoded = new Map<string, { list: ResolvedMention[]; json: string }>();

/** Each document's kept mentions, as one JSON value per document (documents with none have no row). */
export function encodeResolutions(mentions: readonly ResolvedMention[]): Map<string, string> {
  const encoded = new Map<string, { list: ResolvedMention[]; json: string }>();
  for (const [docId, list] of groupBy(mentions, (m) => m.docId)) {
    const last = lastEncoded.get(docId);
    const json =
      last && sameItems(last.list, list)
        ? last.json
        : JSON.stringify(list.map((m): Resolved => [m.sentenceId, m.start, m.end, m.entityId, m.name, m.type]));
    encoded.set(docId, { list, json });
  }
  lastEncoded = encoded;
  return new Map([...encoded].map(([docId, { json }]) => [docId, json]));
}

/**
 * The extraction resolution gave for these documents, rebuilt from the stored rows without resolving; undefined when
 * the rows do not fit the documents (a mention they name is not in its document).
 */
export function extractionFromRows(docs: readonly DocExtraction[], derived: Derived): Extraction | undefined {
  const sorted = [...docs].sort((a, b) => a.doc.id.localeCompare(b.doc.id));
  const mentions: ResolvedMention[] = [];
  for (const d of sorted) {
    const json = derived.resolutions.get(d.doc.id);
    if (json === undefined) continue;
    const kept = new Map<string, Resolved>();
    for (const r of JSON.parse(json) as Resolved[]) kept.set(place(r[0], r[1], r[2]), r);
    let found = 0;
    for (const m of d.mentions) {
      const r = kept.get(place(m.sentenceId, m.start, m.end));
      if (!r) continue;
      found++;
      mentions.push(resolvedMention(m, r[4], r[5], r[3]));
    }
    if (found !== kept.size) return undefined;
  }
  for (const m of mentions) if (!derived.entities.has(m.entityId)) return undefined;
  const entities: Entity[] = [...derived.entities.values()].map(({ mentions: _m, documents: _d, ...e }) => e).sort(byId);
  const edges: Edge[] = [...derived.edges.values()].sort(byId);
  return {
    documents: sorted.map((d) => d.doc),
    sentences: sorted.flatMap((d) => d.sentences),
    mentions,
    entities,
    edges,
    ...(derived.applied ? { corrections: JSON.parse(derived.applied) as AppliedCorrections } : {}),
  };
}

const server = fileURLToPath(new URL("..", import.meta.url));
const common = fileURLToPath(new URL("../../common", import.meta.url));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

let stamp: string | undefined;

/**
 * A fingerprint of the code resolution runs (the extractor, corrections, the shared types and this encoding): rows
 * written by another version of it are not trusted, and the corpus is resolved again and the rows rewritten.
 */
export function resolutionStamp(): string {
  if (stamp !== undefined) return stamp;
  const hash = createHash("sha1");
  const files = [...filesUnder(join(server, "extract")), ...filesUnder(join(server, "corrections")), ...filesUnder(common)];
  files.push(join(server, "store", "derived.ts"), fileURLToPath(import.meta.url));
  for (const file of files) hash.update(`${relative(server, file)}\n`).update(readFileSync(file));
  stamp = hash.digest("hex").slice(0, 16);
  return stamp;
}
