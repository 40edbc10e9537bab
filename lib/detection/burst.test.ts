import { describe, expect, it } from "vitest";
import { burstBar, burstSpread, emptyEnvelope, observeBurst } from "./burst";
import { createDetector, stepMinute, type DetectorState } from "./detector";
import { DEFAULT_PARAMS as P } from "./params";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const MONDAY = Date.UTC(2026, 0, 5);

/** Feeds the same window scores every 5 minutes for `samples` samples. */
function feed(scores: (i: number) => number[], samples: number) {
  let e = emptyEnvelope(P);
  for (let i = 0; i < samples; i++) e = observeBurst(e, MONDAY + i * 5 * MINUTE, () => scores(i), P);
  return e;
}

describe("burst envelope", () => {
  it("settles its level near the chosen quantile of the scores", () => {
    // Scores 0..99 in turn: the 99th percentile is about 98.
    const e = feed((i) => [i % 100, i % 100, i % 100], 40_000);
    expect(e.level[0]).toBeGreaterThan(90);
    expect(e.level[0]).toBeLessThanOrEqual(100);
  });

  it("learns samples an hour late and ignores minutes off the 5-minute grid", () => {
    let e = emptyEnvelope(P);
    for (let i = 0; i < 12; i++) e = observeBurst(e, MONDAY + i * 5 * MINUTE, () => [50, 50, 50], P);
    expect(e.level).toEqual(emptyEnvelope(P).level);
    const offGrid = observeBurst(e, MONDAY + 61 * MINUTE, () => [50, 50, 50], P);
    expect(offGrid).toBe(e);
    const learnt = observeBurst(e, MONDAY + 60 * MINUTE, () => [0, 0, 0], P);
    expect(learnt.level[0]).toBeGreaterThan(e.level[0]!);
  });

  it("raises the bar of a service with frequent short bursts, and censors a long outage", () => {
    // A short burst (two samples at 30) every 6 hours on a quiet score of 0.5.
    const bursty = feed((i) => (i % 72 < 2 ? [30, 30, 30] : [0.5, 0.5, 0.5]), 30 * 288);
    const calm = feed(() => [0.5, 0.5, 0.5], 30 * 288);
    expect(burstBar(bursty, 0, P.possible.burstReach, P)).toBeGreaterThan(25);
    expect(burstBar(calm, 0, P.possible.burstReach, P)).toBeLessThan(P.possible.score);
    // The same excess sustained for six hours moves the spread far less than repeated short bursts.
    const outage = feed((i) => (i >= 100 && i < 172 ? [30, 30, 30] : [0.5, 0.5, 0.5]), 300);
    expect(burstSpread(outage, 0, P)).toBeLessThan(P.burstCensorReach * P.burstSpreadInitial);
  });

  it("makes the detector ask more of a bursty service than of a calm one", () => {
    // Two services at 2 reporters a minute; one has a 6× burst of 20 minutes every day.
    const run = (burst: (m: number) => boolean, days: number) => {
      let s: DetectorState = createDetector(P);
      const raised: number[] = [];
      for (let m = 0; m < days * 1440; m++) {
        const reporters = burst(m) ? 12 : m % 2 === 0 ? 2 : 3;
        const r = stepMinute(s, { t: MONDAY + m * MINUTE, reporters, networks: reporters }, 150, P);
        s = r.state;
        if (r.evaluation.transition === "raised") raised.push(m);
      }
      return raised;
    };
    const daily = (m: number) => m % 1440 >= 600 && m % 1440 < 620;
    const bursty = run(daily, 28).filter((m) => m >= 21 * 1440);
    const calmThenBurst = run((m) => m >= 27 * 1440 && daily(m), 28).filter((m) => m >= 21 * 1440);
    expect(bursty).toHaveLength(0);
    expect(calmThenBurst).toHaveLength(1);
    expect(DAY).toBe(1440 * MINUTE);
  });

  it("still raises a surge on a bursty service once it has lasted longer than any burst", () => {
    // A service with a 20-minute burst of 8× every day, then 2 hours at 3× its usual rate: each
    // window of the surge stays under the bar its bursts set, but none of its bursts lasts 45 minutes.
    const run = (days: number, surge: (m: number) => boolean) => {
      let s: DetectorState = createDetector(P);
      const raised: number[] = [];
      for (let m = 0; m < days * 1440; m++) {
        const usual = m % 2 === 0 ? 2 : 3;
        const reporters = m % 1440 >= 600 && m % 1440 < 620 ? 20 : surge(m) ? 3 * usual : usual;
        const r = stepMinute(s, { t: MONDAY + m * MINUTE, reporters, networks: reporters }, 150, P);
        s = r.state;
        if (r.evaluation.transition === "raised") raised.push(m);
      }
      return raised.filter((m) => m >= 21 * 1440);
    };
    const begin = 27 * 1440 + 900;
    const raised = run(28, (m) => m >= begin && m < begin + 120);
    expect(raised).toHaveLength(1);
    expect(raised[0]).toBeGreaterThanOrEqual(begin + P.sustainMinutes - 1);
    expect(raised[0]).toBeLessThan(begin + 60);
  });
});
