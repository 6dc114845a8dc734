import { createHash, timingSafeEqual } from "node:crypto";
import { isIPv4 } from "node:net";

import type { RequestHandler } from "express";

import { HttpError } from "./errors.js";

/** 127.0.0.0/8, ::1 and IPv4-mapped loopback ("::ffff:127.0.0.1"): a client on this machine. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  if (address === "::1") return true;
  const v4 = address.toLowerCase().startsWith("::ffff:") ? address.slice("::ffff:".length) : address;
  return isIPv4(v4) && v4.startsWith("127.");
}

/** Equal-length digests, so the comparison takes the same time whatever the token's length or content. */
const digest = (s: string) => createHash("sha256").update(s).digest();
export const tokensMatch = (given: string, expected: string) => timingSafeEqual(digest(given), digest(expected));

/**
 * Guards POST and DELETE. With a token: `Authorization: Bearer <token>` or 401. Without one: only clients on
 * this machine, so a server started with HOST=0.0.0.0 and no token cannot be written to from the network.
 */
export function requireWriteAccess(token: string | undefined): RequestHandler {
  return (req, res, next) => {
    if (token) {
      const m = /^Bearer\s+(\S+)\s*$/i.exec(req.get("authorization") ?? "");
      if (m && tokensMatch(m[1]!, token)) return next();
      res.set("WWW-Authenticate", 'Bearer realm="entity-graph"');
      throw new HttpError(401, m ? "invalid API token" : "writes need an Authorization: Bearer <API_TOKEN> header");
    }
    if (isLoopbackAddress(req.socket.remoteAddress)) return next();
    throw new HttpError(403, "writes are accepted only from this machine when the server has no API_TOKEN set");
  };
}
