import { describe, expect, it } from "vitest";
import { parseConfig } from "./config";

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
