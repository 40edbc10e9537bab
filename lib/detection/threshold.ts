import { nbTailScore } from "./negative-binomial";
import type { Threshold } from "./params";

/**
 * The smallest count in a window that would meet a threshold's count conditions (score, excess,
 * ratio) when `expected` is the window's expectation: the "alarm line" drawn on charts.
 */
export function alarmThreshold(expected: number, phi: number, th: Threshold): number {
  let lo = Math.max(1, Math.ceil(Math.max(expected + th.minExcess, th.minRatio * expected)));
  if (nbTailScore(lo, expected, phi) >= th.score) return lo;
  let hi = lo * 2;
  while (nbTailScore(hi, expected, phi) < th.score) hi *= 2;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (nbTailScore(mid, expected, phi) >= th.score) hi = mid;
    else lo = mid;
  }
  return hi;
}
