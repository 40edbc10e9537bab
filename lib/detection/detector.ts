import type { StatusLevel } from "@/lib/catalog/constants";
import { emptyBaseline, expectedHour, updateBaseline, type Baseline } from "./baseline";
import { burstBar, emptyEnvelope, observeBurst, type BurstEnvelope } from "./burst";
import { nbTailScore } from "./negative-binomial";
import type { DetectorParams, Threshold } from "./params";

export interface Minute {
  /** Minute start, epoch ms. */
  t: number;
  /** Distinct reporters (counted reports) in the minute. */
  reporters: number;
  /** Reporters from a network block not seen for the service in the previous 15 minutes. */
  networks: number;
  /**
   * How much of the minute's crowd sits behind shared addresses: the sum, over its reporters, of one
   * minus their network operator's new networks per reporter relative to everyone's (0 for most, about
   * 0.8 behind a carrier's NAT). A crowd from one such carrier brings few networks and is still a
   * crowd. Absent or 0 when reports carry no operator.
   */
  shared?: number;
  /**
   * For a regional detector: the whole service's reporters and their expectation per minute, ending
   * with this one (the service-wide detector's own `recent` and `recentExpected`). Absent for the
   * service-wide detector itself, and for a minute its service's detector did not step.
   */
  parent?: { recent: ArrayLike<number>; expected: ArrayLike<number> };
}

/** Everything the detector carries from one minute to the next; plain JSON. */
export interface DetectorState {
  baseline: Baseline;
  level: StatusLevel;
  /** When the current alarm began (its first confirming minute), epoch ms. */
  since: number | null;
  confirm: number;
  calm: number;
  /** When the last alarm resolved: evidence windows must not reach back into it. */
  resolvedAt: number | null;
  /** Where the calm that resolved the last alarm began: when that alarm really ended, epoch ms. */
  endedAt?: number | null;
  frozenHours: number;
  hourStart: number | null;
  hourCount: number;
  hourNetworks: number;
  recent: number[];
  recentNetworks: number[];
  recentExpected: number[];
  /** Each minute's `shared`; absent in older states. */
  recentShared?: number[];
  /** Consecutive minutes the surge has held without the burst bar (see `sustainMinutes`); absent in older states. */
  sustain?: number;
  /**
   * Reporters and minutes seen since a detector without history started, until warm-up ends: the
   * cold start's usual level is at least what the service has shown since it appeared.
   */
  coldReporters?: number;
  coldMinutes?: number;
  /** How bursty the service normally is, per window (burst.ts); absent in states saved before it existed. */
  burst?: BurstEnvelope;
  lastT: number | null;
}

export interface WindowEvidence {
  minutes: number;
  observed: number;
  expected: number;
  networks: number;
  /** The window's `shared` reporters (see `Minute.shared`). */
  shared: number;
  /** −log10 of the negative-binomial tail probability of `observed`. */
  score: number;
  /** The score the service's usual bursts reach at `possible.burstReach` (see burst.ts). */
  burstBar: number;
}

export type Transition = "raised" | "escalated" | "resolved" | null;

export interface Evaluation {
  t: number;
  level: StatusLevel;
  transition: Transition;
  /** In [0, 1]; ≥ 0.5 exactly while the level is possible or outage. */
  anomalyScore: number;
  expectedPerMinute: number;
  strongest: WindowEvidence;
}

const MINUTE = 60_000;
const HOUR = 3_600_000;
const MAX_GAP_MINUTES = 7 * 24 * 60;

export function createDetector(params: DetectorParams): DetectorState {
  const keep = Math.max(...params.windows);
  return {
    baseline: emptyBaseline(params),
    level: "ok",
    since: null,
    confirm: 0,
    calm: 0,
    resolvedAt: null,
    frozenHours: 0,
    hourStart: null,
    hourCount: 0,
    hourNetworks: 0,
    recent: new Array<number>(keep).fill(0),
    recentNetworks: new Array<number>(keep).fill(0),
    recentExpected: new Array<number>(keep).fill(0),
    burst: emptyEnvelope(params),
    lastT: null,
  };
}

