/** The most false alarms per service-week a tuned threshold may raise: the detector's own target. */
export const MAX_FALSE_ALARMS = 0.1;

/**
 * A fair threshold for a comparison rule: the one with the best recall of clear outages among those
 * within the false-alarm target (ties: fewer false alarms), or the one with the fewest false alarms
 * when none is within it.
 */
export function pickThreshold(
  curve: Array<{ threshold: number; recall_3x_15min: number | null; false_alarms_per_service_week: number | null }>,
): number {
  const fa = (c: (typeof curve)[number]) => c.false_alarms_per_service_week ?? Infinity;
  const within = curve.filter((c) => fa(c) <= MAX_FALSE_ALARMS);
  const pool = within.length ? within : curve;
  const best = [...pool].sort((a, b) =>
    within.length ? (b.recall_3x_15min ?? 0) - (a.recall_3x_15min ?? 0) || fa(a) - fa(b) : fa(a) - fa(b),
  )[0];
  if (!best) throw new Error("no thresholds to choose from");
  return best.threshold;
}
