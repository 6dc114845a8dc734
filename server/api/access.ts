import { createHash, timingSafeEqual } from "node:crypto";
import { isIPv4 } from "node:net";

import type { Request, RequestHandler, Response } from "express";

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

/** Host names a write may be addressed to, whatever ALLOWED_HOSTS adds: a DNS-rebinding page sends its own. */
export const LOOPBACK_HOSTS = ["localhost", "127.0.0.1", "[::1]"] as const;

/** Who may write, as the server was started: the API token and the extra host names (ALLOWED_HOSTS). */
export interface WriteAccess {
  token?: string;
  /** Host names (no port) besides LOOPBACK_HOSTS that writes may name in `Host`, e.g. the proxy's public name. */
  allowedHosts?: readonly string[];
}

/** Express's `trust proxy` value from TRUST_PROXY: off unless set; a number of hops, or addresses and subnets. */
export type TrustProxy = false | number | string[];

/** `ALLOWED_HOSTS` ("graph.example.org, 10.0.0.5") and `TRUST_PROXY` ("1", "loopback", "10.0.0.0/8") read from the environment. */
export function accessFromEnv(env: NodeJS.ProcessEnv): { allowedHosts: string[]; trustProxy: TrustProxy } {
  const list = (value = "") =>
    value
      .split(",")
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean);
  const proxy = (env.TRUST_PROXY ?? "").trim().toLowerCase();
  const hops = /^\d+$/.test(proxy) ? Number(proxy) : undefined;
  const trustProxy: TrustProxy =
    ["false", "off", "no"].includes(proxy) || hops === 0 || list(proxy).length === 0 ? false : (hops ?? list(proxy));
  return { allowedHosts: list(env.ALLOWED_HOSTS), trustProxy };
}

/** Headers a proxy adds; without TRUST_PROXY, a write that carries them came through one (or pretends to). */
const FORWARDING_HEADERS = ["forwarded", "x-forwarded-for", "x-real-ip"] as const;

/** "http://127.0.0.1:3000" from a URL or an Origin header (default ports dropped); undefined when it is none. */
function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/**
 * Why this write is not from this site, or undefined when it is: the Host must be on the allowlist (a
 * DNS-rebinding page names its own host), and a browser's request must be same-origin (`Origin` absent or this
 * server's, `Sec-Fetch-Site` absent, `same-origin` or `none`), so no other page can post a form or a fetch here.
 */
export function crossSiteReason(req: Request, allowedHosts: readonly string[] = []): string | undefined {
  const hostname = req.hostname?.toLowerCase();
  if (!hostname) return "writes need a Host header";
  if (!(LOOPBACK_HOSTS as readonly string[]).includes(hostname) && !allowedHosts.includes(hostname)) {
    return `Host "${hostname}" is not allowed for writes: allowed are ${[...LOOPBACK_HOSTS, ...allowedHosts].join(", ")} (add more with ALLOWED_HOSTS)`;
  }
  const fetchSite = req.get("sec-fetch-site")?.toLowerCase();
  if (fetchSite !== undefined && fetchSite !== "same-origin" && fetchSite !== "none") {
    return `cross-site write refused (Sec-Fetch-Site: ${fetchSite}): write from this server's own page`;
  }
  const origin = req.get("origin");
  if (origin === undefined) return undefined;
  const own = originOf(`${req.protocol}://${req.host}`);
  if (own === undefined) return `writes need a valid Host header, got "${req.host}"`;
  const given = originOf(origin) ?? origin;
  return given === own ? undefined : `cross-origin write refused: Origin ${origin} is not this server (${own})`;
}

/**
 * Guards every write (POST, PUT, PATCH, DELETE). Who: with a token, `Authorization: Bearer <token>` or 401;
 * without one, only clients on this machine (with TRUST_PROXY, the client the proxy names) and never a request
 * that came through an untrusted proxy, or 403, so a server started with HOST=0.0.0.0 or behind a proxy and no
 * token cannot be written to from the network. Then where from, with or without a token: the request must be
 * same-site (`crossSiteReason`) or 403, so no other page in the analyst's browser can write.
 */
export function requireWriteAccess(token: string | undefined, allowedHosts: readonly string[] = []): RequestHandler {
  const whoFails = (req: Request, res: Response): HttpError | undefined => {
    if (token) {
      const m = /^Bearer\s+(\S+)\s*$/i.exec(req.get("authorization") ?? "");
      if (m && tokensMatch(m[1]!, token)) return undefined;
      res.set("WWW-Authenticate", 'Bearer realm="entity-graph"');
      return new HttpError(401, m ? "invalid API token" : "writes need an Authorization: Bearer <API_TOKEN> header");
    }
    const proxied = !req.app.get("trust proxy") && FORWARDING_HEADERS.some((h) => req.get(h) !== undefined);
    if (proxied) return new HttpError(403, "writes through a proxy need API_TOKEN (or TRUST_PROXY, so the client is known)");
    if (isLoopbackAddress(req.ip)) return undefined;
    return new HttpError(403, "writes are accepted only from this machine when the server has no API_TOKEN set");
  };
  return (req, res, next) => {
    const refused = whoFails(req, res);
    if (refused) throw refused;
    const crossSite = crossSiteReason(req, allowedHosts);
    if (crossSite) throw new HttpError(403, crossSite);
    next();
  };
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** `requireWriteAccess` for every method that writes, so that each write route of a router is guarded by mounting it once. */
export function guardWrites(access: WriteAccess): RequestHandler {
  const guard = requireWriteAccess(access.token, access.allowedHosts);
  return (req, res, next) => (SAFE_METHODS.has(req.method) ? next() : guard(req, res, next));
}
