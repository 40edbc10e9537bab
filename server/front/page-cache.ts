import "server-only";
import { randomBytes } from "node:crypto";
import { filled, filledGzip, withHoles, type HoledText } from "./spliced-gzip";
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";

/**
 * A few seconds' copy of each rendered page, for the moment everyone asks "is it down?" at once.
 *
 * Next.js cannot cache these pages itself: every response carries a fresh CSP nonce, and a page
 * that reads the nonce is rendered per request. So the front keeps the rendered HTML (rendered
 * with a nonce of its own) and gives every response a new nonce by putting it in the copy, which
 * is kept compressed around its nonces, so a copy costs no compression either. While one request
 * renders a page, others asking for the same page wait for that render rather than start their
 * own; once a copy is older than `ttlMs` the next request renders it again while the rest are
 * still served the old one.
 *
 * Only what is the same for everyone is kept: GET of HTML pages and of their RSC payloads (what an
 * open tab's live refresh and the links' prefetches ask for), and of the JSON answers named in
 * `jsonPaths` (what open tabs poll), answered 200, without cookies either way (a HEAD is answered
 * from a copy). The key holds what pages read from the request: the host,
 * the URL, the visitor's country guess and, for an RSC payload, the router headers Next.js varies
 * it by. A crowd that keeps a page open would otherwise have every tab render it once a minute.
 */
export interface PageCacheOptions {
  ttlMs: number;
  maxEntries?: number;
  /** Most bytes of pages kept (a home page listing a thousand services is about a megabyte). */
  maxBytes?: number;
  /**
   * JSON answers that are the same for everyone and that every open tab polls (a service's live
   * snapshot): kept like pages, keyed by their address alone.
   */
  jsonPaths?: RegExp;
  /**
   * For shared caches in front (nginx, a CDN): the Cache-Control a kept page goes out with (the
   * route's own for JSON), and the headers the visitor's country is read from, in order (the
   * first present wins): a page varies by those up to the one its request carried.
   */
  shared?: { cacheControl: (path: string) => string; regionHeaders: readonly string[] };
  /**
   * The language a page at this path is chosen in from the request, when the path does not name it
   * (an unprefixed path, whose language follows Accept-Language): kept apart per language, and said
   * in Vary to shared caches. Null when the path names it.
   */
  languageOf?: (path: string, acceptLanguage: string | undefined) => string | null;
  /** Called per response, for tests, logs and metrics: hit (fresh copy), stale (old copy), miss (rendered). */
  onServe?: (outcome: Outcome, key: string) => void;
}

interface Entry {
  status: number;
  headers: OutgoingHttpHeaders;
  /** The page with its nonce taken out, compressed ahead (spliced-gzip.ts). */
  page: HoledText;
  bytes: number;
  at: number;
}

/** Also sent as X-Page-Cache, as caching proxies do, so an operator can see what a page was. */
export type Outcome = "hit" | "stale" | "miss";

type Render = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

// Hop-by-hop and per-response headers are not replayed; an ETag would not match the new nonce.
const NOT_REPLAYED = new Set([
  "content-length",
  "content-encoding",
  "transfer-encoding",
  "connection",
  "keep-alive",
  "date",
  "etag",
  "content-security-policy",
  "x-page-cache",
]);
// What the front set on this response itself stays.
const OWN = new Set(["content-security-policy", "x-page-cache"]);

const NONCE = /'nonce-([A-Za-z0-9+/=]+)'/;

const RSC_TYPE = "text/x-component";
/**
 * Keys of JSON answers start with this, so a render knows to keep JSON and not a page. They are
 * JSON arrays without spaces (for a real host), and a page's key always has spaces: none can pass
 * for the other.
 */
const JSON_KEY = '["json",';
/** What Next.js varies an RSC payload by (its Vary header), and the page the request came from. */
const RSC_KEY_HEADERS = [
  "rsc",
  "next-router-state-tree",
  "next-router-prefetch",
  "next-router-segment-prefetch",
  "next-url",
] as const;

export type PageCache = ReturnType<typeof createPageCache>;

