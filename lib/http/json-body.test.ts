import { describe, expect, it } from "vitest";
import { readJsonBody } from "./json-body";

const post = (body: BodyInit, type = "application/json", headers: Record<string, string> = {}) =>
  new Request("http://localhost/x", { method: "POST", body, headers: { "content-type": type, ...headers } });

describe("readJsonBody", () => {
  it("parses JSON", async () => {
    expect(await readJsonBody(post('{"a":1}'))).toEqual({ ok: true, value: { a: 1 } });
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

  it("stops reading past the limit, whatever Content-Length claims", async () => {
    expect(await readJsonBody(post(`"${"a".repeat(5000)}"`))).toMatchObject({ ok: false, status: 413 });
    const stream = new ReadableStream({
      pull(controller) {
        controller.enqueue(new TextEncoder().encode("a".repeat(1024)));
      },
    });
    const request = new Request("http://localhost/x", {
      method: "POST",
      body: stream,
      headers: { "content-type": "application/json" },
      duplex: "half",
    } as RequestInit);
    expect(await readJsonBody(request, 4096)).toMatchObject({ ok: false, status: 413 });
  });
});
