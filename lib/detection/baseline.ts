import type { DetectorParams } from "./params";

/**
 * What the detector knows of a service's normal traffic, as exponentially forgetting means of
 * hourly distinct-reporter counts: per hour of the week, per hour of the day and overall, plus a
 * growth factor and the overdispersion φ. Plain numbers, so it serializes to JSON.
 */
export interface Baseline {
  how: number[];
  howW: number[];
  hod: number[];
  hodW: number[];
  level: number;
  levelW: number;
  growth: number;
  phi: number;
  /** Usual networks per reporter (ν): shared networks (carrier NAT, offices) push it below 1. */
  networkRate: number;
  hours: number;
}

export function emptyBaseline(params: DetectorParams): Baseline {
  return {
    how: new Array<number>(168).fill(0),
    howW: new Array<number>(168).fill(0),
    hod: new Array<number>(24).fill(0),
    hodW: new Array<number>(24).fill(0),
    level: 0,
    levelW: 0,
    growth: 1,
    phi: params.phiInitial,
    networkRate: 0.9,
    hours: 0,
  };
}

const HOUR = 3_600_000;
// The epoch, 1 Jan 1970 00:00 UTC, was a Thursday: hour 72 of a week that starts on Monday.
export const hourOfWeek = (t: number) => (Math.floor(t / HOUR) + 72) % 168; // 0 = Monday 00:00 UTC
export const hourOfDay = (t: number) => Math.floor(t / HOUR) % 24;

const shrink = (value: number, weight: number, toward: number, k: number) =>
  (weight * value + k * toward) / (weight + k);

/**
 * Expected distinct reporters in the hour starting at `t`, before the growth factor: the hour of
 * the week, shrunk toward the hour of the day, shrunk toward the overall level, shrunk toward the
 * category prior. Thin history leans on the coarser levels; a new service uses the prior.
 */
export function seasonalHour(b: Baseline, t: number, priorPerHour: number, params: DetectorParams): number {
  const k = params.shrinkWeight;
  const level = shrink(b.level, b.levelW, priorPerHour, k);
  const d = hourOfDay(t);
  const day = shrink(b.hod[d] ?? 0, b.hodW[d] ?? 0, level, k);
  const w = hourOfWeek(t);
  return shrink(b.how[w] ?? 0, b.howW[w] ?? 0, day, k);
}

export function expectedHour(b: Baseline, t: number, priorPerHour: number, params: DetectorParams): number {
  return seasonalHour(b, t, priorPerHour, params) * b.growth;
}

/** Folds one completed hour (its start `t`, its reporters and new networks) into the baseline. */
export function updateBaseline(
  b: Baseline,
  t: number,
  count: number,
  networks: number,
  priorPerHour: number,
  params: DetectorParams,
): Baseline {
  const seasonal = seasonalHour(b, t, priorPerHour, params);
  const expected = seasonal * b.growth;
  // No outage may poison its own baseline: after warm-up, counts enter capped.
  const c = b.hours >= params.warmupHours ? Math.min(count, params.inputCap * expected + params.inputCapSlack) : count;

  const how = b.how.slice();
  const howW = b.howW.slice();
  const hod = b.hod.slice();
  const hodW = b.hodW.slice();
  const w = hourOfWeek(t);
  const d = hourOfDay(t);
  howW[w] = (howW[w] ?? 0) * params.decayHourOfWeek + 1;
  how[w] = (how[w] ?? 0) + (c - (how[w] ?? 0)) / (howW[w] as number);
  hodW[d] = (hodW[d] ?? 0) * params.decayHourOfDay + 1;
  hod[d] = (hod[d] ?? 0) + (c - (hod[d] ?? 0)) / (hodW[d] as number);
  const levelW = b.levelW * params.decayLevel + 1;
  const level = b.level + (c - b.level) / levelW;

  let growth = b.growth;
  let phi = b.phi;
  if (b.hours >= params.warmupHours) {
    const ratio = (c + 1) / (seasonal + 1);
    growth = Math.min(params.growthMax, Math.max(params.growthMin, growth + params.growthAlpha * (ratio - growth)));
    if (expected >= 2) {
      // Method of moments on one hour: (c − μ)² ≈ μ + φμ².
      const sample = ((c - expected) ** 2 - expected) / expected ** 2;
      phi = Math.min(params.phiMax, Math.max(params.phiMin, phi + params.phiAlpha * (sample - phi)));
    }
  }
  let networkRate = b.networkRate;
  if (count >= 5 && count <= params.inputCap * expected + params.inputCapSlack) {
    networkRate = Math.min(1, Math.max(0.3, networkRate + 0.05 * (Math.min(1, networks / count) - networkRate)));
  }
  return { how, howW, hod, hodW, level, levelW, growth, phi, networkRate, hours: b.hours + 1 };
}
