import type { IncomingHttpHeaders } from "node:http";

import type busboy from "busboy";

import { lazyRequire } from "../lazy.js";
import { RejectedInput } from "./errors.js";

export interface UploadedFile {
  name: string;
  mediaType: string;
  bytes: Buffer;
}

// More files than an analyst drops at once; beyond it the batch is refused rather than cut short.
export const MAX_FILES = 1000;

/** busboy, loaded on the first multipart body. */
const parse = lazyRequire<typeof busboy>("busboy");

/**
 * The files of a multipart/form-data body. The body is already read (and its size limited) by the caller,
 * so this only splits it. Form fields that are not files are ignored.
 */
export function splitMultipart(headers: IncomingHttpHeaders, body: Buffer): Promise<UploadedFile[]> {
  return new Promise((resolve, reject) => {
    const bad = (message: string) => reject(new RejectedInput("invalid", `bad multipart body: ${message}`));
    let parser: busboy.Busboy;
    try {
      parser = parse()({ headers, limits: { files: MAX_FILES }, defParamCharset: "utf8" });
    } catch (err) {
      return bad((err as Error).message);
    }
    // Each file stream ends on its own tick, possibly after the parser closes: wait for all of them.
    const files: Promise<UploadedFile>[] = [];
    // The file being read: a body that ends inside it ("Unexpected end of form") names it in the error.
    let open: string | undefined;
    parser.on("file", (_field, stream, info) => {
      const name = info.filename || "(unnamed)";
      open = name;
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      // The parser's error fails the file's stream too: without this listener its 'error' event would be unhandled
      // and end the process. The first error settles the promise; the file's own promise then never resolves.
      stream.on("error", (err: Error) => bad(`file "${name}": ${err.message}`));
      files.push(
        new Promise((done) =>
          stream.on("end", () => {
            open = undefined;
            done({ name, mediaType: info.mimeType, bytes: Buffer.concat(chunks) });
          }),
        ),
      );
    });
    parser.on("filesLimit", () => reject(new RejectedInput("too-large", `more than ${MAX_FILES} files in one upload`)));
    parser.on("error", (err: Error) => bad(open ? `file "${open}": ${err.message}` : err.message));
    parser.on("close", () => resolve(Promise.all(files)));
    parser.end(body);
  });
}
