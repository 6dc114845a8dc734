// A posted correction, checked twice: its shape (400, naming the field), then against the corpus as corrected so far
// (404 for an entity that is not there, 409 for a merge cycle or entities kept apart, 400 for an alias it lacks).
// Only a correction that passes both is stored, so a bad one changes nothing.
import {
  type CorrectionRequest,
  type CorrectionsImport,
  correctionRequestSchema,
  correctionsImportSchema,
} from "../../common/api/corrections.js";
import { issuePath, parseWith } from "../../common/api/parse.js";
import type { CorrectionChange, EntityRef, Extraction } from "../types.js";
import { clusterKeys } from "./apply.js";

export class CorrectionError extends Error {
  override name = "CorrectionError";
  constructor(
    readonly status: number,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

const bad = (field: string, message: string) => new CorrectionError(400, `${field}: ${message}`, { field });

/** The shape of a posted correction (common/api/corrections.ts); entity ids are checked against the corpus afterwards. */
export function parseCorrectionRequest(body: unknown): CorrectionRequest {
  const read = parseWith(correctionRequestSchema, body);
  if (read.ok) return read.value;
  const { field, message } = read.problem;
  throw field ? bad(field, message) : new CorrectionError(400, message);
}

/**
 * Another store's corrections.json (common/api/corrections.ts), refused whole at its first problem: the path in the
 * file ("corrections[2].from: ..."), with the field for an entity reference; a file that is none says so.
 */
export function parseCorrectionsFile(body: unknown): CorrectionsImport {
  const read = correctionsImportSchema.safeParse(body);
  if (read.success) return read.data;
  const issue = read.error.issues[0]!;
  if (issue.path.length <= 1) throw new CorrectionError(400, issue.message);
  const where = issuePath(issue.path);
  const ref = issue.code === "custom" && issue.params?.ref === true;
  throw new CorrectionError(400, `${where}: ${issue.message}`, ref ? { field: where } : {});
}

const keysByExtraction = new WeakMap<Extraction, Map<string, string[]>>();

/** Checks a request against the corpus as corrected so far and names its entities the stable way (id + keys). */
export function toChange(req: CorrectionRequest, extraction: Extraction): CorrectionChange {
  let keys = keysByExtraction.get(extraction);
  if (!keys) keysByExtraction.set(extraction, (keys = clusterKeys(extraction.mentions)));
  const entities = new Map(extraction.entities.map((e) => [e.id, e]));
  const gone = extraction.corrections?.gone ?? {};
  const entity = (field: string, id: string) => {
    const e = entities.get(id);
    if (e) return e;
    const g = gone[id];
    if (g?.to) {
      const verb = g.action === "retype" ? "is now" : "was merged into";
      throw new CorrectionError(404, `${field}: ${id} ${verb} ${g.to} (correction #${g.correction})`, { field, mergedInto: g.to });
    }
    if (g) throw new CorrectionError(404, `${field}: ${id} is hidden (correction #${g.correction}); undo that first`, { field });
    throw new CorrectionError(404, `${field}: unknown entity ${id}`, { field });
  };
  const ref = (id: string): EntityRef => ({ id, keys: keys.get(id) ?? [] });

  switch (req.action) {
    case "merge": {
      if (req.from === req.into) throw bad("into", "cannot merge an entity into itself");
      const chain = mergeChain(req.into, gone);
      if (chain.includes(req.from)) {
        const g = gone[req.into]!;
        throw new CorrectionError(
          409,
          `into: ${req.into} was merged into ${req.from} (correction #${g.correction}): that would be a cycle`,
          {
            field: "into",
          },
        );
      }
      entity("from", req.from);
      entity("into", req.into);
      const apart = keptApart(req.from, req.into, extraction);
      if (apart !== undefined) {
        throw new CorrectionError(409, `${req.from} and ${req.into} are kept apart (correction #${apart}); undo that first`, {
          field: "into",
        });
      }
      return { action: "merge", from: ref(req.from), into: ref(req.into) };
    }
    case "split": {
      const e = entity("entity", req.entity);
      for (const alias of req.aliases) {
        if (!e.aliases.includes(alias)) throw bad("aliases", `${e.id} has no alias "${alias}" (its aliases: ${e.aliases.join(", ")})`);
      }
      const own = extraction.mentions.filter((m) => m.entityId === e.id);
      for (const doc of req.documents) {
        if (!own.some((m) => m.docId === doc)) throw bad("documents", `${e.id} is not mentioned in document ${doc}`);
      }
      const aliases = new Set(req.aliases);
      const picked = own.filter(
        (m) =>
          (aliases.size === 0 || aliases.has(m.name) || aliases.has(m.surface)) &&
          (req.documents.length === 0 || req.documents.includes(m.docId)),
      );
      if (picked.length === 0) throw bad("aliases", `no mention of ${e.id} has those aliases in those documents`);
      if (req.into === e.id) throw bad("into", "cannot split an entity into itself");
      if (!req.into && picked.length === own.length)
        throw bad("aliases", "that is every mention of the entity: rename or retype it instead");
      const into = req.into === undefined ? {} : { into: ref(entity("into", req.into).id) };
      return { action: "split", entity: ref(e.id), aliases: req.aliases, documents: req.documents, ...into };
    }
    case "rename": {
      const e = entity("entity", req.entity);
      if (e.label === req.label) throw bad("label", `${e.id} is already called "${req.label}"`);
      return { action: "rename", entity: ref(e.id), label: req.label };
    }
    case "retype": {
      const e = entity("entity", req.entity);
      if (e.type === req.type) throw bad("type", `${e.id} is already a ${req.type}`);
      return { action: "retype", entity: ref(e.id), type: req.type };
    }
    case "hide":
      return { action: "hide", entity: ref(entity("entity", req.entity).id) };
    case "keep-apart": {
      const [a, b] = req.entities;
      entity("entities", a);
      entity("entities", b);
      return { action: "keep-apart", entities: [ref(a), ref(b)] };
    }
  }
}

/** Where an id's mentions went through merges and retypes, in order: ["person:blair", "person:tony-blair"]. */
function mergeChain(id: string, gone: Record<string, { to?: string }>): string[] {
  const chain = [id];
  for (let at = gone[id]?.to; at && !chain.includes(at); at = gone[at]?.to) chain.push(at);
  return chain;
}

/** The id of a keep-apart correction in force between the two entities, if any. */
function keptApart(a: string, b: string, extraction: Extraction): number | undefined {
  return extraction.corrections?.log.find(
    (o) => o.action === "keep-apart" && o.status === "applied" && o.entities.includes(a) && o.entities.includes(b),
  )?.id;
}
