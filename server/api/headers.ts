// Security headers on every answer, and source maps only in development.
import type { RequestHandler } from "express";

/**
 * The page's policy: its own scripts, styles and API only; no inline script, no plugin, no framing.
 * `blob:` workers are ForceAtlas2's (graphology starts its worker from a Blob of its own code) and `blob:`/`data:`
 * images the PNG export and the empty favicon; a blob: URL can only be made by a script the policy already let run.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/**
 * Content-Security-Policy, X-Frame-Options (browsers that predate frame-ancestors), X-Content-Type-Options
 * (an article served as text is never run as script) and Referrer-Policy. Four fixed headers: helmet would
 * bring a dozen more defaults (upgrade-insecure-requests among them, wrong for a plain-HTTP loopback server) to
 * switch off again.
 */
export function securityHeaders(): RequestHandler {
  return (_req, res, next) => {
    res.set({
      "Content-Security-Policy": CONTENT_SECURITY_POLICY,
      "X-Frame-Options": "DENY",
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "no-referrer",
    });
    next();
  };
}

/** 404 for `*.map` unless source maps are wanted (development): they carry the client's whole source. */
export function sourceMaps(serve: boolean): RequestHandler {
  return (req, res, next) => (serve || !req.path.endsWith(".map") ? next() : res.status(404).json({ error: `no such file: ${req.path}` }));
}
