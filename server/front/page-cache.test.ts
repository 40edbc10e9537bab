import { get as httpGet, type IncomingMessage, type ServerResponse } from "node:http";
import { gunzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { listenFrontWithout } from "@/test/front";
import { createPageCache, type PageCacheOptions } from "./page-cache";

/**
 * The front (security headers with a fresh nonce per request, compression, the cache) before a
 * renderer that, like Next.js, reads the nonce from the request, streams its HTML (headers flushed
 * before the body) and may fail.
 */
async function serve(
  opts: PageCacheOptions & {
    status?: number;
    delayMs?: number;
    contentType?: string;
    throws?: boolean;
    /** Repeats of filler text, to make a page worth compressing. */
    pageBytes?: number;
    /** What the renderer says (Next.js: private, no-store for a page rendered per request). */
    cacheControl?: string;
  },
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
    if (opts.cacheControl) res.setHeader("cache-control", opts.cacheControl);
    if (req.headers.rsc) {
      // Like Next.js: the RSC payload of the page for the router state the client sent, nonce inside.
      res.setHeader("content-type", "text/x-component");
      res.setHeader("vary", "rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch");
      return void res.end(
        `0:{"render":${renders},"tree":${JSON.stringify(String(req.headers["next-router-state-tree"]))},"prefetch":${req.headers["next-router-prefetch"] === "1"},"nonce":"${nonce}"}\n`,
      );
    }
    res.setHeader("content-type", opts.contentType ?? "text/html; charset=utf-8");
    res.setHeader("etag", '"abc"');
    res.flushHeaders();
    res.write(`<html><script nonce="${nonce}">boot()</script>`);
    res.write(Buffer.from(`<p>render ${renders}</p>`));
    res.write(`<p>${"Is it down? ".repeat(opts.pageBytes ?? 0)}</p>`);
    res.end(`<script nonce="${nonce}">more()</script></html>`);
  };
  const { base, close } = await listenFrontWithout(render, cache);
  closers.push(close);
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

  it("sends the copy gzipped (compressed once, ahead) with the nonce of that response inside", async () => {
    const app = await serve({ ttlMs: 60_000, pageBytes: 200 });
    await get(`${app.base}/incidents`);
    for (const accept of ["gzip", "gzip, deflate, br"]) {
      const response = await new Promise<IncomingMessage>((resolve) =>
        httpGet(`${app.base}/incidents`, { headers: { "accept-encoding": accept } }, resolve),
      );
      const chunks: Buffer[] = [];
      for await (const c of response) chunks.push(c as Buffer);
      expect(response.headers["x-page-cache"]).toBe("hit");
      expect(response.headers["content-encoding"]).toBe("gzip");
      expect(response.headers.vary).toContain("Accept-Encoding");
      expect(Number(response.headers["content-length"])).toBe(Buffer.concat(chunks).length);
      const nonce = /'nonce-([^']+)'/.exec(String(response.headers["content-security-policy"]))![1];
      const page = gunzipSync(Buffer.concat(chunks)).toString();
      expect(page).toContain(`<script nonce="${nonce}">boot()`);
      expect(page).toContain(`<script nonce="${nonce}">more()`);
    }
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
    await get(`${app.base}/status/y`, { cookie: "a=b" });
    await get(`${app.base}/status/y`, { rsc: "1", cookie: "a=b" });
    await get(`${app.base}/status/y`, { rsc: "1", "next-action": "abc" });
    await get(`${app.base}/api/v1/services`);
    await get(`${app.base}/icon.svg`);
    expect(app.renders()).toBe(5);
    expect(app.outcomes).toEqual([]);
  });

  it("keeps the JSON answers that open tabs poll (jsonPaths), by address alone, and no other JSON", async () => {
    const polled = /^\/api\/v1\/services\/[^/]+\/snapshot$/;
    const app = await serve({ ttlMs: 60_000, contentType: "application/json", jsonPaths: polled });
    const url = `${app.base}/api/v1/services/tiktok/snapshot`;
    // Tabs in different countries poll the same answer: the visitor's country guess is not in its key.
    const tabs = await Promise.all(["de-DE", "fr-FR", "en-US"].map((l) => get(url, { "accept-language": l })));
    expect(app.renders()).toBe(1);
    for (const tab of tabs) {
      expect(tab.response.status).toBe(200);
      expect(tab.response.headers.get("content-type")).toBe("application/json");
      expect(tab.body).toContain("render 1");
    }
    await get(`${app.base}/api/v1/services/discord/snapshot`);
    await get(`${app.base}/api/v1/services/tiktok`);
    await get(`${app.base}/api/v1/services/tiktok`);
    expect(app.renders()).toBe(4);

    // At a polled address only JSON is kept: an HTML answer there (an error page, say) is not.
    const html = await serve({ ttlMs: 60_000, jsonPaths: polled });
    await get(`${html.base}/api/v1/services/tiktok/snapshot`);
    await get(`${html.base}/api/v1/services/tiktok/snapshot`);
    expect(html.renders()).toBe(2);
  });

  it("keeps a page whose path does not name its language apart per language its request is served in", async () => {
    const shared = { cacheControl: () => "public, s-maxage=5", regionHeaders: [] };
    // As the site's own rule: a path with a prefix names its language; an unprefixed one follows Accept-Language.
    const languageOf = (path: string, acceptLanguage: string | undefined) =>
      path.startsWith("/de/") ? null : acceptLanguage?.startsWith("de") ? "de" : "en";
    const app = await serve({ ttlMs: 60_000, shared, languageOf });
    const english = await get(`${app.base}/status/tiktok`, { "accept-language": "en-US" });
    await get(`${app.base}/status/tiktok`, { "accept-language": "en-US" });
    expect(app.renders()).toBe(1);
    expect(english.response.headers.get("vary")).toBe("accept-language, Accept-Encoding");
    // A German browser is not handed the English copy (the proxy would redirect it instead).
    // (A language without a region, so the country guess made from it is the same as the English one's.)
    const german = await get(`${app.base}/status/tiktok`, { "accept-language": "de" });
    expect(app.renders()).toBe(2);
    expect(german.body).toContain("render 2");
    // A prefixed path is one page whatever the browser prefers, and says so.
    const prefixed = await get(`${app.base}/de/status/tiktok`, { "accept-language": "en-US" });
    await get(`${app.base}/de/status/tiktok`, { "accept-language": "en-US,de;q=0.9" });
    expect(app.renders()).toBe(3);
    expect(prefixed.response.headers.get("vary")).toBe("Accept-Encoding");
  });

  it("tells shared caches how long a kept page may be served, and what else it varies by", async () => {
    const shared = {
      cacheControl: (path: string) => (path.startsWith("/incidents") ? "public, s-maxage=60" : "public, s-maxage=5"),
      regionHeaders: ["cf-ipcountry", "x-vercel-ip-country"],
    };
    const app = await serve({ ttlMs: 60_000, shared, cacheControl: "private, no-cache, no-store" });
    const page = await get(`${app.base}/status/tiktok?x=1`);
    expect(page.response.headers.get("cache-control")).toBe("public, s-maxage=5");
    expect(page.response.headers.get("vary")).toBe("Accept-Encoding");
    const incident = await get(`${app.base}/incidents/7`);
    expect(incident.response.headers.get("cache-control")).toBe("public, s-maxage=60");
    // Behind a CDN that names the country, the copy varies by that header too (and is kept per country).
    const german = await get(`${app.base}/status/tiktok`, { "cf-ipcountry": "DE" });
    expect(german.response.headers.get("vary")).toBe("cf-ipcountry, Accept-Encoding");
    // The second header was read because the first was absent: both count, and nothing after.
    const vercel = await get(`${app.base}/status/tiktok`, { "x-vercel-ip-country": "FR" });
    expect(vercel.response.headers.get("vary")).toBe("cf-ipcountry, x-vercel-ip-country, Accept-Encoding");
    const rsc = await get(`${app.base}/status/tiktok`, { rsc: "1", "next-router-state-tree": "t" });
    expect(rsc.response.headers.get("cache-control")).toBe("public, s-maxage=5");
    expect(rsc.response.headers.get("vary")).toBe(
      "rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch, Accept-Encoding",
    );

    // JSON keeps its route's own policy; what is not kept keeps the renderer's.
    const json = await serve({
      ttlMs: 60_000,
      shared,
      contentType: "application/json",
      jsonPaths: /snapshot$/,
      cacheControl: "public, max-age=5, s-maxage=5",
    });
    const snapshot = await get(`${json.base}/api/v1/services/tiktok/snapshot`, { "cf-ipcountry": "DE" });
    expect(snapshot.response.headers.get("cache-control")).toBe("public, max-age=5, s-maxage=5");
    expect(snapshot.response.headers.get("vary")).not.toContain("cf-ipcountry");
    const missing = await serve({ ttlMs: 60_000, shared, status: 404, cacheControl: "private, no-cache, no-store" });
    expect((await get(`${missing.base}/status/nope`)).response.headers.get("cache-control")).toBe(
      "private, no-cache, no-store",
    );
  });

  it("keeps RSC payloads apart per router state, so open tabs' live refreshes and prefetches render once", async () => {
    const app = await serve({ ttlMs: 60_000 });
    const refresh = { rsc: "1", "next-router-state-tree": "%5B%22status%22%2C%22refetch%22%5D" };
    const url = `${app.base}/status/tiktok?_rsc=abc`;
    const payload = (body: string) => JSON.parse(body.replace(/^0:/, "")) as Record<string, unknown>;
    const tabs = await Promise.all(Array.from({ length: 4 }, () => get(url, refresh)));
    expect(app.renders()).toBe(1);
    for (const tab of tabs) {
      expect(tab.response.headers.get("content-type")).toBe("text/x-component");
      expect(tab.response.headers.get("vary")).toContain("next-router-state-tree");
      // Each tab's payload carries the nonce of its own response, as a fresh render would.
      expect(payload(tab.body)).toMatchObject({ render: 1, tree: refresh["next-router-state-tree"] });
      expect(tab.body).toContain(`"nonce":"${tab.nonce}"`);
    }
    expect(new Set(tabs.map((t) => t.nonce)).size).toBe(4);

    // The HTML page, another router state and a prefetch are different answers: each is rendered.
    const html = await get(`${app.base}/status/tiktok?_rsc=abc`);
    const other = await get(url, { ...refresh, "next-router-state-tree": "%5B%22map%22%5D" });
    const prefetch = await get(url, { ...refresh, "next-router-prefetch": "1" });
    expect(html.body).toContain("<html>");
    expect(payload(other.body)).toMatchObject({ render: 3, tree: "%5B%22map%22%5D" });
    expect(payload(prefetch.body)).toMatchObject({ render: 4, prefetch: true });
    expect((await get(url, { ...refresh, "next-router-prefetch": "1" })).body).toContain('"render":4');
    expect(app.renders()).toBe(4);
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

  it("answers HEAD from a copy but never keeps one made for a HEAD", async () => {
    const app = await serve({ ttlMs: 60_000 });
    const head = await fetch(`${app.base}/status/z`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect((await get(`${app.base}/status/z`)).body).toContain("render 2");
    const again = await fetch(`${app.base}/status/z`, { method: "HEAD" });
    expect(again.headers.get("x-page-cache")).toBe("hit");
    expect(await again.text()).toBe("");
    expect(app.renders()).toBe(2);
  });

  it("renders every request when the TTL is 0", async () => {
    const app = await serve({ ttlMs: 0 });
    await get(`${app.base}/`);
    await get(`${app.base}/`);
    expect(app.renders()).toBe(2);
  });
});
