import { RejectedInput } from "./errors.js";

/** Offset of the first byte that breaks UTF-8, found by bisecting on the longest prefix that decodes. */
function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  const decodes = (n: number) => {
    try {
      // stream: a multi-byte character cut at the end of the prefix is not an error yet.
      new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, n), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  let ok = 0;
  let bad = bytes.length;
  while (bad - ok > 1) {
    const mid = (ok + bad) >>> 1;
    if (decodes(mid)) ok = mid;
    else bad = mid;
  }
  return ok;
}

/**
 * Text from uploaded bytes. A NUL byte means a binary file (PDF, image, .docx): 415. Bytes that are not
 * UTF-8 (a Latin-1 "£" is 0xA3): 400 with the offset, rather than guessing an encoding. A BOM is dropped.
 */
export function decodeUtf8(bytes: Uint8Array, where?: string): string {
  if (bytes.includes(0)) throw new RejectedInput("unsupported", "binary content, not text", where);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8Offset(bytes);
    throw new RejectedInput("invalid", `not valid UTF-8 (byte 0x${bytes[offset]?.toString(16).padStart(2, "0")} at offset ${offset})`, where);
  }
}
