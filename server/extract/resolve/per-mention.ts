// What a rule reads from one mention and its sentence alone is the same at every resolution: kept per mention (the
// stored extraction's own object), a write reads it again only for its own documents.
import type { Mention } from "../../types.js";

/** `read`, remembered per mention and sentence text; a mention gone from the corpus takes its answer with it. */
export function keptPerMention<T>(read: (m: Mention, sentence: string) => T): (m: Mention, sentence: string) => T {
  const kept = new WeakMap<Mention, { sentence: string; value: T }>();
  return (m, sentence) => {
    const last = kept.get(m);
    if (last?.sentence === sentence) return last.value;
    const value = read(m, sentence);
    kept.set(m, { sentence, value });
    return value;
  };
}
