import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

export interface SecurityOptions {
  /** The site is served over TLS (PUBLIC_URL is https, or this connection is): adds HSTS and upgrades requests. */
  https: boolean;
  /** Next.js in development evaluates code from strings (React's dev tools): allowed there only. */
  dev: boolean;
}

/**
 * A strict policy: scripts only with this response's nonce (and what they load, 'strict-dynamic'),
 * nothing from other origins, no plugins, no framing, forms only to us. Styles allow inline
 * attributes: the charts position their labels with style attributes, which nonces cannot cover.
 */
export function contentSecurityPolicy(nonce: string, opts: SecurityOptions): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    // The service worker (/serwist/sw.js): 'strict-dynamic' would otherwise leave it no source.
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(opts.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/**
 * Sets the security headers on every response, and hands Next.js the policy on the request too:
 * Next reads the nonce from the request's Content-Security-Policy header and puts it on every
 * script it renders. Whatever policy the client sent under that name is replaced, so no one can
 * choose the nonce.
 */
export function applySecurityHeaders(req: IncomingMessage, res: ServerResponse, opts: SecurityOptions): void {
  const https = opts.https || (req.socket as { encrypted?: boolean }).encrypted === true;
  const csp = contentSecurityPolicy(randomBytes(16).toString("base64"), { ...opts, https });
  req.headers["content-security-policy"] = csp;
  delete req.headers["content-security-policy-report-only"];
  res.setHeader("Content-Security-Policy", csp);
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
  if (https) res.setHeader("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
}
