import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseCsvRow, parseTimestamp } from "./csv-row";

describe("detect:csv rows", () => {
  it("reads timestamps with or without a zone, and epoch seconds or milliseconds", () => {
    const utc = Date.UTC(2015, 1, 26, 21, 42, 53);
    expect(parseTimestamp("2015-02-26 21:42:53")).toBe(utc);
    expect(parseTimestamp("2015-02-26T21:42:53Z")).toBe(utc);
    expect(parseTimestamp("2015-02-26T23:42:53+02:00")).toBe(utc);
    expect(parseTimestamp("2015-02-26 22:42:53+0100")).toBe(utc);
    expect(parseTimestamp(String(utc / 1000))).toBe(utc);
    expect(parseTimestamp(String(utc))).toBe(utc);
    expect(parseTimestamp("yesterday")).toBeNaN();
    expect(parseTimestamp("2015-02-30x")).toBeNaN();
  });

  it("accepts gaps and repeated timestamps, and says what is wrong with a bad row", () => {
    const t = Date.UTC(2015, 1, 26);
    expect(parseCsvRow(["2015-02-26 00:00:00", "3"], t)).toEqual({ ok: true, t, count: 3 });
    expect(parseCsvRow(["2015-02-27 00:00:00", "0"], t)).toMatchObject({ ok: true, count: 0 });
    expect(parseCsvRow(["2015-02-26", "x"], null)).toEqual({
      ok: false,
      error: expect.stringMatching(/"x" is not a count/),
    });
    expect(parseCsvRow(["2015-02-26", "-1"], null)).toMatchObject({ ok: false });
    expect(parseCsvRow(["2015-02-26", ""], null)).toMatchObject({ ok: false });
    expect(parseCsvRow(["noon", "1"], null)).toEqual({
      ok: false,
      error: expect.stringMatching(/"noon" is not a timestamp/),
    });
    expect(parseCsvRow(["2015-02-26"], null)).toEqual({ ok: false, error: expect.stringMatching(/timestamp,value/) });
    expect(parseCsvRow(["2015-02-25 23:00:00", "1"], t)).toEqual({
      ok: false,
      error: expect.stringMatching(/time order/),
    });
  });
});

describe("npm run detect:csv", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "detect-csv-"));
  const cli = (file: string, body: string) => {
    writeFileSync(path.join(dir, file), body);
    return spawnSync(
      process.execPath,
      ["--import", "tsx", "scripts/detect-csv.ts", path.join(dir, file), path.join(dir, `out-${file}`)],
      {
        encoding: "utf8",
        env: { ...process.env, TSX_TSCONFIG_PATH: "tsconfig.server.json" },
      },
    );
  };

  it("scores a series with gaps, a zone and repeated timestamps, one output row per input row", () => {
    const r = cli(
      "ok.csv",
      "timestamp,value\n2015-02-26T21:42:53Z,4\n2015-02-26 21:47:53,4\n2015-02-26 21:47:53,1\n2015-02-27 09:00:00+01:00,2\n",
    );
    expect(r.status).toBe(0);
    const out = readFileSync(path.join(dir, "out-ok.csv"), "utf8").trim().split("\n");
    expect(out[0]).toBe("timestamp,value,anomaly_score");
    expect(out.slice(1).map((l) => l.split(",")[1])).toEqual(["4", "4", "1", "2"]);
  });

  it("names the line of a bad row and writes nothing", () => {
    const r = cli("bad.csv", "timestamp,value\n2015-02-26 21:42:53,4\n\n2015-02-26 22:47:53,abc\n");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('bad.csv line 4: "abc" is not a count');
    expect(existsSync(path.join(dir, "out-bad.csv"))).toBe(false);
  });
});
