// CommonJS packages loaded when first used rather than at start: a server on SQLite never loads the PostgreSQL
// client, and one that only reads never loads the multipart parser or graphology-gexf's writer.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** `name`, required on the first call and kept. */
export function lazyRequire<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(name) as T);
}