export function createPageCache(opts: PageCacheOptions) {
  const maxEntries = opts.maxEntries ?? 500;
  const maxBytes = opts.maxBytes ?? 64 * 1024 * 1024;
  const entries = new Map<string, Entry>();
  let bytes = 0;
  const rendering = new Map<string, Promise<Entry | undefined>>();
  /** What a page copy tells shared caches, built once rather than per request. */
  const pageSharing: Shared | undefined = opts.shared && { ...opts.shared, languageOf: opts.languageOf };

  function forget(key: string) {
    const entry = entries.get(key);
    if (!entry) return;
    bytes -= entry.bytes;
    entries.delete(key);
  }

  // Oldest first out: a Map iterates in insertion order, and a page put back goes to the end.
  function remember(key: string, entry: Entry) {
    forget(key);
    if (entry.bytes > maxBytes) return;
    while (entries.size >= maxEntries || bytes + entry.bytes > maxBytes) forget(entries.keys().next().value!);
    entries.set(key, entry);
    bytes += entry.bytes;
  }

  /** Renders through Next.js into memory, then answers from the copy. */
  function renderInto(
    req: IncomingMessage,
    res: ServerResponse,
    render: Render,
    json: boolean,
  ): Promise<Entry | undefined> {
    const nonce = req.headers["content-security-policy"]?.toString().match(NONCE)?.[1];
    const done = captureResponse(res).then((captured) => {
      const contentType = String(captured.headers["content-type"] ?? "");
      const keep =
        nonce !== undefined &&
        captured.status === 200 &&
        (json
          ? contentType.startsWith("application/json")
          : contentType.startsWith("text/html") || contentType.startsWith(RSC_TYPE)) &&
        captured.headers["set-cookie"] === undefined;
      if (!keep) return undefined;
      const page = withHoles(captured.body.toString("utf8"), nonce);
      return { status: captured.status, headers: captured.headers, page, bytes: captured.body.length, at: Date.now() };
    });
    void guarded(render)(req, res);
    return done;
  }

  return {
    /** The cache key, or null when this request must not be served from or stored in the cache. */
    keyOf(req: IncomingMessage, path: string, country: () => string | undefined): string | null {
      if (opts.ttlMs <= 0 || (req.method !== "GET" && req.method !== "HEAD")) return null;
      // Server actions and anything with cookies go straight to Next.js.
      const h = req.headers;
      if (h["next-action"] || h.cookie) return null;
      if (opts.jsonPaths?.test(path)) return JSON.stringify(["json", h.host ?? "", req.url]);
      if (path.startsWith("/api/") || path.startsWith("/_next/") || path.includes(".")) return null;
      // As JSON: values joined with spaces could be shifted from one header into another.
      const router = h.rsc ? ` ${JSON.stringify(RSC_KEY_HEADERS.map((name) => h[name]?.toString() ?? null))}` : "";
      const language = opts.languageOf?.(path, h["accept-language"]) ?? "";
      return `${h.host ?? ""} ${req.url} ${country() ?? ""} ${language}${router}`;
    },

    async serve(key: string, req: IncomingMessage, res: ServerResponse, render: Render): Promise<void> {
      // What a page copy tells shared caches; JSON answers keep their route's policy.
      const sharing = key.startsWith(JSON_KEY) ? undefined : pageSharing;
      const entry = entries.get(key);
      const fresh = entry && Date.now() - entry.at <= opts.ttlMs;
      const pending = rendering.get(key);
      const served = (outcome: Outcome) => {
        opts.onServe?.(outcome, key);
        res.setHeader("x-page-cache", outcome);
      };
      if (entry && (fresh || pending)) {
        served(fresh ? "hit" : "stale");
        return replay(entry, req, res, sharing);
      }
      // A HEAD is answered from a copy, but never makes one: its answer has no page in it.
      if (req.method === "HEAD" && !pending) return guarded(render)(req, res);
      if (pending) {
        const rendered = await pending;
        if (rendered) {
          served("hit");
          return replay(rendered, req, res, sharing);
        }
        return guarded(render)(req, res);
      }
      served("miss");
      const job = renderInto(req, res, render, key.startsWith(JSON_KEY));
      rendering.set(key, job);
      try {
        const rendered = await job;
        if (rendered) remember(key, rendered);
        else forget(key);
        return rendered ? replay(rendered, req, res, sharing) : flushCaptured(res);
      } finally {
        rendering.delete(key);
      }
    },
  };
}

/** Next.js answers its own errors; should a render throw anyway, it ends as a 500 (and is not kept). */
function guarded(render: Render): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    try {
      await render(req, res);
    } catch {
      if (res.writableEnded) return;
      if (!res.headersSent) res.statusCode = 500;
      res.end("Internal Server Error");
    }
  };
}

type Shared = NonNullable<PageCacheOptions["shared"]> & Pick<PageCacheOptions, "languageOf">;

