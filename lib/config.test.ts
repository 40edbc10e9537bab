import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { CONFIG_VARIABLES, parseConfig } from "./config";

describe("environment", () => {
  it("has working defaults: embedded database, demo on, one process", () => {
    const c = parseConfig({});
    expect(c).toMatchObject({ PORT: 3000, demo: true, WEB_CONCURRENCY: 1, REPORT_COOLDOWN_MINUTES: 60 });
    expect(c.DATABASE_URL).toBeUndefined();
  });

  it("treats an empty value as unset, and a server turns the demo off unless asked", () => {
    expect(parseConfig({ DATABASE_URL: "" }).demo).toBe(true);
    expect(parseConfig({ DATABASE_URL: "postgres://x@127.0.0.1/db" }).demo).toBe(false);
    expect(parseConfig({ DATABASE_URL: "postgres://x@127.0.0.1/db", DEMO: "on" }).demo).toBe(true);
  });

  it("refuses bad values, naming the variable", () => {
    expect(() => parseConfig({ PORT: "eighty" })).toThrow(/PORT/);
    expect(() => parseConfig({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL/);
    expect(() => parseConfig({ DEMO_SCENARIO: "mars" })).toThrow(/DEMO_SCENARIO/);
    expect(() => parseConfig({ WEB_CONCURRENCY: "2" })).toThrow(/WEB_CONCURRENCY.*DATABASE_URL/s);
    expect(parseConfig({ WEB_CONCURRENCY: "2", DATABASE_URL: "postgres://x@127.0.0.1/db" }).WEB_CONCURRENCY).toBe(2);
  });
});

describe("trusted proxies in the environment", () => {
  it("reads a list of ranges, addresses and named ranges, with X-Forwarded-For by default", () => {
    const cfg = parseConfig({ TRUSTED_PROXIES: "10.0.0.0/8, 192.0.2.1,loopback, fd00::/8" });
    expect(cfg.TRUSTED_PROXIES).toEqual(["10.0.0.0/8", "192.0.2.1", "loopback", "fd00::/8"]);
    expect(cfg.CLIENT_IP_HEADER).toBeUndefined();
  });

  it("names an entry that is not an address or range", () => {
    expect(() => parseConfig({ TRUSTED_PROXIES: "10.0.0.0/8,proxy.example" })).toThrow(
      /TRUSTED_PROXIES.*"proxy.example" is not a CIDR/,
    );
    expect(() => parseConfig({ TRUSTED_PROXIES: "10.0.0.0/40" })).toThrow(/"10.0.0.0\/40"/);
  });

  it("refuses a client-address header nobody is trusted to set", () => {
    expect(() => parseConfig({ CLIENT_IP_HEADER: "x-forwarded-for" })).toThrow(
      /CLIENT_IP_HEADER: needs TRUSTED_PROXIES/,
    );
    expect(parseConfig({ CLIENT_IP_HEADER: "X-Real-IP", TRUSTED_PROXIES: "loopback" }).CLIENT_IP_HEADER).toBe(
      "x-real-ip",
    );
  });
});

describe("the webhook key", () => {
  it("takes 32 bytes as hex or base64, and says what it needs otherwise", () => {
    expect(parseConfig({ WEBHOOK_SECRET_KEY: "ab".repeat(32) }).WEBHOOK_SECRET_KEY).toHaveLength(32);
    expect(parseConfig({ WEBHOOK_SECRET_KEY: Buffer.alloc(32, 7).toString("base64") }).WEBHOOK_SECRET_KEY).toHaveLength(
      32,
    );
    expect(() => parseConfig({ WEBHOOK_SECRET_KEY: "short" })).toThrow(/WEBHOOK_SECRET_KEY: must be 32 random bytes/);
  });
});

describe("read replicas in the environment", () => {
  const primary = "postgres://x@127.0.0.1/db";

  it("reads a list of replica URLs, keeping their case, with a 5 s lag bound by default", () => {
    const cfg = parseConfig({
      DATABASE_URL: primary,
      DATABASE_REPLICA_URL: "postgres://Reader:PassWord@10.0.0.2/db, postgresql://10.0.0.3:5433/db",
    });
    expect(cfg.DATABASE_REPLICA_URL).toEqual([
      "postgres://Reader:PassWord@10.0.0.2/db",
      "postgresql://10.0.0.3:5433/db",
    ]);
    expect(cfg.DATABASE_REPLICA_MAX_LAG_MS).toBe(5_000);
  });

  it("needs a primary server, and says which URL is not one", () => {
    expect(() => parseConfig({ DATABASE_REPLICA_URL: "postgres://10.0.0.2/db" })).toThrow(
      /DATABASE_REPLICA_URL: needs DATABASE_URL/,
    );
    expect(() => parseConfig({ DATABASE_URL: primary, DATABASE_REPLICA_URL: "postgres://a/db,redis://b" })).toThrow(
      /DATABASE_REPLICA_URL.*postgres:\/\//s,
    );
    expect(() => parseConfig({ DATABASE_URL: primary, DATABASE_REPLICA_MAX_LAG_MS: "5" })).toThrow(
      /DATABASE_REPLICA_MAX_LAG_MS/,
    );
  });
});

describe("the configuration's documentation", () => {
  const root = path.resolve(import.meta.dirname, "..");

  it("README.md's table names every variable", () => {
    const readme = readFileSync(path.join(root, "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("## Configuration"), readme.indexOf("## Abuse resistance"));
    expect(CONFIG_VARIABLES.filter((name) => !section.includes(`\`${name}\``))).toEqual([]);
  });

  it("deploy/env.example is a valid configuration of known variables", () => {
    const lines = readFileSync(path.join(root, "deploy/env.example"), "utf8")
      .split("\n")
      .filter((line) => line.trim() && !line.startsWith("#"));
    const env = Object.fromEntries(
      lines.map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
    );
    expect(Object.keys(env).filter((name) => !CONFIG_VARIABLES.includes(name))).toEqual([]);
    expect(parseConfig(env).DATABASE_REPLICA_URL).toHaveLength(2);
  });
});
