import "server-only";
import { createDb, type Db, type DbHandle } from "@/db/client";
import { ReplicaReads, replicaName } from "@/db/replicas";
import { config } from "@/lib/config";

// One handle per process, shared by every module graph (Next's bundle and the tsx server):
// two PGlite instances on one directory would corrupt it.
const KEY = Symbol.for("outage-radar.db");
const READS = Symbol.for("outage-radar.replica-reads");
type Holder = { [KEY]?: DbHandle; [READS]?: ReplicaReads | null };

export function getDbHandle(): DbHandle {
  const g = globalThis as Holder;
  if (!g[KEY]) {
    const cfg = config();
    g[KEY] = createDb({
      url: cfg.DATABASE_URL,
      dataDir: cfg.DATA_DIR,
      statementTimeoutMs: cfg.DB_STATEMENT_TIMEOUT_MS,
      lockTimeoutMs: cfg.DB_LOCK_TIMEOUT_MS,
    });
  }
  return g[KEY];
}

export function getDb(): Db {
  return getDbHandle().db;
}

/**
 * For reads that may be seconds old — public pages, the public API, exports: a streaming replica
 * when DATABASE_REPLICA_URL names one that keeps up, else the primary. Never for a write, the
 * console, or a read that must see a write just made.
 */
export function getReadDb(): Db {
  return replicaReads()?.db() ?? getDb();
}

/** The replicas this process reads from, probing since first asked; null without DATABASE_REPLICA_URL. */
export function replicaReads(): ReplicaReads | null {
  const g = globalThis as Holder;
  if (g[READS] === undefined) {
    const cfg = config();
    const urls = cfg.DATABASE_REPLICA_URL ?? [];
    g[READS] = urls.length
      ? new ReplicaReads(
          getDbHandle(),
          urls.map((url) => ({
            name: replicaName(url),
            handle: createDb({
              url,
              statementTimeoutMs: cfg.DB_STATEMENT_TIMEOUT_MS,
              lockTimeoutMs: cfg.DB_LOCK_TIMEOUT_MS,
            }),
          })),
          cfg.DATABASE_REPLICA_MAX_LAG_MS,
        )
      : null;
    void g[READS]?.start();
  }
  return g[READS];
}

/** Replaces the process-wide handle (tests point the app's modules at their own database). */
export function setDbHandle(handle: DbHandle | undefined): void {
  (globalThis as Holder)[KEY] = handle;
}
