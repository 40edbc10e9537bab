import "server-only";
import { sql } from "drizzle-orm";
import { rows, type Db, type DbHandle } from "./client";
import { parseLsn, ReplicaLag } from "./replica-lag";

/**
 * How often each process asks the primary and every replica where they are: a replica's lag is known
 * to within this, and one that stops answering gets no more reads after at most this long (one tiny
 * query each, four a second per process).
 */
export const REPLICA_PROBE_MS = 250;
const PROBE_TIMEOUT_MS = 1_500;

export interface ReplicaStatus {
  /** host:port/database, never the credentials. */
  name: string;
  /** Answering and at most `maxLagMs` behind: reads go to it. */
  serving: boolean;
  /** Milliseconds of commits it may be missing (an upper bound, within 250 ms); null when unknown. */
  lagMs: number | null;
  /** Why it is out of rotation, when it is. */
  reason: string | null;
}

export interface ReadStats {
  replicas: ReplicaStatus[];
  /** Reads since this process started, by where they went. */
  reads: { replica: number; primary: number };
}

interface Replica {
  name: string;
  handle: DbHandle;
  lagMs: number | null;
  reason: string | null;
}

const withTimeout = <T>(work: Promise<T>, ms: number): Promise<T> =>
  Promise.race([
    work,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms).unref()),
  ]);

/** What people may see of a replica's URL: where it is, not how to log in. */
export function replicaName(url: string): string {
  const u = new URL(url);
  return `${u.hostname}:${u.port || "5432"}${u.pathname}`;
}

/**
 * Reads that may be a few seconds old (pages, the public API, exports) go to streaming replicas
 * that are answering and at most `maxLagMs` behind, in turn; when none is, they go to the primary,
 * and the read counts say so. Writes and anything that must see its own writes use the primary
 * directly (`getDb`), never this.
 */
export class ReplicaReads {
  private readonly replicas: Replica[];
  private readonly lag: ReplicaLag;
  private timer: NodeJS.Timeout | undefined;
  private next = 0;
  private primaryLsn: bigint | undefined;
  private started: Promise<void> | undefined;
  private closed = false;
  private readonly counts = { replica: 0, primary: 0 };

  constructor(
    private readonly primary: DbHandle,
    replicas: { name: string; handle: DbHandle }[],
    private readonly maxLagMs: number,
  ) {
    this.replicas = replicas.map((r) => ({ ...r, lagMs: null, reason: "not probed yet" }));
    this.lag = new ReplicaLag(Math.max(maxLagMs * 2, 4_000));
  }

  /** Probes now and then every REPLICA_PROBE_MS (once, however often called); resolves after the first probe. */
  start(): Promise<void> {
    const loop = async () => {
      await this.samplePrimary();
      await Promise.all(this.replicas.map((r) => this.probeReplica(r)));
      if (!this.closed) this.timer = setTimeout(() => void loop(), REPLICA_PROBE_MS).unref();
    };
    this.started ??= loop();
    return this.started;
  }

  /** The database a stale-tolerant read should use now. */
  db(): Db {
    for (let i = 0; i < this.replicas.length; i++) {
      const replica = this.replicas[(this.next + i) % this.replicas.length]!;
      if (this.serving(replica)) {
        this.next = (this.next + i + 1) % this.replicas.length;
        this.counts.replica++;
        return replica.handle.db;
      }
    }
    this.counts.primary++;
    return this.primary.db;
  }

  stats(): ReadStats {
    return {
      replicas: this.replicas.map((r) => ({
        name: r.name,
        serving: this.serving(r),
        lagMs: r.lagMs,
        reason: this.serving(r) ? null : (r.reason ?? `${r.lagMs} ms behind (more than ${this.maxLagMs})`),
      })),
      reads: { ...this.counts },
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await Promise.all(this.replicas.map((r) => r.handle.close().catch(() => {})));
  }

  private serving(r: Replica): boolean {
    return r.reason === null && r.lagMs !== null && r.lagMs <= this.maxLagMs;
  }

  /**
   * Where the primary is now. Whatever a replica has replayed by the time it answers is compared
   * with positions read before it. A primary that does not answer commits nothing either, so its
   * last known position stands: a replica that has it serves the pages the primary cannot.
   */
  private async samplePrimary(): Promise<void> {
    try {
      const [row] = await withTimeout(
        rows<{ lsn: string }>(this.primary.db, sql`select pg_current_wal_lsn()::text as lsn`),
        PROBE_TIMEOUT_MS,
      );
      this.primaryLsn = parseLsn(row!.lsn);
    } catch {
      // the last known position, if any
    }
    if (this.primaryLsn !== undefined) this.lag.notePrimary(this.primaryLsn, performance.now());
  }

  private async probeReplica(r: Replica): Promise<void> {
    try {
      const [row] = await withTimeout(
        rows<{ lsn: string | null }>(
          r.handle.db,
          // A server that is not a replica (promoted, or the primary itself) has everything it holds.
          sql`select (case when pg_is_in_recovery() then pg_last_wal_replay_lsn()
                      else pg_current_wal_lsn() end)::text as lsn`,
        ),
        PROBE_TIMEOUT_MS,
      );
      const lagMs = row?.lsn ? this.lag.stalenessMs(parseLsn(row.lsn), performance.now()) : null;
      r.lagMs = lagMs === null ? null : Math.round(lagMs);
      r.reason = !row?.lsn
        ? "has replayed nothing yet"
        : lagMs === null
          ? "the primary's position is not known yet"
          : null;
    } catch (error) {
      r.lagMs = null;
      r.reason = `not answering: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
}
