/** "45 min", "2 h 15 min", "3 d 4 h": how long something lasted, in words people read at a glance. */
export function formatDuration(minutes: number): string {
  const m = Math.max(0, Math.round(minutes));
  if (m < 60) return `${m} min`;
  if (m < 24 * 60) return m % 60 === 0 ? `${m / 60} h` : `${Math.floor(m / 60)} h ${m % 60} min`;
  const d = Math.floor(m / 1440);
  const h = Math.round((m % 1440) / 60);
  return h === 0 ? `${d} d` : `${d} d ${h} h`;
}

/** "an hour", "2 hours", "30 minutes": a period in running text ("one report per person per …"). */
export function periodPhrase(minutes: number): string {
  const m = Math.max(1, Math.round(minutes));
  if (m % 60 === 0) return m === 60 ? "an hour" : `${m / 60} hours`;
  return m === 1 ? "a minute" : `${m} minutes`;
}
