import type { DetectorParams } from "./params";

/**
 * How bursty a service normally is, per test window: a peaks-over-threshold model of the window's
 * score, as extreme-value statistics would fit it (cf. Siffer et al., "Anomaly detection in streams
 * with extreme value theory", KDD 2017), learnt as a stream.
 *
 * - `level`: a running `burstQuantile` quantile of the score (sampled every 5 minutes).
 * - Bursts are runs of samples above the level. Their peaks' excesses over the level are taken to
 *   be exponential with mean `spread` = `excessSum` / `excessCount` (exponentially forgetting sums).
 *   An excess beyond a cap is right-censored: it adds the cap to the sum and nothing to the count,
 *   the maximum-likelihood estimate when all we may believe is "it reached the cap". The cap is
 *   `burstShortCensorReach` spreads for a burst that faded within minutes (the service's normal
 *   burstiness) and `burstCensorReach` for a sustained one (outage-like), so an outage raises the
 *   bar for a while, never without limit.
 * - The bar at reach k is level + k·spread: normal bursts pass it about e^−k of the time.
 * A calm service (scores as the negative binomial predicts) keeps a low bar; one whose normal
 * traffic is full of bursts gets a high one, separately at each time scale.
 */
export interface BurstEnvelope {
  level: number[];
  excessSum: number[];
  excessCount: number[];
  /** Per window: consecutive samples above the level so far, and the highest of them. */
  run: number[];
  peak: number[];
  /** Scores (one per window, flattened) sampled every `BURST_SAMPLE_MINUTES`, held back an hour. */
  pending: number[];
}

export const BURST_SAMPLE_MINUTES = 5;
/** Samples wait this many sample periods (an hour) before they are learnt. */
const BURST_DELAY_SAMPLES = 12;

export function emptyEnvelope(params: DetectorParams): BurstEnvelope {
  return {
    level: params.windows.map(() => params.burstLevelInitial),
    excessSum: params.windows.map(() => params.burstSpreadInitial),
    excessCount: params.windows.map(() => 1),
    run: params.windows.map(() => 0),
    peak: params.windows.map(() => 0),
    pending: [],
  };
}

export function burstSpread(envelope: BurstEnvelope, window: number, params: DetectorParams): number {
  const sum = envelope.excessSum[window] ?? params.burstSpreadInitial;
  const count = envelope.excessCount[window] ?? 1;
  return Math.max(params.burstSpreadFloor, sum / Math.max(count, 1e-3));
}

/** The score a window must reach to stand out from this service's usual bursts. */
export function burstBar(envelope: BurstEnvelope, window: number, reach: number, params: DetectorParams): number {
  return (envelope.level[window] ?? params.burstLevelInitial) + reach * burstSpread(envelope, window, params);
}

/**
 * One step of a running quantile on the log scale (Robbins–Monro): up by step·τ when the sample is
 * above, down by step·(1 − τ) when not, so it settles where a share 1 − τ of the samples exceed it.
 */
const towardQuantile = (value: number, sample: number, tau: number, step: number, floor: number) =>
  Math.max(floor, value * Math.exp(step * (sample > value ? tau : tau - 1)));

/**
 * Bursts are learnt once each, when they end (declustering), and a run moves the level for its first
 * `burstRunSamples` samples only: an outage of six hours moves it no more than a burst of fifteen minutes.
 */
function learn(envelope: BurstEnvelope, scores: number[], params: DetectorParams): BurstEnvelope {
  const next: BurstEnvelope = {
    level: envelope.level.slice(),
    excessSum: envelope.excessSum.slice(),
    excessCount: envelope.excessCount.slice(),
    run: envelope.run.slice(),
    peak: envelope.peak.slice(),
    pending: envelope.pending,
  };
  const a = params.burstSpreadStep;
  for (const [i, s] of scores.entries()) {
    const level = next.level[i] ?? params.burstLevelInitial;
    const above = s > level;
    if (above) {
      next.run[i] = (next.run[i] ?? 0) + 1;
      next.peak[i] = Math.max(next.peak[i] ?? 0, s);
    } else if ((next.run[i] ?? 0) > 0) {
      const short = (next.run[i] ?? 0) <= params.burstShortSamples;
      const cap = (short ? params.burstShortCensorReach : params.burstCensorReach) * burstSpread(next, i, params);
      const excess = (next.peak[i] ?? 0) - level;
      next.excessSum[i] = (1 - a) * (next.excessSum[i] ?? 0) + a * Math.min(excess, cap);
      next.excessCount[i] = (1 - a) * (next.excessCount[i] ?? 0) + (excess < cap ? a : 0);
      next.run[i] = 0;
      next.peak[i] = 0;
    }
    if (!above || (next.run[i] ?? 0) <= params.burstRunSamples)
      next.level[i] = towardQuantile(level, s, params.burstQuantile, params.burstLevelStep, params.burstLevelFloor);
  }
  return next;
}

/**
 * Feeds one minute's window scores. They are learnt an hour late, so the minutes leading into an
 * alarm do not raise the bar it is judged by while it is being decided.
 */
export function observeBurst(
  envelope: BurstEnvelope,
  t: number,
  scores: () => number[],
  params: DetectorParams,
): BurstEnvelope {
  if ((t / 60_000) % BURST_SAMPLE_MINUTES !== 0) return envelope;
  const width = params.windows.length;
  const pending = [...envelope.pending, ...scores()];
  if (pending.length <= BURST_DELAY_SAMPLES * width) return { ...envelope, pending };
  return learn({ ...envelope, pending: pending.slice(width) }, pending.slice(0, width), params);
}
