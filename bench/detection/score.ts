// Event-level scoring of alarms against the labelled outages and floods.
import type { Alarm, Detector } from "./detectors";
import { MINUTE, WEEK, type LabelledOutage, type Scenario } from "./scenario";

export interface Tally {
  events: number;
  truePositives: number;
  floodAlarms: number;
  /** Alarms during floods that rotate addresses and networks (no count-based rule can tell them apart). */
  rotatingFloodAlarms: number;
  falseAlarms: number;
  outages: number;
  detected: number;
  strict: number;
  strictDetected: number;
  delays: number[];
  /** Outages and found outages by where they happened (global, regional, isp, state). */
  byKind: Record<string, { outages: number; detected: number; strict: number; strictDetected: number }>;
  /** Alarm episodes overlapping each detected outage (1 = one incident per outage, more = it flapped). */
  episodes: number[];
  serviceWeeks: number;
}

export const emptyTally = (): Tally => ({
  events: 0,
  truePositives: 0,
  floodAlarms: 0,
  rotatingFloodAlarms: 0,
  falseAlarms: 0,
  outages: 0,
  detected: 0,
  strict: 0,
  strictDetected: 0,
  delays: [],
  byKind: {},
  episodes: [],
  serviceWeeks: 0,
});

const GRACE = 30 * MINUTE;
const overlaps = (a: Alarm, from: number, to: number) => a.start < to && a.end > from;

/** The outages the headline recall is about: ≥ 3× the usual rate, ≥ 15 minutes, ≥ 10 extra reporters in 15 minutes. */
export const isStrict = (o: LabelledOutage) =>
  o.effective >= 3 && o.end - o.start >= 15 * MINUTE && o.extraFirst15 >= 10;

export function score(scenario: Scenario, detector: Detector, tally: Tally): void {
  tally.serviceWeeks +=
    (scenario.services.length * (scenario.start + scenario.minutes * MINUTE - scenario.evalFrom)) / WEEK;
  for (const spec of scenario.services) {
    const alarms = detector(scenario, spec.id).filter((a) => a.end > scenario.evalFrom);
    const outages = scenario.outages.filter((o) => o.service === spec.id);
    const floods = scenario.floods.filter((f) => f.service === spec.id);
    for (const a of alarms) {
      if (a.start < scenario.evalFrom) continue;
      tally.events++;
      if (outages.some((o) => overlaps(a, o.start, o.end + GRACE))) tally.truePositives++;
      else if (floods.some((f) => !f.rotating && overlaps(a, f.start, f.end + GRACE))) tally.floodAlarms++;
      else if (floods.some((f) => f.rotating && overlaps(a, f.start, f.end + GRACE))) tally.rotatingFloodAlarms++;
      else tally.falseAlarms++;
    }
    for (const o of outages) {
      if (o.start < scenario.evalFrom) continue;
      const during = alarms.filter((a) => overlaps(a, o.start, o.end + 15 * MINUTE));
      const hit = during[0];
      tally.outages++;
      const kind = (tally.byKind[o.kind ?? "global"] ??= { outages: 0, detected: 0, strict: 0, strictDetected: 0 });
      kind.outages++;
      if (hit) kind.detected++;
      if (hit) {
        tally.detected++;
        tally.episodes.push(during.length);
      }
      if (isStrict(o)) {
        tally.strict++;
        kind.strict++;
        if (hit) kind.strictDetected++;
        if (hit) {
          tally.strictDetected++;
          tally.delays.push(Math.max(0, hit.start - o.start) / MINUTE);
        }
      }
    }
  }
}

const quantile = (values: number[], q: number) => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};

export function summarize(t: Tally) {
  const round = (x: number | null, d = 3) => (x === null ? null : Math.round(x * 10 ** d) / 10 ** d);
  return {
    precision: round(t.events ? t.truePositives / t.events : 1),
    recall: round(t.outages ? t.detected / t.outages : 0),
    recall_3x_15min: round(t.strict ? t.strictDetected / t.strict : 0),
    delay_p50_min: round(quantile(t.delays, 0.5), 1),
    delay_p90_min: round(quantile(t.delays, 0.9), 1),
    false_alarms_per_service_week: round(t.falseAlarms / t.serviceWeeks, 4),
    episodes_per_outage: round(t.episodes.length ? t.episodes.reduce((a, b) => a + b, 0) / t.episodes.length : 1),
    episodes_per_outage_p90: quantile(t.episodes, 0.9) ?? 1,
    recall_by_kind: Object.fromEntries(
      Object.entries(t.byKind).map(([k, v]) => [k, round(v.outages ? v.detected / v.outages : 0)]),
    ),
    /** recall_3x_15min by where the outage was, with how many such outages there were. */
    recall_3x_15min_by_kind: Object.fromEntries(
      Object.entries(t.byKind).map(([k, v]) => [
        k,
        { recall: round(v.strict ? v.strictDetected / v.strict : 0), outages: v.strict },
      ]),
    ),
    flood_alarms: t.floodAlarms,
    rotating_flood_alarms: t.rotatingFloodAlarms,
    alarm_events: t.events,
    outages: t.outages,
    outages_3x_15min: t.strict,
    service_weeks: round(t.serviceWeeks, 1),
  };
}
