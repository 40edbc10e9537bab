import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";
import { bootstrapToken, bootstrapTokenFile } from "./bootstrap-token";

const dir = mkdtempSync(path.join(tmpdir(), "bootstrap-token-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the bootstrap admin token", () => {
  it("is ADMIN_TOKEN when set", () => {
    const token = "an-admin-token-of-at-least-thirty-two-chars";
    expect(bootstrapToken(parseConfig({ ADMIN_TOKEN: token, SECRETS_DIR: dir }))).toBe(token);
  });

  it("is made once for the embedded database, kept beside it for this user only", () => {
    const cfg = parseConfig({ SECRETS_DIR: dir });
    const token = bootstrapToken(cfg)!;
    expect(token).toMatch(/^[\w-]{43}$/);
    expect(bootstrapToken(cfg)).toBe(token);
    expect(statSync(bootstrapTokenFile(cfg)!).mode & 0o777).toBe(0o600);
  });

  it("is never made for a Postgres server: administration waits for ADMIN_TOKEN there", () => {
    const cfg = parseConfig({
      DATABASE_URL: "postgres://postgres@127.0.0.1:5432/test",
      SECRETS_DIR: dir,
      WEBHOOK_SECRET_KEY: "0".repeat(64),
      REPORTER_SECRET: "0".repeat(64),
    });
    expect(bootstrapToken(cfg)).toBeUndefined();
  });
});