/** The copy, with a new nonce in the policy and the page; gzipped when the client takes gzip. */
function replay(entry: Entry, req: IncomingMessage, res: ServerResponse, shared: Shared | undefined): void {
  const csp = res.getHeader("content-security-policy")?.toString();
  const nonce = csp?.match(NONCE)?.[1] ?? randomBytes(16).toString("base64");
  const gzip = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
  const body = gzip ? filledGzip(entry.page, nonce) : filled(entry.page, nonce);
  // The request that rendered the copy still carries what the renderer set.
  for (const name of NOT_REPLAYED) if (!OWN.has(name)) res.removeHeader(name);
  for (const [name, value] of Object.entries(entry.headers)) {
    if (!NOT_REPLAYED.has(name) && value !== undefined) res.setHeader(name, value);
  }
  if (shared) {
    // A shared cache keeps the page with the nonce it went out with: that nonce was drawn after
    // everything in the page was written, so nothing injected later can carry it, and a different
    // address or variant is a different render with a nonce of its own.
    const path = (req.url ?? "/").split("?")[0]!;
    res.setHeader("cache-control", shared.cacheControl(path));
    // Up to the first present: the page read those (the earlier ones were absent); later ones were
    // never looked at. nginx caches nothing whose Vary is over 128 bytes, so no more than needed.
    const first = shared.regionHeaders.findIndex((name) => req.headers[name] !== undefined);
    const vary = first === -1 ? [] : shared.regionHeaders.slice(0, first + 1);
    if (shared.languageOf?.(path, req.headers["accept-language"]) != null) vary.push("accept-language");
    if (vary.length) res.setHeader("vary", [res.getHeader("vary")?.toString(), ...vary].filter(Boolean).join(", "));
  }
  // Already encoded, so the front's compression leaves it as it is (and adds Vary: Accept-Encoding).
  if (gzip) res.setHeader("content-encoding", "gzip");
  res.setHeader("content-length", body.length);
  restoreResponse(res);
  res.writeHead(entry.status);
  res.end(req.method === "HEAD" ? undefined : body);
}

// Capturing a response: Next.js writes to `res` as usual; headers stay on `res`, status and body
// are held back until it ends.
const originals = new WeakMap<
  ServerResponse,
  { writeHead: unknown; write: unknown; end: unknown; flushHeaders: unknown; chunks: Buffer[] }
>();

function captureResponse(res: ServerResponse): Promise<{ status: number; headers: OutgoingHttpHeaders; body: Buffer }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    originals.set(res, {
      writeHead: res.writeHead,
      write: res.write,
      end: res.end,
      flushHeaders: res.flushHeaders,
      chunks,
    });
    res.flushHeaders = () => {};
    const toBuffer = (chunk: unknown, encoding?: unknown) =>
      Buffer.isBuffer(chunk)
        ? chunk
        : chunk instanceof Uint8Array
          ? Buffer.from(chunk)
          : Buffer.from(String(chunk), typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
    res.writeHead = function (status: number, ...rest: unknown[]) {
      res.statusCode = status;
      const headers = rest.find((r) => r && typeof r === "object") as OutgoingHttpHeaders | undefined;
      if (headers) for (const [k, v] of Object.entries(headers)) if (v !== undefined) res.setHeader(k, v);
      return res;
    } as ServerResponse["writeHead"];
    res.write = function (chunk: unknown, encoding?: unknown, cb?: unknown) {
      if (chunk !== undefined && chunk !== null) chunks.push(toBuffer(chunk, encoding));
      const callback = [encoding, cb].find((c) => typeof c === "function") as (() => void) | undefined;
      if (callback) process.nextTick(callback);
      return true;
    } as ServerResponse["write"];
    res.end = function (chunk?: unknown, encoding?: unknown, cb?: unknown) {
      if (chunk !== undefined && chunk !== null && typeof chunk !== "function") chunks.push(toBuffer(chunk, encoding));
      const callback = [chunk, encoding, cb].find((c) => typeof c === "function") as (() => void) | undefined;
      resolve({ status: res.statusCode, headers: res.getHeaders(), body: Buffer.concat(chunks) });
      if (callback) process.nextTick(callback);
      return res;
    } as ServerResponse["end"];
  });
}

function restoreResponse(res: ServerResponse): void {
  const saved = originals.get(res);
  if (!saved) return;
  res.writeHead = saved.writeHead as ServerResponse["writeHead"];
  res.write = saved.write as ServerResponse["write"];
  res.end = saved.end as ServerResponse["end"];
  res.flushHeaders = saved.flushHeaders as ServerResponse["flushHeaders"];
  originals.delete(res);
}

/** A render that is not kept (an error page, a redirect) goes out as Next.js wrote it. */
function flushCaptured(res: ServerResponse): void {
  const saved = originals.get(res);
  if (!saved) return;
  const body = Buffer.concat(saved.chunks);
  restoreResponse(res);
  res.setHeader("content-length", body.length);
  res.writeHead(res.statusCode);
  res.end(body);
}
