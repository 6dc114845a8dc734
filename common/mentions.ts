// Mentions made in one shape. V8 gives objects built alike one hidden class; an object spread that adds a property
// (`{ ...m, entityId }`) gives each result a hidden class of its own. At corpus scale that was 51,000 classes for the
// server's resolved mentions (12 MB of property descriptors on a 130 MB heap) and megamorphic reads in every pass over
// them. These build the same properties in one order: the optional ones last, only when set, as a spread kept them.
import type { EntityType, Mention, ResolvedMention } from "./types.js";

type Optional = Pick<Mention, "role" | "affiliation">;

function withOptional<T extends Mention>(out: T, from: Optional): T {
  if (from.role !== undefined) out.role = from.role;
  if (from.affiliation !== undefined) out.affiliation = from.affiliation;
  return out;
}

/** `m` with its in-document cluster (and a type, when the cluster says another), as coreference gives it. */
export function clusteredMention(m: Omit<Mention, "cluster">, cluster: string, type: EntityType = m.type): Mention {
  return withOptional(
    { sentenceId: m.sentenceId, docId: m.docId, start: m.start, end: m.end, surface: m.surface, name: m.name, type, cluster },
    m,
  );
}

/** `m` resolved to an entity, under the name and type resolution gave it. */
export function resolvedMention(m: Mention, name: string, type: EntityType, entityId: string): ResolvedMention {
  return withOptional(
    {
      sentenceId: m.sentenceId,
      docId: m.docId,
      start: m.start,
      end: m.end,
      surface: m.surface,
      name,
      type,
      cluster: m.cluster,
      entityId,
    },
    m,
  );
}
