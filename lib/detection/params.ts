import type { CategorySlug } from "@/lib/catalog/constants";

/** Every tunable number of the detector, with what it means; docs/detection.md explains the maths. */
export interface DetectorParams {
  /** Windows (minutes) over which observed distinct reporters are tested against the baseline. */
  windows: number[];
  possible: Threshold;
  outage: Threshold;
  /** Consecutive minutes a "possible" condition must hold before the level is raised. */
  confirmMinutes: number;
  /** ...or this many, when the evidence is as improbable as an outage's (score and burst bar) without its size. */
  strongConfirmMinutes: number;
  /** ...or this many, when a window passes "outage". */
  outageConfirmMinutes: number;
  /**
   * A regional detector (a country or a state) raises an alarm only where its region stands out from
   * its service: the window's observed / expected at least `regionStandOut` × the whole service's. A
   * wave or an outage everywhere moves every region alike, and is the service-wide detector's to judge.
   */
  regionStandOut: number;
  /**
   * A burst fades within minutes; an outage does not. "Possible problems" is raised only while the
   * surge is not fading: the last 5 minutes' excess over expectation is at least `fadeShare` × the
   * 5 minutes' before, and at least `fadeMinExcess` × √(their expectation, at least 1): more than
   * the usual count's chance wobble.
   */
  fadeShare: number;
  fadeMinExcess: number;
  /**
   * A surge the `calmWindowMinutes` window shows for this many consecutive minutes (every condition
   * of "possible" but the burst bar) raises "possible problems" however bursty the service is: no
   * burst lasts that long.
   */
  sustainMinutes: number;
  /**
   * A level ends after `resolveMinutes` consecutive calm minutes. A minute is calm when no window of
   * `calmWindowMinutes` or less passes "possible", and the `calmWindowMinutes` window (one of
   * `windows`) is under `resolveRatio` × its expectation + 1 or scores under `resolveScore`.
   */
  resolveMinutes: number;
  /** ...or this share of the alarm's length so far, when longer, up to `resolveMaxMinutes`. */
  resolveShare: number;
  resolveMaxMinutes: number;
  calmWindowMinutes: number;
  resolveRatio: number;
  resolveScore: number;
  /** Pseudo-observations pulling each seasonal level toward the next coarser one (shrinkage). */
  shrinkWeight: number;
  /** Per-observation decay of the hour-of-week, hour-of-day and overall levels. */
  decayHourOfWeek: number;
  decayHourOfDay: number;
  decayLevel: number;
  /** Growth factor (recent actual / recent expected): smoothing per hour and its clip. */
  growthAlpha: number;
  growthMin: number;
  growthMax: number;
  /** Hourly counts entering the baseline are capped at cap·expected + capSlack (after warm-up). */
  inputCap: number;
  inputCapSlack: number;
  /** Hours of history before caps apply and before alarms may be raised. */
  warmupHours: number;
  /** While a level is raised the baseline is frozen, for at most this many hours. */
  maxFreezeHours: number;
  /** Overdispersion φ: initial value, smoothing per hour and clip. */
  phiInitial: number;
  phiAlpha: number;
  phiMin: number;
  phiMax: number;
  /**
   * Burst envelope (burst.ts), per window: the level, a running `burstQuantile` quantile of the
   * score (log steps of `burstLevelStep`), and the spread, the censored mean excess of bursts over it
   * (forgetting `burstSpreadStep` per burst); each starts at its initial value and stays over its floor.
   */
  burstQuantile: number;
  burstLevelStep: number;
  burstLevelInitial: number;
  burstLevelFloor: number;
  burstSpreadStep: number;
  burstSpreadInitial: number;
  burstSpreadFloor: number;
  /** A run of samples above the level moves it up for this many samples at most (declustering). */
  burstRunSamples: number;
  /** A burst's excess above `burstCensorReach`·spread is censored there (see burst.ts). */
  burstCensorReach: number;
  /** A burst of at most this many samples decays within minutes: its excess is censored at `burstShortCensorReach`·spread. */
  burstShortSamples: number;
  burstShortCensorReach: number;
  /**
   * A surge behind shared addresses (one carrier's NAT) whose operators nothing marks as sharing may
   * pass the network test with fewer new networks: at least `sharedNetworkMin` and
   * `sharedNetworkShare`·ν per extra reporter, plus three standard deviations of the usual new networks.
   */
  sharedNetworkMin: number;
  sharedNetworkShare: number;
  /**
   * When reporters' operators are known to share addresses, a surge needs fewer new networks
   * (`Minute.shared`), but those must exceed the usual networks' chance by this many standard
   * deviations, in proportion to how much of the surge the operators explain.
   */
  sharedNetworkZ: number;
}

