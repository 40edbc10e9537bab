import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { createPageCache, type PageCacheOptions } from "./page-cache";
import { applySecurityHeaders } from "./security-headers";

/**
 * A server shaped like the front: security headers (a fresh nonce per request), then the cache in
 * front of a renderer that, like Next.js, reads the nonce from the request, streams its HTML (headers
 * flushed before the body) and may fail.
 */
async function serve(
  opts: PageCacheOptions & { status?: number; delayMs?: number; contentType?: string; throws?: boolean },
) {
  let renders = 0;
  const outcomes: string[] = [];
  const cache = createPageCache({ ...opts, onServe: (o) => outcomes.push(o) });
  const render = async (req: IncomingMessage, res: ServerResponse) => {
    renders++;
    const nonce = /'nonce-([^']+)'/.exec(String(req.headers["content-security-policy"]))![1];
    await new Promise((r) => setTimeout(r, opts.delayMs ?? 0));
    if (opts.throws) throw new Error("render failed");
    res.statusCode = opts.status ?? 200;
    res.setHeader("content-type", opts.contentType ?? "text/html; charset=utf-8");
    res.setHeader("etag", '"abc"');
    res.flushHeaders();
    res.write(`<html><script nonce="${nonce}">boot()</script>`);
    res.write(Buffer.from(`<p>render ${renders}</p>`));
    res.end(`<script nonce="${nonce}">more()</script></html>`);
  };
  const server = createServer((req, res) => {
    applySecurityHeaders(req, res, { https: false, dev: false });
    const key = cache.keyOf(req, new URL(req.url!, "http://x").pathname, () => undefined);
    if (key) return void cache.serve(key, req, res, render);
    return void render(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { base, renders: () => renders, outcomes };
}

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((c) => c()));
});

async function get(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { headers: { "accept-encoding": "identity", ...headers } });
  const body = await response.text();
  const nonce = /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1];
  return { response, body, nonce };
}

describe("page cache", () => {
  it("renders once for many readers, and gives each response its own nonce in the header and the page", async () => {
    const app = await serve({ ttlMs: 60_000 });
    const first = await get(`${app.base}/status/tiktok`);
    const second = await get(`${app.base}/status/tiktok`);
    expect(app.renders()).toBe(1);
    expect(app.outcomes).toEqual(["miss", "hit"]);
    expect([first, second].map((r) => r.response.headers.get("x-page-cache"))).toEqual(["miss", "hit"]);
    for (const r of [first, second]) {
      expect(r.response.status).toBe(200);
      expect(r.nonce).toBeTruthy();
      expect(r.body.match(/nonce="([^"]+)"/g)).toEqual([`nonce="${r.nonce}"`, `nonce="${r.nonce}"`]);
      expect(r.body).toContain("<p>render 1</p>");
      expect(r.response.headers.get("etag")).toBeNull();
      expect(Number(r.response.headers.get("content-length"))).toBe(Buffer.byteLength(r.body));
    }
    expect(second.nonce).not.toBe(first.nonce);
  });

  it("lets concurrent readers of a page that is being rendered wait for that render", async () => {
    const app = await serve({ ttlMs: 60_000, delayMs: 100 });
    const all = await Promise.all(Array.from({ length: 5 }, () => get(`${app.base}/map`)));
    expect(app.renders()).toBe(1);
    expect(new Set(all.map((r) => r.nonce)).size).toBe(5);
    for (const r of all) expect(r.body).toContain("render 1");
  });

  it("serves the old copy while one reader renders the page again once it is older than the TTL", async () => {
    const app = await serve({ ttlMs: 50, delayMs: 80 });
    await get(`${app.base}/`);
    await new Promise((r) => setTimeout(r, 80));
    const [renderer, reader] = await Promise.all([get(`${app.base}/`), get(`${app.base}/`)]);
    expect(app.renders()).toBe(2);
    expect(reader.body).toContain("render 1");
    expect(renderer.body).toContain("render 2");
    expect(app.outcomes).toEqual(["miss", "miss", "stale"]);
  });

  it("compresses the copy for clients that accept gzip", async () => {
    const app = await serve({ ttlMs: 60_000 });
    await get(`${app.base}/incidents`);
    const response = await new Promise<IncomingMessage>((resolve) =>
      import("node:http").then(({ get: httpGet }) =>
        httpGet(`${app.base}/incidents`, { headers: { "accept-encoding": "gzip, br" } }, resolve),
      ),
    );
    const chunks: Buffer[] = [];
    for await (const c of response) chunks.push(c as Buffer);
    expect(response.headers["content-encoding"]).toBe("gzip");
    expect(response.headers.vary).toContain("Accept-Encoding");
    const nonce = /'nonce-([^']+)'/.exec(String(response.headers["content-security-policy"]))![1];
    expect(gunzipSync(Buffer.concat(chunks)).toString()).toContain(`<script nonce="${nonce}">boot()`);
  });

  it("keeps nothing that is not a plain 200 HTML page for everyone", async () => {
    const failing = await serve({ ttlMs: 60_000, status: 500 });
    expect((await get(`${failing.base}/status/x`)).response.status).toBe(500);
    expect((await get(`${failing.base}/status/x`)).body).toContain("render 2");

    const json = await serve({ ttlMs: 60_000, contentType: "application/json" });
    await get(`${json.base}/page`);
    await get(`${json.base}/page`);
    expect(json.renders()).toBe(2);

    const app = await serve({ ttlMs: 60_000 });
    await get(`${app.base}/status/y`, { rsc: "1" });
    await get(`${app.base}/status/y`, { cookie: "a=b" });
    await get(`${app.base}/api/v1/services`);
    await get(`${app.base}/icon.svg`);
    expect(app.renders()).toBe(4);
    expect(app.outcomes).toEqual([]);
  });

  it("answers 500 to the renderer and to those waiting when a render throws, and keeps nothing", async () => {
    const app = await serve({ ttlMs: 60_000, delayMs: 50, throws: true });
    const all = await Promise.all(Array.from({ length: 3 }, () => get(`${app.base}/compare`)));
    expect(all.map((r) => r.response.status)).toEqual([500, 500, 500]);
    expect(app.renders()).toBe(3);
  });

  it("keeps at most maxEntries pages and maxBytes, dropping the oldest first", async () => {
    const app = await serve({ ttlMs: 60_000, maxEntries: 2 });
    for (const p of ["/a", "/b", "/c", "/b", "/a"]) await get(`${app.base}${p}`);
    expect(app.outcomes).toEqual(["miss", "miss", "miss", "hit", "miss"]);

    const small = await serve({ ttlMs: 60_000, maxBytes: 150 });
    for (const p of ["/a", "/b", "/a"]) await get(`${small.base}${p}`);
    expect(small.outcomes).toEqual(["miss", "miss", "miss"]);
  });

  it("renders every request when the TTL is 0", async () => {
    const app = await serve({ ttlMs: 0 });
    await get(`${app.base}/`);
    await get(`${app.base}/`);
    expect(app.renders()).toBe(2);
  });
});
