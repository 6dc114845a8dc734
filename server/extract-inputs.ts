// Posted text to documents ready to store: the one place it is extracted, in the worker pool when there is one,
// each text refused on its own when it is over the limits or its extraction runs out of time or memory.
import { extractBounded } from "./extract/index.js";
import { checkTextLimits } from "./extract/limits.js";
import { RejectedInput } from "./ingest/errors.js";
import type { ExtractionPool } from "./extract/pool/index.js";
import type { StoredDocument } from "./store/store.js";
import type { DocumentInput } from "./types.js";

/** A document ready to store, with what the extraction limits cut from it; or why it cannot be stored. */
export type ExtractedInput = { stored: StoredDocument; cuts: string[] } | { input: DocumentInput; refused: RejectedInput };

/**
 * The one place posted text is extracted: in the worker pool when there is one (the server's event loop
 * stays free during a big upload), else on this thread. Extraction is pure, so both give the same result.
 * A text over the limits (extract/limits.ts), or whose extraction ran out of time or memory, is refused on its own.
 */
export async function extractEach(inputs: DocumentInput[], pool?: ExtractionPool): Promise<ExtractedInput[]> {
  const refusals = inputs.map((input) => {
    try {
      checkTextLimits(input.text);
      return undefined;
    } catch (err) {
      if (err instanceof RejectedInput) return err;
      throw err;
    }
  });
  const accepted = inputs.filter((_, i) => !refusals[i]);
  const outcomes = pool ? await pool.extractEach(accepted) : accepted.map((input) => extractBounded(input));
  let next = 0;
  return inputs.map((input, i) => {
    const refused = refusals[i];
    if (refused) return { input, refused };
    const outcome = outcomes[next++]!;
    return "refused" in outcome
      ? { input, refused: outcome.refused }
      : { stored: { input, extraction: outcome.extraction }, cuts: outcome.cuts };
  });
}

/** Every input extracted, or the first refusal thrown: for callers that give only well-formed text (the seeds, tests). */
export async function extractInputs(inputs: DocumentInput[], pool?: ExtractionPool): Promise<StoredDocument[]> {
  return (await extractEach(inputs, pool)).map((e) => {
    if ("refused" in e) throw e.refused;
    return e.stored;
  });
}
