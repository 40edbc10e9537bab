import { nbTailScore } from "./negative-binomial";
import type { Threshold } from "./params";

/**
 * The smallest count in a window that would meet a threshold's count conditions (score, excess,
 * ratio) when `expected` is the window's expectation: the "alarm line" drawn on charts. `bar` is
 * the score the service's burst envelope asks of that window (burst.ts), when it asks more.
 */
export function alarmThreshold(expected: number, phi: number, th: Threshold, bar = 0): number {
  const score = Math.max(th.score, bar);
  let lo = Math.max(1, Math.ceil(Math.max(expected + th.minExcess, th.minRatio * expected)));
  if (nbTailScore(lo, expected, phi) >= score) return lo;
  let hi = lo * 2;
  while (nbTailScore(hi, expected, phi) < score) hi *= 2;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (nbTailScore(mid, expected, phi) >= score) hi = mid;
    else lo = mid;
  }
  return hi;
}
