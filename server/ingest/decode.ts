import { RejectedInput } from "./errors.js";

/** Allowed range of the second byte after lead bytes that have a narrower one (no overlong forms, no surrogates). */
const SECOND_BYTE: Record<number, [number, number]> = { 0xe0: [0xa0, 0xbf], 0xed: [0x80, 0x9f], 0xf0: [0x90, 0xbf], 0xf4: [0x80, 0x8f] };

/** Offset of the first byte of the first sequence that is not UTF-8 ("caf\xe9 au lait" -> 3), -1 if none. */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const lead = bytes[i]!;
    const length =
      lead < 0x80 ? 1 : lead >= 0xc2 && lead < 0xe0 ? 2 : lead >= 0xe0 && lead < 0xf0 ? 3 : lead >= 0xf0 && lead < 0xf5 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    const [low, high] = SECOND_BYTE[lead] ?? [0x80, 0xbf];
    if (length > 1 && (bytes[i + 1]! < low || bytes[i + 1]! > high)) return i;
    for (let k = 2; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += length;
  }
  return -1;
}

/**
 * Text from uploaded bytes. A NUL byte means a binary file (PDF, image, .docx): 415. Bytes that are not
 * UTF-8 (a Latin-1 "£" is 0xA3): 400 with the offset, rather than guessing an encoding. A BOM is dropped.
 */
export function decodeUtf8(bytes: Uint8Array, where?: string): string {
  if (bytes.includes(0)) throw new RejectedInput("unsupported", "binary content, not text", where);
  const offset = firstInvalidUtf8Offset(bytes);
  if (offset >= 0) {
    const byte = bytes[offset]!.toString(16).padStart(2, "0");
    throw new RejectedInput("invalid", `not valid UTF-8 (byte 0x${byte} at offset ${offset})`, where);
  }
  return new TextDecoder("utf-8").decode(bytes);
}
