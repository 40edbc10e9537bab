import "server-only";
import type { Db } from "@/db/client";

interface Entry<V> {
  value: Promise<V>;
  at: number;
  refreshing: boolean;
}

const MAX_KEYS = 2_000;
// Ages come from the monotonic clock: Next.js wraps Date.now() with a check of its own (it reserves
// Date for output), and the report path asks this cache twice per report.
const now = () => performance.now();

/**
 * Wraps a read model so each instance computes it at most once per `ttlMs` per arguments, and
 * serves the previous value while the next one is computed (stale-while-revalidate): under a
 * flood of readers the database sees one query per key per interval and nobody waits for it but
 * the very first reader. For pages whose data may be seconds old; never for a reporter's own answer.
 */
export function cachedRead<A extends unknown[], V>(
  read: (db: Db, ...args: A) => Promise<V>,
  ttlMs: number,
): (db: Db, ...args: A) => Promise<V> {
  const byDb = new WeakMap<Db, Map<string, Entry<V>>>();
  return (db, ...args) => {
    let entries = byDb.get(db);
    if (!entries) byDb.set(db, (entries = new Map()));
    const key = args.length === 0 ? "" : JSON.stringify(args);
    const entry = entries.get(key);
    if (!entry) {
      if (entries.size >= MAX_KEYS) entries.clear();
      const fresh: Entry<V> = { value: read(db, ...args), at: now(), refreshing: false };
      entries.set(key, fresh);
      fresh.value.catch(() => entries.get(key) === fresh && entries.delete(key));
      return fresh.value;
    }
    if (now() - entry.at > ttlMs && !entry.refreshing) {
      entry.refreshing = true;
      read(db, ...args).then(
        (v) => entries.set(key, { value: Promise.resolve(v), at: now(), refreshing: false }),
        () => {
          entry.refreshing = false;
          entry.at = now();
        },
      );
    }
    return entry.value;
  };
}
