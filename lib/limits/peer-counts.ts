import "server-only";
import { createHmac, createSecretKey, randomUUID, type KeyObject } from "node:crypto";
import { sql } from "drizzle-orm";
import { rows, type Db } from "@/db/client";
import { config } from "@/lib/config";
import { reporterSecret } from "@/lib/secrets/reporter-secret";
import { logError } from "@/lib/text/error-text";

/** What other instances have counted for a key, as a limit needs it (sliding-window.ts). */
export interface PeerCounts {
  /** Hits the other instances counted for `key` in the window starting at `windowStart`. */
  others(key: string | number, windowStart: number): number;
  /** This instance has now counted `count` hits for `key` in that window. */
  record(key: string | number, windowStart: number, count: number): void;
}

/** How often an instance shares its counts and reads the others'. */
export const SYNC_MS = 250;
/**
 * Only keys seen at least this often in a window are shared: a crowd sends one report per person,
 * so nothing is written for it, while a repeat sender is known to every instance within SYNC_MS.
 */
const SHARE_FROM = 2;
/** At most this many keys are read back per sync (the busiest first), whatever an attack adds. */
const READ_LIMIT = 50_000;

/**
 * Rate-limit counts shared by every instance through Postgres (the `limit_hits` table): each one
 * writes the keys it saw more than once, and reads every key's count from the others, every
 * SYNC_MS. A key is stored as a keyed hash (HMAC under the instances' shared secret), never as an
 * address, and rows go after two to three windows. A limit then holds across instances up to what they
 * accept in one sync interval, plus one hit on each (see sliding-window.ts).
 */
export class PostgresPeerCounts implements PeerCounts {
  private readonly instance = randomUUID();
  private readonly secret: KeyObject;
  private dirty = new Map<string, { key: string; window: number; hits: number }>();
  private seen = new Map<string, number>();
  private hashes = new Map<string | number, string>();
  private hashesWindow = 0;
  private timer: ReturnType<typeof setInterval> | null = null;
  private syncing: Promise<void> | null = null;
  private loggedAt = 0;

  constructor(
    private readonly db: Db,
    private readonly limiter: string,
    private readonly windowMs: number,
    secret: string,
  ) {
    this.secret = createSecretKey(Buffer.from(secret));
  }

  /** Syncs every SYNC_MS until stopped; the timer does not keep the process alive. */
  start(): this {
    this.timer ??= setInterval(() => void this.sync(), SYNC_MS);
    this.timer.unref();
    return this;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  others(key: string | number, windowStart: number): number {
    if (this.seen.size === 0) return 0;
    return this.seen.get(`${this.hash(key, windowStart)}|${windowStart}`) ?? 0;
  }

  record(key: string | number, windowStart: number, count: number): void {
    if (count < SHARE_FROM) return;
    const hashed = this.hash(key, windowStart);
    this.dirty.set(`${hashed}|${windowStart}`, { key: hashed, window: windowStart, hits: count });
  }

  /** Writes this instance's counts and reads the others'; one at a time. */
  sync(): Promise<void> {
    this.syncing ??= this.exchange().finally(() => (this.syncing = null));
    return this.syncing;
  }

  private async exchange(): Promise<void> {
    const dirty = [...this.dirty.values()];
    this.dirty = new Map();
    const now = Date.now();
    const oldest = new Date(now - (now % this.windowMs) - this.windowMs).toISOString();
    try {
      if (dirty.length) {
        const values = JSON.stringify(
          dirty.map((d) => ({ key: d.key, window_start: new Date(d.window).toISOString(), hits: d.hits })),
        );
        await this.db.execute(sql`
          insert into limit_hits (limiter, key, window_start, instance, hits)
          select ${this.limiter}, key, window_start, ${this.instance}::uuid, hits
          from json_to_recordset(${values}::json) as x(key uuid, window_start timestamptz, hits int)
          on conflict (limiter, window_start, key, instance) do update set hits = greatest(limit_hits.hits, excluded.hits)`);
      }
      const found = await rows<{ key: string; window_start: Date | string; hits: number }>(
        this.db,
        sql`select key, window_start, sum(hits)::int as hits from limit_hits
            where limiter = ${this.limiter} and window_start >= ${oldest}::timestamptz and instance <> ${this.instance}::uuid
            group by 1, 2 order by 3 desc limit ${READ_LIMIT}`,
      );
      this.seen = new Map(found.map((r) => [`${r.key}|${new Date(r.window_start).getTime()}`, Number(r.hits)]));
      // Rows of windows no limit looks at any more, by whichever instance gets there.
      if (Math.random() < SYNC_MS / 60_000)
        await this.db.execute(
          sql`delete from limit_hits where limiter = ${this.limiter} and window_start < ${oldest}::timestamptz`,
        );
    } catch (error) {
      // Unshared for a moment: each instance still enforces the limit on its own hits.
      for (const d of dirty) if (!this.dirty.has(`${d.key}|${d.window}`)) this.dirty.set(`${d.key}|${d.window}`, d);
      if (now - this.loggedAt > 60_000) {
        this.loggedAt = now;
        logError("rate limits: could not share counts", error);
      }
    }
  }

  /** The key's keyed hash as a uuid, kept for the current window so a hit costs one HMAC at most. */
  private hash(key: string | number, windowStart: number): string {
    if (windowStart > this.hashesWindow) {
      this.hashes = new Map();
      this.hashesWindow = windowStart;
    }
    let h = this.hashes.get(key);
    if (!h) {
      const d = createHmac("sha256", this.secret).update(`${this.limiter}|${key}`).digest("hex");
      h = `${d.slice(0, 8)}-${d.slice(8, 12)}-${d.slice(12, 16)}-${d.slice(16, 20)}-${d.slice(20, 32)}`;
      this.hashes.set(key, h);
    }
    return h;
  }
}

/**
 * The counts other instances share for a limit, syncing: with a Postgres server (DATABASE_URL) there
 * may be several instances and workers; the embedded database has one process, and needs none.
 */
export function sharedPeers(db: Db, limiter: string, windowMs: number): PeerCounts | undefined {
  return config().DATABASE_URL ? new PostgresPeerCounts(db, limiter, windowMs, reporterSecret()).start() : undefined;
}
