import "server-only";
import { createDb, type Db, type DbHandle } from "@/db/client";
import { config } from "@/lib/config";

// One handle per process, shared by every module graph (Next's bundle and the tsx server):
// two PGlite instances on one directory would corrupt it.
const KEY = Symbol.for("outage-radar.db");
type Holder = { [KEY]?: DbHandle };

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

/** Replaces the process-wide handle (tests point the app's modules at their own database). */
export function setDbHandle(handle: DbHandle | undefined): void {
  (globalThis as Holder)[KEY] = handle;
}
