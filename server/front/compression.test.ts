import { get, type IncomingMessage, type ServerResponse } from "node:http";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listenFrontWithout } from "@/test/front";

// What Next.js does for a route handler: headers copied with appendHeader, then the body streamed
// after the headers were flushed.
function routeHandlerLike(req: IncomingMessage, res: ServerResponse) {
  const body = JSON.stringify({
    items: Array.from({ length: 200 }, (_, i) => ({ slug: `service-${i}`, level: "ok" })),
  });
  res.statusCode = 200;
  res.appendHeader("content-type", "application/json");
  res.appendHeader("vary", "rsc");
  if (req.url === "/small") return void res.end("{}"); // known to be small before anything is sent
  res.flushHeaders();
  res.write(body);
  res.end();
}

let base = "";
let close = async () => {};
beforeAll(async () => {
  ({ base, close } = await listenFrontWithout(routeHandlerLike));
});
afterAll(() => close());

function fetchRaw(path: string, acceptEncoding: string) {
  return new Promise<{ headers: IncomingMessage["headers"]; body: Buffer }>((resolve, reject) =>
    get(`${base}${path}`, { headers: { "accept-encoding": acceptEncoding } }, async (res) => {
      const chunks: Buffer[] = [];
      for await (const c of res) chunks.push(c as Buffer);
      resolve({ headers: res.headers, body: Buffer.concat(chunks) });
    }).on("error", reject),
  );
}

describe("the front's compression", () => {
  it("compresses what Next.js route handlers send (JSON, SVG, feeds), which Next.js itself never did", async () => {
    const { headers, body } = await fetchRaw("/api/v1/services", "gzip");
    expect(headers["content-encoding"]).toBe("gzip");
    expect(headers.vary).toMatch(/Accept-Encoding/);
    expect(JSON.parse(gunzipSync(body).toString()).items).toHaveLength(200);
  });

  it("leaves small answers and clients that do not ask for it alone", async () => {
    expect((await fetchRaw("/small", "gzip")).headers["content-encoding"]).toBeUndefined();
    const plain = await fetchRaw("/api/v1/services", "identity");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(JSON.parse(plain.body.toString()).items).toHaveLength(200);
  });
});