/**
 * Whether a window's surge brings the networks a crowd would, rather than coming from a few
 * networks as a flood does. `nu` is the service's usual networks per reporter.
 */
function crowdLike(w: WindowEvidence, th: Threshold, nu: number, params: DetectorParams): boolean {
  const excess = w.observed - w.expected;
  const newNetworks = w.networks - nu * w.expected;
  // A crowd brings new networks at ν per person, except the part behind shared addresses, whose
  // operators are known to bring few. The more of the surge they explain, the more what networks it
  // does bring must stand out from the usual networks' chance: they are all that tells it from a
  // flood on one carrier.
  const explained = excess > 0 ? Math.min(1, w.shared / excess) : 0;
  const due = nu * excess * (1 - explained);
  const crowd =
    w.networks >= th.minNetworks &&
    newNetworks >= th.networkShare * due + explained * params.sharedNetworkZ * Math.sqrt(nu * w.expected);
  // A crowd behind shared addresses whose operators are unknown brings fewer networks per person,
  // but many more than a flood from a handful can, beyond the usual networks' chance.
  const sharedCrowd =
    newNetworks >=
    Math.max(params.sharedNetworkMin, params.sharedNetworkShare * nu * excess) + 3 * Math.sqrt(nu * w.expected);
  return crowd || sharedCrowd;
}

function passes(w: WindowEvidence, th: Threshold, nu: number, bar: number, params: DetectorParams): boolean {
  return (
    w.score >= th.score &&
    w.observed - w.expected >= th.minExcess &&
    w.observed >= th.minRatio * w.expected &&
    crowdLike(w, th, nu, params) &&
    w.score >= bar
  );
}

/**
 * Minutes of calm that end an alarm: `resolveMinutes`, or a share of how long it has lasted when that
 * is longer (up to `resolveMaxMinutes`), so a long outage whose reports dip for a while is still one.
 */
export function calmNeeded(since: number | null, calmFrom: number, params: DetectorParams): number {
  const lasted = since === null ? 0 : (calmFrom - since) / MINUTE;
  return Math.min(params.resolveMaxMinutes, Math.max(params.resolveMinutes, Math.round(params.resolveShare * lasted)));
}

const sumLast = (values: ArrayLike<number>, n: number) => {
  let s = 0;
  for (let i = values.length - n; i < values.length; i++) s += values[i] ?? 0;
  return s;
};

/**
 * Whether a surge is fading: the last 5 minutes' excess is under `fadeShare` of the 5 minutes'
 * before, or under `fadeMinExcess` standard deviations of their usual count.
 */
export function fading(recent: number[], expected: number[], params: DetectorParams): boolean {
  const usual = sumLast(expected, 5);
  const last = sumLast(recent, 5) - usual;
  const before = sumLast(recent, 10) - sumLast(expected, 10) - last;
  return last < params.fadeShare * before || last < params.fadeMinExcess * Math.sqrt(Math.max(1, usual));
}

/** Whether a regional window's surge is its own, not its share of one across the whole service. */
function standsOut(w: WindowEvidence, parent: NonNullable<Minute["parent"]>, params: DetectorParams): boolean {
  const expected = sumLast(parent.expected, w.minutes);
  const ratio = expected > 0 ? sumLast(parent.recent, w.minutes) / expected : 0;
  return w.observed >= params.regionStandOut * ratio * w.expected;
}

