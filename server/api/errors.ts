/** An HTTP error with a status the error handler sends as `{ error, ...details }`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Extra fields for the JSON answer, e.g. `rejected` for a batch in which every file was refused. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}