export interface Threshold {
  /** Minimum −log10 of the negative-binomial tail probability. */
  score: number;
  /** Minimum extra distinct reporters over expectation in the window. */
  minExcess: number;
  /** Minimum observed / expected. */
  minRatio: number;
  /** Minimum distinct networks in the window. */
  minNetworks: number;
  /**
   * The excess must come from new networks at the service's usual rate ν (networks per reporter):
   * networks − ν·expected ≥ share · ν · excess.
   */
  networkShare: number;
  /**
   * The score must also reach the burst envelope's level + reach·spread: normal bursts get there
   * about e^−reach of the time.
   */
  burstReach: number;
}

export const DEFAULT_PARAMS: DetectorParams = {
  windows: [5, 15, 60],
  possible: { score: 5, minExcess: 7, minRatio: 2, minNetworks: 5, networkShare: 0.7, burstReach: 6 },
  outage: { score: 10, minExcess: 20, minRatio: 4, minNetworks: 10, networkShare: 0.7, burstReach: 10 },
  confirmMinutes: 5,
  strongConfirmMinutes: 4,
  outageConfirmMinutes: 2,
  regionStandOut: 2,
  fadeShare: 0.6,
  fadeMinExcess: 2.5,
  sustainMinutes: 45,
  resolveMinutes: 15,
  resolveShare: 0.5,
  resolveMaxMinutes: 60,
  calmWindowMinutes: 15,
  resolveRatio: 1.5,
  resolveScore: 2,
  shrinkWeight: 3,
  decayHourOfWeek: 0.75,
  decayHourOfDay: 0.85,
  decayLevel: 1 - 1 / 72,
  growthAlpha: 1 / 48,
  growthMin: 0.5,
  growthMax: 2,
  inputCap: 3,
  inputCapSlack: 5,
  warmupHours: 24,
  maxFreezeHours: 12,
  phiInitial: 0.1,
  phiAlpha: 1 / 168,
  phiMin: 0.01,
  phiMax: 1,
  burstQuantile: 0.99,
  burstLevelStep: 0.1,
  burstLevelInitial: 2,
  burstLevelFloor: 1,
  burstSpreadStep: 0.1,
  burstSpreadInitial: 0.5,
  burstSpreadFloor: 0.2,
  burstRunSamples: 3,
  burstCensorReach: 10,
  burstShortSamples: 6,
  burstShortCensorReach: 40,
  sharedNetworkMin: 25,
  sharedNetworkShare: 0.15,
  sharedNetworkZ: 2,
};

/**
 * The most of one reporter an operator's shared addresses excuse (`Minute.shared` per reporter):
 * a crowd on any carrier must still bring a fifth of the networks an ordinary one would.
 */
export const SHARED_MAX = 0.8;

/** Cold start: distinct reporters per hour a service of the category sees before it has history. */
export const CATEGORY_PRIOR_PER_HOUR: Record<CategorySlug, number> = {
  social: 10,
  streaming: 8,
  messaging: 8,
  gaming: 8,
  cloud: 2,
  productivity: 3,
  finance: 3,
  telecom: 6,
};

/**
 * Cold-start prior of a regional detector: a fifth of its category's for a country, a twenty-fifth
 * for a subdivision (an ISO 3166-2 code such as "US-NY").
 */
export const regionPrior = (categoryPrior: number, region: string): number =>
  categoryPrior / (region.includes("-") ? 25 : 5);
