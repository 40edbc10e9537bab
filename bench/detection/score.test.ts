import { describe, expect, it } from "vitest";
import type { Detector } from "./detectors";
import { MINUTE, WEEK, type Scenario } from "./scenario";
import { emptyTally, score, summarize } from "./score";
import { pickThreshold } from "./tuning";

const START = Date.UTC(2026, 0, 5);
const scenario = {
  start: START,
  minutes: 7 * 24 * 60,
  evalFrom: START,
  services: [{ id: 0, category: "social", basePerHour: 10, kind: "medium" }],
  reporters: [],
  networks: [],
  outages: [
    // Strict: 5× for an hour with 40 extra reporters in its first 15 minutes.
    {
      service: 0,
      start: START + 100 * MINUTE,
      end: START + 160 * MINUTE,
      magnitude: 5,
      share: 1,
      effective: 5,
      extraFirst15: 40,
    },
    // Small: missed.
    {
      service: 0,
      start: START + 1000 * MINUTE,
      end: START + 1010 * MINUTE,
      magnitude: 2,
      share: 1,
      effective: 2,
      extraFirst15: 3,
    },
  ],
  floods: [{ service: 0, start: START + 2000 * MINUTE, end: START + 2030 * MINUTE, networks: 1, perMinute: 50 }],
} as unknown as Scenario;

const at = (from: number, to: number) => ({ start: START + from * MINUTE, end: START + to * MINUTE });

describe("detection benchmark scoring", () => {
  it("counts found outages, delay, flapping, flood and false alarms by their definitions", () => {
    // Two episodes on the strict outage (found 4 minutes late, flapped once), one during the flood,
    // one long after everything (false).
    const alarms: Detector = () => [at(104, 130), at(140, 170), at(2005, 2020), at(5000, 5030)];
    const tally = emptyTally();
    score(scenario, alarms, tally);
    const s = summarize(tally);
    expect(s.outages).toBe(2);
    expect(s.recall).toBe(0.5);
    expect(s.recall_3x_15min).toBe(1);
    expect(s.delay_p50_min).toBe(4);
    expect(s.episodes_per_outage).toBe(2);
    expect(s.flood_alarms).toBe(1);
    expect(s.alarm_events).toBe(4);
    expect(s.precision).toBe(0.5);
    expect(s.false_alarms_per_service_week).toBeCloseTo(1 / ((7 * 24 * 60 * MINUTE) / WEEK), 4);
  });

  it("scores a silent detector as finding nothing and raising nothing", () => {
    const tally = emptyTally();
    score(scenario, () => [], tally);
    const s = summarize(tally);
    expect(s.recall).toBe(0);
    expect(s.precision).toBe(1);
    expect(s.false_alarms_per_service_week).toBe(0);
    expect(s.delay_p50_min).toBeNull();
  });
});

describe("tuning a comparison rule fairly", () => {
  it("takes the best recall within the false-alarm target, else the fewest false alarms", () => {
    const c = (threshold: number, r: number, fa: number) => ({
      threshold,
      recall_3x_15min: r,
      false_alarms_per_service_week: fa,
    });
    expect(pickThreshold([c(5, 1, 3), c(10, 0.9, 0.09), c(20, 0.8, 0.01)])).toBe(10);
    expect(pickThreshold([c(5, 1, 3), c(10, 0.9, 0.5)])).toBe(10);
    expect(pickThreshold([c(10, 0.9, 0.05), c(20, 0.9, 0.01)])).toBe(20);
  });
});
