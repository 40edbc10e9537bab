import type { PeerCounts } from "./peer-counts";

/**
 * A sliding-window rate limit per key, kept in this process's memory: the count in the current
 * fixed window plus the previous window's count weighted by how much of it still overlaps (the
 * estimate Cloudflare describes for its limiter). Two maps swapped at each window edge hold all the
 * state, so memory is bounded by the keys seen in two windows and nothing needs a timer; a
 * timer-per-key store (rate-limiter-flexible's memory limiter) would keep a million timers at
 * outage-scale traffic from many addresses. With `peers`, the counts of other instances are added.
 */
export class SlidingWindowLimit {
  private current = new Map<string | number, number>();
  private previous = new Map<string | number, number>();
  private windowStart = 0;

  /** `peers`: what other instances counted (peer-counts.ts); without, the limit is this process's alone. */
  constructor(
    private readonly limit: number,
    private readonly windowMs = 60_000,
    private readonly peers?: PeerCounts,
  ) {}

  /** Counts one hit for `key`; false (with seconds to wait) when it would go over the limit. */
  hit(key: string | number, now = Date.now()): { ok: true } | { ok: false; retryAfterSeconds: number } {
    const verdict = this.peek(key, now);
    if (verdict.ok) {
      const count = (this.current.get(key) ?? 0) + 1;
      this.current.set(key, count);
      this.peers?.record(key, this.windowStart, count);
    }
    return verdict;
  }

  /** What `hit` would answer, without counting anything. */
  peek(key: string | number, now = Date.now()): { ok: true } | { ok: false; retryAfterSeconds: number } {
    const start = now - (now % this.windowMs);
    if (start !== this.windowStart) {
      this.previous = start - this.windowStart === this.windowMs ? this.current : new Map();
      this.current = new Map();
      this.windowStart = start;
    }
    const overlap = 1 - (now - start) / this.windowMs;
    let before = this.previous.get(key) ?? 0;
    let mine = this.current.get(key) ?? 0;
    // A key new to this instance in both windows is not looked up: that would cost a keyed hash for
    // every person in a crowd, and a sender spread over several instances gains one hit on each.
    if (this.peers && before + mine > 0) {
      before += this.peers.others(key, start - this.windowMs);
      mine += this.peers.others(key, start);
    }
    if (before * overlap + mine + 1 > this.limit) {
      const untilNext = this.windowMs - (now - start);
      // Over on this window alone: wait for it to end and for enough of it to slide out of the next.
      // Else: wait until enough of the previous window has slid out.
      const wait =
        mine + 1 > this.limit
          ? untilNext + this.windowMs * Math.max(0, 1 - (this.limit - 1) / mine)
          : ((before * overlap + mine + 1 - this.limit) / before) * this.windowMs;
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(wait / 1000)) };
    }
    return { ok: true };
  }
}
