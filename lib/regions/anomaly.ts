import { nbTailScore } from "@/lib/detection/negative-binomial";
import type { AnomalyBand } from "./bands";

/** Regions with fewer distinct reporters than this show as "too few reports", for privacy and against noise. */
export const MIN_REGION_REPORTERS = 5;

/** Overdispersion of a well-established usual level (the detector's default). */
export const BASE_PHI = 0.1;

export interface UsualLevel {
  mean: number;
  phi: number;
}

/**
 * A region's usual level from `reporters` counted in the same window on `days` previous days. An
 * average of a few days is itself uncertain, most of all for a small region that happened to be
 * quiet on them: 5 people now against none yesterday is no evidence of an outage. So it is read as a
 * Gamma-Poisson estimate with a Jeffreys prior (half a reporter): the mean is (k + ½) / days and the
 * predictive spread grows as k shrinks (negative binomial with φ = 1 / (k + ½)).
 */
export function usualFromHistory(reporters: number, days: number): UsualLevel {
  return { mean: (reporters + 0.5) / days, phi: Math.max(BASE_PHI, 1 / (reporters + 0.5)) };
}

export interface RegionAnomaly {
  code: string;
  band: AnomalyBand;
  /** Null when under the privacy minimum: the count is not shown at all then. */
  reporters: number | null;
  /** Null while the region has no history to compare with. */
  expected: number | null;
  /** Observed / expected, null under the privacy minimum or without history. */
  ratio: number | null;
  /** −log10 of the negative-binomial tail probability (0 under the privacy minimum). */
  score: number;
}

/**
 * Shades a region by how unusual its reporters are against its own baseline, not by how many
 * people live there: a busy, normal country stays "normal" and a small one with a real surge does not.
 */
export function classifyRegion(
  code: string,
  reporters: number,
  expected: number | null,
  phi = BASE_PHI,
): RegionAnomaly {
  if (reporters < MIN_REGION_REPORTERS)
    return { code, band: "too-few", reporters: null, expected, ratio: null, score: 0 };
  // A new installation has nothing to compare with yet: say so rather than call everything an outage.
  if (expected === null) return { code, band: "normal", reporters, expected, ratio: null, score: 0 };
  const e = Math.max(expected, 0.1);
  const ratio = reporters / e;
  const score = nbTailScore(reporters, e, phi);
  const band: AnomalyBand =
    score >= 10 && ratio >= 4
      ? "severe"
      : score >= 5 && ratio >= 2
        ? "high"
        : score >= 2 && ratio >= 1.5
          ? "elevated"
          : "normal";
  return { code, band, reporters, expected, ratio, score };
}
