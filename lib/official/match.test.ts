import { describe, expect, it } from "vitest";
import { leadMinutes, MATCH_SLACK_MS, officialMatch, overlaps, scorecard, type OurSpan, type TheirSpan } from "./match";

const H = 3_600_000;
const M = 60_000;
const T = Date.UTC(2026, 10, 1);
const now = new Date(T + 100 * H);
const ours = (id: number, start: number, detected: number, end: number | null, serviceId = 1): OurSpan => ({
  id,
  serviceId,
  startedAt: new Date(T + start),
  detectedAt: new Date(T + detected),
  endedAt: end === null ? null : new Date(T + end),
});
const theirs = (id: number, start: number, posted: number, resolved: number | null, serviceId = 1): TheirSpan => ({
  id,
  serviceId,
  startedAt: new Date(T + start),
  postedAt: new Date(T + posted),
  resolvedAt: resolved === null ? null : new Date(T + resolved),
});

describe("matching our incidents with the vendors'", () => {
  it("overlap allows the slack on either side, and never across services", () => {
    const o = ours(1, 10 * H, 10 * H + 5 * M, 11 * H);
    expect(overlaps(o, theirs(1, 11 * H + MATCH_SLACK_MS - M, 11 * H + MATCH_SLACK_MS - M, 12 * H), now)).toBe(true);
    expect(overlaps(o, theirs(2, 11 * H + MATCH_SLACK_MS + M, 11 * H + MATCH_SLACK_MS + M, 12 * H), now)).toBe(false);
    expect(overlaps(o, theirs(3, 8 * H, 8 * H, 10 * H - MATCH_SLACK_MS + M), now)).toBe(true);
    expect(overlaps(o, theirs(4, 8 * H, 8 * H, 10 * H - MATCH_SLACK_MS - M), now)).toBe(false);
    expect(overlaps(o, theirs(5, 10 * H, 10 * H, 11 * H, 2), now)).toBe(false);
    // Open on either side runs to now.
    expect(overlaps(ours(6, 99 * H, 99 * H, null), theirs(6, 50 * H, 50 * H, null), now)).toBe(true);
  });

  it("picks the first vendor post and measures the lead from our detection", () => {
    const o = ours(1, 10 * H, 10 * H + 5 * M, 12 * H);
    const late = theirs(1, 10 * H, 10 * H + 40 * M, 12 * H);
    const early = theirs(2, 9 * H + 50 * M, 10 * H + 20 * M, 11 * H);
    expect(officialMatch(o, [late, early], now)).toBe(early);
    expect(leadMinutes(o, early)).toBe(15);
    // The vendor first: negative.
    expect(leadMinutes(ours(2, 10 * H, 10 * H + 30 * M, 11 * H), early)).toBe(-10);
    expect(officialMatch(o, [theirs(3, 20 * H, 20 * H, 21 * H)], now)).toBeNull();
  });

  it("scores acknowledgement, catches and the median lead inside the window", () => {
    const mine = [
      ours(1, 10 * H, 10 * H + 5 * M, 11 * H), // acknowledged 10 min later
      ours(2, 30 * H, 30 * H + 5 * M, 31 * H), // acknowledged 30 min later
      ours(3, 50 * H, 50 * H + 5 * M, 51 * H), // acknowledged 5 min before we detected
      ours(4, 70 * H, 70 * H + 5 * M, 71 * H), // never acknowledged
      ours(5, 1 * H, 1 * H + 5 * M, 2 * H), // before the window
    ];
    const vendor = [
      theirs(1, 10 * H, 10 * H + 15 * M, 11 * H),
      theirs(2, 30 * H, 30 * H + 35 * M, 31 * H),
      theirs(3, 49 * H, 50 * H, 51 * H),
      theirs(4, 80 * H, 80 * H, 81 * H), // nobody reported it
      theirs(5, 1 * H, 1 * H + 10 * M, 2 * H), // before the window
    ];
    expect(scorecard(mine, vendor, now, new Date(T + 5 * H))).toEqual({
      ours: 4,
      acknowledged: 3,
      theirs: 4,
      caught: 3,
      medianLeadMinutes: 10,
    });
    expect(scorecard([], [], now)).toEqual({ ours: 0, acknowledged: 0, theirs: 0, caught: 0, medianLeadMinutes: null });
  });
});
