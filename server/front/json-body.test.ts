import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { readJsonBody, type BodySource } from "./json-body";

const post = (body: string | Uint8Array | Iterable<Uint8Array>, type = "application/json", headers = {}): BodySource =>
  Object.assign(Readable.from(typeof body === "string" || body instanceof Uint8Array ? [body] : body), {
    headers: { "content-type": type, ...headers },
  });

describe("readJsonBody", () => {
  it("parses JSON", async () => {
    expect(await readJsonBody(post('{"a":1}'))).toEqual({ ok: true, value: { a: 1 } });
    expect(await readJsonBody(post('{"a":1}', "application/merge-patch+json"))).toMatchObject({ ok: true });
  });

  it("refuses other media types, bad JSON and invalid UTF-8", async () => {
    expect(await readJsonBody(post("{}", "text/plain"))).toMatchObject({ ok: false, status: 415 });
    expect(await readJsonBody(post("{nope"))).toMatchObject({
      ok: false,
      status: 400,
      message: "body is not valid JSON",
    });
    expect(await readJsonBody(post(new Uint8Array([0x7b, 0xff, 0x7d])))).toMatchObject({
      ok: false,
      status: 400,
      message: "body is not valid UTF-8",
    });
  });

  it("refuses a body that says it is too big without reading it", async () => {
    expect(await readJsonBody(post("{}", "application/json", { "content-length": "999999" }))).toMatchObject({
      ok: false,
      status: 413,
    });
  });

  it("stops reading past the limit, whatever Content-Length claims", async () => {
    let produced = 0;
    function* endless() {
      for (;;) {
        produced++;
        yield new TextEncoder().encode("a".repeat(1024));
      }
    }
    expect(await readJsonBody(post(endless(), "application/json", { "content-length": "10" }), 4096)).toMatchObject({
      ok: false,
      status: 413,
    });
    expect(produced).toBeLessThan(10);
  });
});
