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
    const { DATABASE_URL, DATA_DIR } = config();
    g[KEY] = createDb({ url: DATABASE_URL, dataDir: DATA_DIR });
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
