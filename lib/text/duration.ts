/** "45 min", "2 h 15 min", "3 d 4 h": how long something lasted, in words people read at a glance. */
export function formatDuration(minutes: number): string {
  const m = Math.max(0, Math.round(minutes));
  if (m < 60) return `${m} min`;
  if (m < 24 * 60) return m % 60 === 0 ? `${m / 60} h` : `${Math.floor(m / 60)} h ${m % 60} min`;
  const d = Math.floor(m / 1440);
  const h = Math.round((m % 1440) / 60);
  return h === 0 ? `${d} d` : `${d} d ${h} h`;
}

/** "hour", "2 hours", "30 minutes": a period as the words after "per" or "in the last". */
function period(minutes: number): string {
  const m = Math.max(1, Math.round(minutes));
  if (m % 60 === 0) return m === 60 ? "hour" : `${m / 60} hours`;
  return m === 1 ? "minute" : `${m} minutes`;
}

/**
 * "per hour", "per 2 hours", "per 30 minutes": a rate's period in running text ("one report per
 * person per hour"). The "per" is part of it, because "per an hour" is what a bare "an hour" gave.
 */
export function perPeriod(minutes: number): string {
  return `per ${period(minutes)}`;
}

/** "in the last hour", "in the last 2 hours": the same period looking back from now. */
export function inLastPeriod(minutes: number): string {
  return `in the last ${period(minutes)}`;
}
