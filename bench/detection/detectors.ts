// The detectors the benchmark compares: ours, and two simple rules people often start with.
import { createDetector, stepMinute } from "@/lib/detection/detector";
import { CATEGORY_PRIOR_PER_HOUR, type DetectorParams } from "@/lib/detection/params";
import { MINUTE, type Scenario } from "./scenario";

export interface Alarm {
  start: number;
  end: number;
}
export type Detector = (scenario: Scenario, service: number) => Alarm[];

/** Turns a per-minute "in alarm" signal into intervals. */
function intervals(scenario: Scenario, alarmAt: (m: number) => boolean): Alarm[] {
  const out: Alarm[] = [];
  let open: number | null = null;
  for (let m = 0; m < scenario.minutes; m++) {
    const on = alarmAt(m);
    const t = scenario.start + m * MINUTE;
    if (on && open === null) open = t;
    if (!on && open !== null) {
      out.push({ start: open, end: t });
      open = null;
    }
  }
  if (open !== null) out.push({ start: open, end: scenario.start + scenario.minutes * MINUTE });
  return out;
}

/** The whole service's reporters and expectation per minute, which a regional detector compares itself with. */
interface ParentSeries {
  reporters: Int32Array;
  expected: Float64Array;
}

/** Minutes in alarm of one detector over one series, and its expectation per minute. */
function alarmedMinutes(
  scenario: Scenario,
  rep: Int32Array,
  net: Int32Array,
  prior: number,
  params: DetectorParams,
  from = 0,
  shared?: Float32Array,
  parent?: ParentSeries,
) {
  let state = createDetector(params);
  const levels = new Uint8Array(scenario.minutes);
  const expected = new Float64Array(scenario.minutes);
  const keep = Math.max(...params.windows);
  for (let m = from; m < scenario.minutes; m++) {
    const r = stepMinute(
      state,
      {
        t: scenario.start + m * MINUTE,
        reporters: rep[m]!,
        networks: net[m]!,
        ...(shared ? { shared: shared[m]! } : {}),
        // The service's detector's last hour, as its state holds it: nothing before it started.
        ...(parent
          ? {
              parent: {
                recent: parent.reporters.subarray(Math.max(from, m - keep + 1), m + 1),
                expected: parent.expected.subarray(Math.max(from, m - keep + 1), m + 1),
              },
            }
          : {}),
      },
      prior,
      params,
    );
    state = r.state;
    levels[m] = r.evaluation.level === "ok" ? 0 : 1;
    expected[m] = r.evaluation.expectedPerMinute;
  }
  return { levels, expected };
}

/** As the tick runs it: the service-wide detector, and one per region with a series of its own; the service is alarmed when any is. */
export function ours(params: DetectorParams): Detector {
  return (scenario, service) => {
    const prior = CATEGORY_PRIOR_PER_HOUR[scenario.services[service]!.category];
    // A service added to the catalog later gets its detector then, with no history: the cold start.
    const from = Math.max(0, ((scenario.bornAt?.[service] ?? scenario.start) - scenario.start) / MINUTE);
    const whole = alarmedMinutes(
      scenario,
      scenario.reporters[service]!,
      scenario.networks[service]!,
      prior,
      params,
      from,
      scenario.shared?.[service],
    );
    const levels = whole.levels;
    const region = scenario.regional?.[service];
    if (region) {
      const own = alarmedMinutes(
        scenario,
        region.reporters,
        region.networks,
        prior / region.priorDivisor,
        params,
        from,
        undefined,
        { reporters: scenario.reporters[service]!, expected: whole.expected },
      ).levels;
      for (let m = 0; m < levels.length; m++) levels[m] = levels[m]! | own[m]!;
    }
    return intervals(scenario, (m) => levels[m] === 1);
  };
}

/** Hysteresis shared by the simple rules: an alarm ends after 15 minutes without the condition. */
function withHold(scenario: Scenario, condition: (m: number) => boolean): Alarm[] {
  let calm = 15;
  const on = new Uint8Array(scenario.minutes);
  for (let m = 0; m < scenario.minutes; m++) {
    calm = condition(m) ? 0 : calm + 1;
    on[m] = calm < 15 ? 1 : 0;
  }
  return intervals(scenario, (m) => on[m] === 1);
}

function rolling15(values: Int32Array): Float64Array {
  const out = new Float64Array(values.length);
  let s = 0;
  for (let m = 0; m < values.length; m++) {
    s += values[m]!;
    if (m >= 15) s -= values[m - 15]!;
    out[m] = s;
  }
  return out;
}

/** "N distinct reporters in 15 minutes" — what many status boards do (N = 7 before tuning). */
export const fixedThreshold =
  (n = 7): Detector =>
  (scenario, service) => {
    const s = rolling15(scenario.reporters[service]!);
    return withHold(scenario, (m) => s[m]! >= n);
  };

/** 15-minute count above the trailing 24-hour mean + k standard deviations (of 15-minute counts; k = 3 before tuning). */
export const threeSigma =
  (k = 3): Detector =>
  (scenario, service) => {
    const s = rolling15(scenario.reporters[service]!);
    const samples: number[] = [];
    let mean = 0;
    let sd = 0;
    return withHold(scenario, (m) => {
      if (m % 15 === 0 && m >= 15) {
        samples.push(s[m - 1]!);
        if (samples.length > 96) samples.shift();
        mean = samples.reduce((a, b) => a + b, 0) / samples.length;
        sd = Math.sqrt(samples.reduce((a, b) => a + (b - mean) ** 2, 0) / samples.length);
      }
      return samples.length >= 24 && s[m]! > mean + k * sd && s[m]! >= 1;
    });
  };

/**
 * A Poisson CUSUM (Lucas, "Counted data CUSUMs", Technometrics 1985) against a seasonal baseline:
 * the expected count of a minute is the mean of the same minute of the day over the previous seven
 * days; the statistic accumulates the log-likelihood ratio of a doubled rate,
 * S = max(0, S + x·ln 2 − μ), and alarms while S ≥ h (h tuned).
 */
export const poissonCusum =
  (h: number): Detector =>
  (scenario, service) => {
    const x = scenario.reporters[service]!;
    const perDay = 24 * 60;
    let s = 0;
    return withHold(scenario, (m) => {
      if (m < 7 * perDay) return false;
      let sum = 0;
      for (let d = 1; d <= 7; d++) sum += x[m - d * perDay]!;
      const mu = Math.max(sum / 7, 0.01);
      s = Math.max(0, s + x[m]! * Math.LN2 - mu);
      return s >= h;
    });
  };
