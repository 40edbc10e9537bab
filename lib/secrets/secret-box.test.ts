import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { deploymentKey, keyFile } from "./key-file";
import { secretBox } from "./secret-box";

describe("secret box", () => {
  const key = randomBytes(32);
  const box = secretBox(key, "webhook-secret");

  it("seals so the stored value shows nothing, and opens it again", () => {
    const sealed = box.seal("whsec_abc123");
    expect(sealed).not.toContain("whsec_abc123");
    expect(box.isSealed(sealed)).toBe(true);
    expect(box.open(sealed)).toBe("whsec_abc123");
    // A fresh nonce each time: equal secrets do not look equal in a dump.
    expect(box.seal("whsec_abc123")).not.toBe(sealed);
  });

  it("refuses a value sealed with another key, for another purpose, or changed", () => {
    const sealed = box.seal("whsec_abc123");
    expect(() => secretBox(randomBytes(32), "webhook-secret").open(sealed)).toThrow();
    expect(() => secretBox(key, "reporter-secret").open(sealed)).toThrow();
    const last = sealed.at(-1) === "A" ? "B" : "A";
    expect(() => box.open(sealed.slice(0, -1) + last)).toThrow();
  });

  it("passes through a secret stored before sealing existed", () => {
    expect(box.isSealed("whsec_legacy")).toBe(false);
    expect(box.open("whsec_legacy")).toBe("whsec_legacy");
  });

  it("needs a 32-byte key", () => {
    expect(() => secretBox(randomBytes(16), "x")).toThrow(/32-byte/);
  });
});

describe("key file", () => {
  it("makes a key on first use, readable by its owner only, and returns the same one after", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "keys-"));
    try {
      const first = keyFile(path.join(dir, "nested"), "webhook-secret");
      expect(first).toHaveLength(32);
      expect(statSync(path.join(dir, "nested", "webhook-secret.key")).mode & 0o777).toBe(0o600);
      expect(keyFile(path.join(dir, "nested"), "webhook-secret").equals(first)).toBe(true);
      expect(keyFile(path.join(dir, "nested"), "other").equals(first)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("deployment keys", () => {
  const opts = { variable: "WEBHOOK_SECRET_KEY", why: "instances must agree", dir: tmpdir(), name: "unused" };
  it("takes the environment's, generates one for the embedded database, and demands one for a server", () => {
    const given = randomBytes(32);
    expect(deploymentKey({ ...opts, configured: given, serverDatabase: true })).toBe(given);
    expect(() => deploymentKey({ ...opts, configured: undefined, serverDatabase: true })).toThrow(
      "WEBHOOK_SECRET_KEY is required with DATABASE_URL: instances must agree",
    );
    const dir = mkdtempSync(path.join(tmpdir(), "keys-"));
    try {
      expect(deploymentKey({ ...opts, dir, configured: undefined, serverDatabase: false })).toHaveLength(32);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
