import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { request, type IncomingMessage } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { listenFrontWithout } from "@/test/front";
import { createStaticAssets } from "./static-assets";

const root = mkdtempSync(path.join(tmpdir(), "outage-radar-static-"));
const script = `(globalThis.TURBOPACK ||= []).push(${JSON.stringify("x".repeat(20_000))});\n`.repeat(5);
const passedOn: string[] = [];
let base = "";
let close = async () => {};

beforeAll(async () => {
  mkdirSync(path.join(root, "chunks"));
  writeFileSync(path.join(root, "chunks", "0abc.js"), script);
  writeFileSync(path.join(root, "chunks", "1def.css"), "body{color:red}");
  writeFileSync(path.join(root, "chunks", "icon.png"), "not a script");
  writeFileSync(path.join(tmpdir(), "outside.js"), "secret");
  ({ base, close } = await listenFrontWithout(
    (req, res) => {
      passedOn.push(req.url ?? "");
      res.writeHead(404).end("from next");
    },
    undefined,
    createStaticAssets(root),
  ));
});
afterAll(async () => {
  await close();
  rmSync(root, { recursive: true, force: true });
});

function fetchRaw(urlPath: string, headers: Record<string, string> = {}, method = "GET") {
  return new Promise<{ status: number; headers: IncomingMessage["headers"]; body: Buffer }>((resolve, reject) =>
    request(`${base}${urlPath}`, { method, headers }, async (res) => {
      const chunks: Buffer[] = [];
      for await (const c of res) chunks.push(c as Buffer);
      resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) });
    })
      .on("error", reject)
      .end(),
  );
}

describe("the build's scripts and stylesheets, compressed once", () => {
  it("sends a script brotli-compressed, gzipped or plain, as the client accepts, cached for good", async () => {
    const asBrowsers = { "accept-encoding": "gzip, deflate, br" };
    // The first visitor does not wait for brotli's best: gzip, until brotli is done.
    const first = await fetchRaw("/_next/static/chunks/0abc.js", asBrowsers);
    expect(first.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(first.body).toString()).toBe(script);
    const br = await vi.waitFor(
      async () => {
        const res = await fetchRaw("/_next/static/chunks/0abc.js", asBrowsers);
        expect(res.headers["content-encoding"]).toBe("br");
        return res;
      },
      { timeout: 10_000, interval: 50 },
    );
    expect(br.status).toBe(200);
    expect(brotliDecompressSync(br.body).toString()).toBe(script);
    expect(br.headers["content-type"]).toBe("application/javascript; charset=utf-8");
    expect(br.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(br.headers.vary).toBe("Accept-Encoding");
    expect(Number(br.headers["content-length"])).toBe(br.body.length);
    // The security headers every answer of the front carries.
    expect(br.headers["x-content-type-options"]).toBe("nosniff");

    const gz = await fetchRaw("/_next/static/chunks/0abc.js", { "accept-encoding": "gzip, deflate" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.body).toString()).toBe(script);
    expect(br.body.length).toBeLessThan(gz.body.length);

    const preferGzip = await fetchRaw("/_next/static/chunks/0abc.js", { "accept-encoding": "br;q=0.5, gzip" });
    expect(preferGzip.headers["content-encoding"]).toBe("gzip");

    const plain = await fetchRaw("/_next/static/chunks/0abc.js");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString()).toBe(script);

    const css = await fetchRaw("/_next/static/chunks/1def.css", { "accept-encoding": "gzip" });
    expect(css.headers["content-type"]).toBe("text/css; charset=utf-8");
    expect(gunzipSync(css.body).toString()).toBe("body{color:red}");
    expect(passedOn).toEqual([]);
  });

  it("keeps the first copy: a built file's name changes whenever its contents do", async () => {
    writeFileSync(path.join(root, "chunks", "0abc.js"), "changed on disk");
    const again = await fetchRaw("/_next/static/chunks/0abc.js", { "accept-encoding": "gzip" });
    expect(gunzipSync(again.body).toString()).toBe(script);
  });

  it("answers HEAD with the headers alone", async () => {
    const head = await fetchRaw("/_next/static/chunks/1def.css", { "accept-encoding": "gzip" }, "HEAD");
    expect(head.status).toBe(200);
    expect(head.headers["content-encoding"]).toBe("gzip");
    expect(head.body.length).toBe(0);
  });

  it("leaves Next.js everything else: missing files, other types, paths that climb out, other methods", async () => {
    passedOn.length = 0;
    const paths = [
      "/_next/static/chunks/missing.js",
      "/_next/static/chunks/icon.png",
      "/_next/static/../outside.js",
      "/_next/static/chunks/%2e%2e/%2e%2e/outside.js",
      "/_next/static//chunks/0abc.js",
      "/status/whatsapp",
    ];
    for (const p of paths) {
      const res = await fetchRaw(p);
      expect(res.status, p).toBe(404);
      expect(res.body.toString(), p).toBe("from next");
    }
    expect((await fetchRaw("/_next/static/chunks/1def.css", {}, "POST")).body.toString()).toBe("from next");
    expect(passedOn).toHaveLength(paths.length + 1);
  });

  it("serves a file that appears after it was first asked for (a build still being written)", async () => {
    expect((await fetchRaw("/_next/static/chunks/late.js")).status).toBe(404);
    writeFileSync(path.join(root, "chunks", "late.js"), "late()");
    const res = await fetchRaw("/_next/static/chunks/late.js");
    expect(res.status).toBe(200);
    expect(res.body.toString()).toBe("late()");
  });
});
