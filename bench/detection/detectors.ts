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

export function ours(params: DetectorParams): Detector {
  return (scenario, service) => {
    const spec = scenario.services[service]!;
    const prior = CATEGORY_PRIOR_PER_HOUR[spec.category];
    const rep = scenario.reporters[service]!;
    const net = scenario.networks[service]!;
    let state = createDetector(params);
    const levels = new Uint8Array(scenario.minutes);
    for (let m = 0; m < scenario.minutes; m++) {
      const r = stepMinute(
        state,
        { t: scenario.start + m * MINUTE, reporters: rep[m]!, networks: net[m]! },
        prior,
        params,
      );
      state = r.state;
      levels[m] = r.evaluation.level === "ok" ? 0 : 1;
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

/** "7 distinct reporters in 15 minutes" — what many status boards do. */
export const fixedThreshold: Detector = (scenario, service) => {
  const s = rolling15(scenario.reporters[service]!);
  return withHold(scenario, (m) => s[m]! >= 7);
};

/** 15-minute count above the trailing 24-hour mean + 3 standard deviations (of 15-minute counts). */
export const threeSigma: Detector = (scenario, service) => {
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
    return samples.length >= 24 && s[m]! > mean + 3 * sd && s[m]! >= 1;
  });
};
