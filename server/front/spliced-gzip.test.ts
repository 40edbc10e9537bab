import { randomBytes } from "node:crypto";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { filled, filledGzip, withHoles } from "./spliced-gzip";

describe("spliced gzip", () => {
  const page = (nonce: string) =>
    `<html><script nonce="${nonce}">a()</script>${"<li>Is it down?</li>".repeat(5000)}<script nonce="${nonce}">b()</script></html>`;

  it("gives, for any fill, exactly the bytes of the text with that fill, as valid gzip", () => {
    const hole = randomBytes(16).toString("base64");
    const text = withHoles(page(hole), hole);
    for (const nonce of [randomBytes(16).toString("base64"), "", "x".repeat(300)]) {
      expect(filled(text, nonce).toString()).toBe(page(nonce));
      expect(gunzipSync(filledGzip(text, nonce)).toString()).toBe(page(nonce));
    }
  });

  it("compresses like gzip does", () => {
    const text = withHoles(page("N"), "N");
    expect(filledGzip(text, "abc").length).toBeLessThan(page("abc").length / 20);
  });

  it("handles holes at either end, side by side, and none at all", () => {
    for (const t of ["HOLEabcHOLE", "HOLEHOLE", "no holes here", ""]) {
      const text = withHoles(t, "HOLE");
      expect(gunzipSync(filledGzip(text, "42")).toString()).toBe(t.replaceAll("HOLE", "42"));
    }
  });
});