/** Pure: the state after one more minute, and what the detector says about that minute. */
export function stepMinute(
  state: DetectorState,
  minute: Minute,
  priorPerHour: number,
  params: DetectorParams,
): { state: DetectorState; evaluation: Evaluation } {
  let s = state;
  // Missing minutes had no reports; a very long silence only needs its last week replayed.
  if (s.lastT !== null && minute.t - s.lastT > MINUTE) {
    const gap = Math.min((minute.t - s.lastT) / MINUTE - 1, MAX_GAP_MINUTES);
    for (let i = gap; i >= 1; i--) {
      s = stepMinute(s, { t: minute.t - i * MINUTE, reporters: 0, networks: 0 }, priorPerHour, params).state;
    }
  }
  if (s.lastT !== null && minute.t <= s.lastT) throw new Error(`minutes must increase: ${minute.t} after ${s.lastT}`);

  // Close the previous hour into the baseline, unless an alarm freezes it.
  let baseline = s.baseline;
  let frozenHours = s.frozenHours;
  let hourStart = s.hourStart;
  let hourCount = s.hourCount;
  let hourNetworks = s.hourNetworks;
  const thisHour = Math.floor(minute.t / HOUR) * HOUR;
  if (hourStart !== null && thisHour !== hourStart) {
    const frozen = s.level !== "ok" && frozenHours < params.maxFreezeHours;
    if (frozen) frozenHours++;
    else baseline = updateBaseline(baseline, hourStart, hourCount, hourNetworks, priorPerHour, params);
    hourCount = 0;
    hourNetworks = 0;
  }
  hourStart = thisHour;
  hourCount += minute.reporters;
  hourNetworks += minute.networks;

  const learning = baseline.hours < params.warmupHours;
  const coldReporters = learning ? (s.coldReporters ?? 0) : 0;
  const coldMinutes = learning ? (s.coldMinutes ?? 0) : 0;
  const expectedPerMinute = Math.max(
    expectedHour(baseline, thisHour, priorPerHour, params) / 60,
    coldMinutes > 0 ? coldReporters / coldMinutes : 0,
  );
  const recent = [...s.recent.slice(1), minute.reporters];
  const recentNetworks = [...s.recentNetworks.slice(1), minute.networks];
  const recentExpected = [...s.recentExpected.slice(1), expectedPerMinute];
  const recentShared = [...(s.recentShared ?? s.recent.map(() => 0)).slice(1), minute.shared ?? 0];

  // Thin history means an uncertain baseline: widen the distribution until warm-up ends.
  const warm = Math.min(1, baseline.hours / params.warmupHours);
  const phi = Math.max(baseline.phi, 0.5 * (1 - warm));

  const envelope = s.burst ?? emptyEnvelope(params);
  let strongest: WindowEvidence = {
    minutes: params.windows[0] ?? 5,
    observed: 0,
    expected: 0,
    networks: 0,
    shared: 0,
    score: 0,
    burstBar: 0,
  };
  const evidence: WindowEvidence[] = [];
  let possibleHit = false;
  let outageHit = false;
  let shortHit = false;
  let strongHit = false;
  let calmWindow = true;
  let sustainHit = false;
  for (const [i, minutes] of params.windows.entries()) {
    const observed = sumLast(recent, minutes);
    const expected = sumLast(recentExpected, minutes);
    const networks = sumLast(recentNetworks, minutes);
    const excess = observed - expected;
    // The tail probability is only worth computing when the cheap conditions already hold.
    const worth = excess >= Math.min(params.possible.minExcess, 3) && observed >= params.possible.minRatio * expected;
    const w: WindowEvidence = {
      minutes,
      observed,
      expected,
      networks,
      shared: sumLast(recentShared, minutes),
      score: worth ? nbTailScore(observed, expected, phi) : 0,
      burstBar: burstBar(envelope, i, params.possible.burstReach, params),
    };
    evidence.push(w);
    if (w.score > strongest.score || strongest.observed === 0) strongest = w;
    if (s.resolvedAt !== null && minute.t - minutes * MINUTE < s.resolvedAt) continue;
    if (minutes === params.calmWindowMinutes)
      calmWindow = observed < params.resolveRatio * expected + 1 || w.score < params.resolveScore;
    if (minute.parent && !standsOut(w, minute.parent, params)) continue;
    // Before warm-up ends, the widened φ above makes only strong evidence count.
    // Every condition of "possible" but the burst bar: what a surge that outlasts any burst needs.
    const unbarred = passes(w, params.possible, baseline.networkRate, 0, params);
    const hit = unbarred && w.score >= w.burstBar;
    possibleHit ||= hit;
    const outageBar = burstBar(envelope, i, params.outage.burstReach, params);
    strongHit ||= hit && w.score >= params.outage.score && w.score >= outageBar;
    outageHit ||= passes(w, params.outage, baseline.networkRate, outageBar, params);
    // The 60-minute window remembers a surge for an hour; whether it is still going is for the short ones.
    if (minutes <= params.calmWindowMinutes) shortHit ||= hit;
    if (minutes === params.calmWindowMinutes) sustainHit = unbarred;
  }

  let { level, since, confirm, calm, resolvedAt } = s;
  let endedAt = s.endedAt ?? null;
  let transition: Transition = null;
  confirm = possibleHit || outageHit ? confirm + 1 : 0;
  const sustain = sustainHit ? (s.sustain ?? 0) + 1 : 0;
  if (level === "ok") {
    if (outageHit && confirm >= Math.min(params.outageConfirmMinutes, params.confirmMinutes)) {
      level = "outage";
      transition = "raised";
    } else if (
      possibleHit &&
      (confirm >= params.confirmMinutes || (strongHit && confirm >= params.strongConfirmMinutes)) &&
      !fading(recent, recentExpected, params)
    ) {
      level = "possible";
      transition = "raised";
    } else if (sustain >= params.sustainMinutes) {
      level = "possible";
      transition = "raised";
      confirm = sustain;
    }
    if (transition) {
      since = minute.t - (confirm - 1) * MINUTE;
      calm = 0;
      frozenHours = 0;
    }
  } else {
    if (level === "possible" && outageHit) {
      level = "outage";
      transition = "escalated";
    }
    calm = calmWindow && !shortHit ? calm + 1 : 0;
    if (calm >= calmNeeded(since, minute.t - (calm - 1) * MINUTE, params)) {
      level = "ok";
      transition = "resolved";
      since = null;
      endedAt = minute.t - (calm - 1) * MINUTE;
      calm = 0;
      confirm = 0;
      resolvedAt = minute.t;
    }
  }

  const burst =
    warm < 1
      ? envelope
      : observeBurst(
          envelope,
          minute.t,
          // The loop scored only the windows worth it; a sample needs every window above its expectation.
          // A flood from a few networks is no burst of this service's crowd: the network test holds it
          // back, and learnt as a burst it would raise the bar every later outage is judged by.
          () =>
            evidence.map((w) => {
              const flood =
                w.observed - w.expected >= params.possible.minExcess &&
                !crowdLike(w, params.possible, baseline.networkRate, params);
              if (flood) return 0;
              return w.score > 0 || w.observed <= w.expected ? w.score : nbTailScore(w.observed, w.expected, phi);
            }),
          params,
        );

  const anomalyScore =
    level === "ok"
      ? 0.49 * Math.min(1, strongest.score / params.possible.score)
      : 0.5 + 0.5 * Math.min(1, strongest.score / (2 * params.outage.score));

  return {
    state: {
      baseline,
      level,
      since,
      confirm,
      calm,
      resolvedAt,
      endedAt,
      frozenHours,
      hourStart,
      hourCount,
      hourNetworks,
      recent,
      recentNetworks,
      recentExpected,
      recentShared,
      burst,
      sustain,
      ...(learning
        ? { coldReporters: coldReporters + minute.reporters, coldMinutes: coldMinutes + 1 }
        : { coldReporters: undefined, coldMinutes: undefined }),
      lastT: minute.t,
    },
    evaluation: { t: minute.t, level, transition, anomalyScore, expectedPerMinute, strongest },
  };
}

export interface HourCount {
  /** Hour start, epoch ms. */
  t: number;
  reporters: number;
  networks: number;
}

/**
 * A detector whose baseline has learned from hourly history (oldest first) without stepping every
 * minute: how a service with weeks of rollups but no saved state starts. The next minute stepped
 * must be the start of the hour after the last one given.
 */
export function warmStart(hours: HourCount[], priorPerHour: number, params: DetectorParams): DetectorState {
  const state = createDetector(params);
  let baseline = state.baseline;
  for (const h of hours) baseline = updateBaseline(baseline, h.t, h.reporters, h.networks, priorPerHour, params);
  const last = hours.at(-1);
  return { ...state, baseline, lastT: last ? last.t + HOUR - MINUTE : null };
}
