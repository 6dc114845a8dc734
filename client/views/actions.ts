// What a view can ask for: each call becomes a state producer in main.ts.
import type { CorrectionAnswer } from "../corrections-api.js";

export interface Actions {
  selectEntity: (id: string) => void;
  selectEdge: (id: string) => void;
  openDocuments: () => void;
  openDocument: (id: string) => void;
  closeDocument: () => void;
  focus: (id: string, hops: 1 | 2) => void;
  wholeGraph: () => void;
  /** The corpus changed (documents added or deleted): reload the graph and the open panel. */
  corpusChanged: () => void;
  openCorrections: () => void;
  /** A correction was made, undone or imported: the graph follows in place; `select` is the entity to show next. */
  corrected: (answer: CorrectionAnswer | undefined, select: string | undefined) => void;
}
