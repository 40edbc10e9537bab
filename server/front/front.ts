import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { Duplex } from "node:stream";
import compression from "compression";
import type { Db } from "@/db/client";
import { CLIENT_ASN_HEADER, CLIENT_IP_HEADER } from "@/lib/reports/client-ip";
import { countryFromHeaders, IP_REGION_HEADER, LOCATION_PATH } from "@/lib/regions/from-request";
import { networkOf } from "@/lib/networks/asn";
import { regionOfIp } from "@/lib/networks/ip-region";
import { resolveClient, rewriteForwardedHeaders, type ProxyTrust } from "./client-address";
import type { Health } from "./health";
import { METRICS_PATH, type Metrics } from "./metrics";
import { handleReportRequest } from "./report-endpoint";
import { REPORTS_PATH } from "@/lib/api/paths";
import { applySecurityHeaders, type SecurityOptions } from "./security-headers";
import type { PageCache } from "./page-cache";
import { errorBody } from "@/lib/http/responses";
import { sendJson } from "./send-json";
import { eventStreamOf, type LiveHub } from "./live-events";
import { STATIC_PREFIX, type StaticAssets } from "./static-assets";

type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

// One compression layer for everything past the report endpoint: pages, copies from the page cache,
// the JSON API, SVG maps, feeds. Next.js's own (turned off in next.config.ts) never compressed route
// handlers: it copies their headers with appendHeader, so Content-Type reads back as an array, which
// the filter refuses; here it is read back as the string it is.
const compress = compression({
  threshold: 1024,
  filter: (req, res) => {
    const type = res.getHeader("content-type");
    if (Array.isArray(type) && type.length === 1) res.setHeader("content-type", type[0]!);
    return compression.filter(req, res);
  },
}) as unknown as (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/**
 * A client that leaves mid-response leaves the middleware's zlib stream open, and it leaks; Next.js
 * releases it the same way (next/dist/server/lib/release-compression-stream.js).
 */
function releaseOnClose(res: ServerResponse): void {
  res.once("close", () => {
    if (res.writableFinished) return;
    const noop = () => {};
    const stream = res.on("drain", noop) as unknown;
    res.off("drain", noop);
    if (stream !== res && stream instanceof Duplex) stream.destroy();
  });
}

/**
 * The Node front every request passes: it decides the client's address (never trusting what the
 * client sent under our header), answers report POSTs itself and hands the rest to Next.js.
 */
export function createFront(opts: {
  db: () => Db;
  /** The proxies whose forwarding headers are believed; none: the socket's peer is the client. */
  proxies?: ProxyTrust;
  health: () => Promise<Health>;
  /** This instance's figures for Prometheus, at METRICS_PATH. */
  metrics?: Metrics;
  next: Handler;
  security?: SecurityOptions;
  /** Seconds-old pages for everyone when a crowd asks for the same one. */
  pages?: { cache: PageCache; regionHeaders: readonly string[] };
  /** Live pages' event streams; without it those paths go to Next.js (and are not found). */
  live?: LiveHub;
  /** The build's scripts and stylesheets, compressed once; without it Next.js serves them. */
  staticAssets?: StaticAssets;
}): Handler {
  const security = opts.security ?? { https: false, dev: false };
  return async (req, res) => {
    const client = resolveClient(req, opts.proxies);
    req.headers[CLIENT_IP_HEADER] = client.ip;
    rewriteForwardedHeaders(req, client);
    const url = req.url ?? "/";
    const q = url.indexOf("?");
    const path = q === -1 ? url : url.slice(0, q);
    describeNetwork(req, client.ip, path);
    if (path === REPORTS_PATH) return handleReportRequest(req, res, opts.db());
    if (path === HEALTH_PATH) {
      // Answered here so a health check costs nothing and still works when Next.js is busy.
      const health = await opts.health();
      return sendJson(res, health.ok ? 200 : 503, health);
    }
    if (path === METRICS_PATH && opts.metrics) {
      const body = await opts.metrics.text().catch((error: unknown) => `# not gathered: ${String(error)}\n`);
      res.writeHead(200, { "content-type": opts.metrics.contentType, "cache-control": "no-store" });
      return void res.end(body);
    }
    if (!decodable(path)) {
      // Next.js would fail on it with a 500; it is the client's mistake, and is told so.
      const message = "the address is not valid percent-encoded UTF-8";
      if (path.startsWith("/api/")) return sendJson(res, 400, errorBody("invalid_input", message));
      res.writeHead(400, { "content-type": "text/plain; charset=utf-8", "x-content-type-options": "nosniff" });
      return void res.end(`Bad request: ${message}.\n`);
    }
    applySecurityHeaders(req, res, { ...security, https: security.https || client.https });
    const stream = opts.live ? eventStreamOf(path) : null;
    // Before compression: an event must leave as soon as it is written, not when a zlib block fills.
    if (stream !== null) return opts.live!.serve(req, res, stream);
    // Only the build's own paths wait on it; pages pay nothing for it.
    if (opts.staticAssets && path.startsWith(STATIC_PREFIX) && (await opts.staticAssets(req, res, path))) return;
    compress(req, res, () => {});
    releaseOnClose(res);
    if (isPrivatePath(path)) {
      // The moderator console, and alert pages whose URL holds a subscriber's token: never indexed,
      // never kept by the page cache or any proxy, and the token never sent on as a Referer.
      res.setHeader("X-Robots-Tag", "noindex, nofollow");
      res.setHeader("Referrer-Policy", "no-referrer");
      return opts.next(req, res);
    }
    const pages = opts.pages;
    const key = pages?.cache.keyOf(req, path, () =>
      countryFromHeaders({ get: (name) => req.headers[name]?.toString() ?? null }, pages.regionHeaders),
    );
    if (pages && key) return pages.cache.serve(key, req, res, opts.next);
    return opts.next(req, res);
  };
}

export const HEALTH_PATH = "/api/health";

/**
 * What code behind the front may know of the address without holding it: the network operator
 * (reports keep it) and, for the one private answer that tells the visitor, the region (the report
 * form's first guess; pages themselves never vary by it, so shared caches can keep them). Looked up
 * in memory from offline databases; whatever the client sent under these names is dropped.
 */
function describeNetwork(req: IncomingMessage, ip: string, path: string): void {
  delete req.headers[CLIENT_ASN_HEADER];
  delete req.headers[IP_REGION_HEADER];
  if (req.method === "POST") {
    const network = networkOf(ip);
    if (network) req.headers[CLIENT_ASN_HEADER] = String(network.asn);
  }
  if (path === LOCATION_PATH) {
    const region = regionOfIp(ip);
    if (region) req.headers[IP_REGION_HEADER] = region.subdivision ?? region.country;
  }
}

const isPrivatePath = (path: string) =>
  path === "/admin" || path.startsWith("/admin/") || /^\/alerts\/(confirm|manage|unsubscribe|outbox)(\/|$)/.test(path);

function decodable(path: string): boolean {
  if (!path.includes("%")) return true;
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}
