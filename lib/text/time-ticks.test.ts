import { describe, expect, it } from "vitest";
import { timeTicks } from "./time-ticks";

function buckets(fromIso: string, minutes: number, count: number): string[] {
  const from = new Date(fromIso).getTime();
  return Array.from({ length: count }, (_, i) => new Date(from + i * minutes * 60_000).toISOString());
}
// Hours on the clock of whoever runs the tests: the ticks follow the viewer's time zone.
const clock = (iso: string) => {
  const d = new Date(iso);
  return { hour: d.getHours(), minute: d.getMinutes() };
};

describe("timeTicks", () => {
  it("labels a day of 15-minute buckets every six hours, on the hour", () => {
    const ticks = timeTicks(buckets("2026-11-29T05:15:00Z", 15, 96));
    expect(ticks).toHaveLength(4);
    for (const t of ticks) expect(clock(t)).toEqual({ hour: clock(t).hour, minute: 0 });
    expect(ticks.map((t) => clock(t).hour % 6)).toEqual([0, 0, 0, 0]);
  });

  it("uses every whole hour for a six-hour span", () => {
    const times = buckets("2026-11-29T09:05:00Z", 5, 72);
    const ticks = timeTicks(times);
    expect(ticks).toEqual(times.filter((t) => clock(t).minute === 0));
    expect(ticks).toHaveLength(6);
  });

  it("spaces points evenly when the span holds too few whole hours", () => {
    const times = buckets("2026-11-29T09:05:00Z", 1, 50);
    const ticks = timeTicks(times);
    expect(ticks.length).toBeGreaterThanOrEqual(2);
    expect(ticks.length).toBeLessThanOrEqual(6);
    expect(ticks[0]).toBe(times[0]);
    expect(new Set(ticks).size).toBe(ticks.length);
  });

  it("can place them on UTC hours instead, as the server does", () => {
    const ticks = timeTicks(buckets("2026-11-29T05:15:00Z", 15, 96), { utc: true });
    expect(ticks.map((t) => t.slice(11, 16))).toEqual(["06:00", "12:00", "18:00", "00:00"]);
  });

  it("keeps every point of a short series", () => {
    const times = buckets("2026-11-29T09:00:00Z", 15, 4);
    expect(timeTicks(times)).toEqual(times);
  });
});
