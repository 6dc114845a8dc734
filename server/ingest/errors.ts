/** Why an input was refused; the API maps each reason to its status (400, 413, 415), the CLI prints it. */
export const REJECTION_STATUS = {
  invalid: 400,
  "too-large": 413,
  unsupported: 415,
} as const;
export type RejectionReason = keyof typeof REJECTION_STATUS;

/** A posted body, uploaded file or JSONL line that cannot become a document. `where` names it ("a.jsonl line 3"). */
export class RejectedInput extends Error {
  override name = "RejectedInput";
  constructor(
    readonly reason: RejectionReason,
    message: string,
    readonly where?: string,
  ) {
    super(where ? `${where}: ${message}` : message);
  }

  get status(): number {
    return REJECTION_STATUS[this.reason];
  }
}
