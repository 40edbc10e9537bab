import { describe, expect, it } from "vitest";
import { scoreStream } from "./stream";

const START = Date.UTC(2026, 0, 1);
const series = (n: number, binMinutes: number, value: (i: number) => number) =>
  Array.from({ length: n }, (_, i) => ({ t: START + i * binMinutes * 60_000, value: value(i) }));

describe("scoreStream (the CSV tool's detector)", () => {
  const rows = series(12 * 24 * 8, 5, (i) => (i % 3) + (i >= 2000 && i < 2012 ? 45 : 0));
  const out = [...scoreStream(rows)];

  it("scores every row in [0, 1], ≥ 0.5 exactly while in alarm, and flags the surge", () => {
    expect(out).toHaveLength(rows.length);
    for (const r of out) {
      expect(r.anomalyScore).toBeGreaterThanOrEqual(0);
      expect(r.anomalyScore).toBeLessThanOrEqual(1);
      expect(r.anomalyScore >= 0.5).toBe(r.inAlarm);
    }
    const alarmed = out.map((r, i) => (r.inAlarm ? i : -1)).filter((i) => i >= 0);
    expect(alarmed[0]).toBeGreaterThanOrEqual(2000);
    expect(alarmed[0]).toBeLessThanOrEqual(2002);
    expect(alarmed.every((i) => i >= 2000 && i < 2012 + 12)).toBe(true);
  });

  it("uses only the rows before and at each row", () => {
    const prefix = [...scoreStream(rows.slice(0, 2005))];
    expect(prefix).toEqual(out.slice(0, 2005));
  });

  it("combines rows that fall in the same minute and rejects time going backwards", () => {
    const sub = [...scoreStream(series(6, 0.5, () => 1))];
    expect(sub).toHaveLength(6);
    expect(() => [
      ...scoreStream([
        { t: START + 60_000, value: 1 },
        { t: START, value: 1 },
      ]),
    ]).toThrow(/backwards/);
  });
});
