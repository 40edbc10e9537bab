// Pairs our incidents with the vendors' own, and the scorecard built on those pairs. Pure: the
// queries in scorecard.ts and views.ts feed it stored rows.

/** Two incidents of one service are the same event when they overlap, give or take this. */
export const MATCH_SLACK_MS = 30 * 60_000;

export interface OurSpan {
  id: number;
  serviceId: number;
  /** When reports began to rise. */
  startedAt: Date;
  /** When the detector declared it. */
  detectedAt: Date;
  endedAt: Date | null;
}

export interface TheirSpan {
  id: number;
  serviceId: number;
  startedAt: Date;
  postedAt: Date;
  resolvedAt: Date | null;
}

export function overlaps(ours: OurSpan, theirs: TheirSpan, now: Date): boolean {
  if (ours.serviceId !== theirs.serviceId) return false;
  const a0 = ours.startedAt.getTime() - MATCH_SLACK_MS;
  const a1 = (ours.endedAt ?? now).getTime() + MATCH_SLACK_MS;
  const b0 = Math.min(theirs.startedAt.getTime(), theirs.postedAt.getTime());
  const b1 = (theirs.resolvedAt ?? now).getTime();
  return a0 <= b1 && b0 <= a1;
}

/** The vendor incident that best answers ours: the first one posted among those that overlap it. */
export function officialMatch<T extends TheirSpan>(ours: OurSpan, theirs: readonly T[], now: Date): T | null {
  let best: T | null = null;
  for (const t of theirs) if (overlaps(ours, t, now) && (!best || t.postedAt < best.postedAt)) best = t;
  return best;
}

/** Minutes by which we said so before the vendor did: positive when we were first. */
export function leadMinutes(ours: OurSpan, theirs: TheirSpan): number {
  return (theirs.postedAt.getTime() - ours.detectedAt.getTime()) / 60_000;
}

export interface Scorecard {
  /** Our incidents in the window. */
  ours: number;
  /** …of which the vendor's page acknowledged (an overlapping official incident). */
  acknowledged: number;
  /** Vendor incidents in the window. */
  theirs: number;
  /** …of which we had an incident of our own. */
  caught: number;
  /** Median of leadMinutes over the acknowledged incidents; null when none. */
  medianLeadMinutes: number | null;
}

/**
 * Counts our incidents that started, and theirs posted, at or after `since`; both lists may hold
 * earlier ones too, so an incident near the window's edge still finds its match.
 */
export function scorecard(
  ours: readonly OurSpan[],
  theirs: readonly TheirSpan[],
  now: Date,
  since = new Date(0),
): Scorecard {
  const leads: number[] = [];
  let acknowledged = 0;
  const counted = ours.filter((o) => o.startedAt >= since);
  for (const o of counted) {
    const m = officialMatch(o, theirs, now);
    if (m) {
      acknowledged++;
      leads.push(leadMinutes(o, m));
    }
  }
  const posted = theirs.filter((t) => t.postedAt >= since);
  const caught = posted.filter((t) => ours.some((o) => overlaps(o, t, now))).length;
  return { ours: counted.length, acknowledged, theirs: posted.length, caught, medianLeadMinutes: median(leads) };
}

function median(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
