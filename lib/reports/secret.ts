import "server-only";
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { settings } from "@/db/schema";
import { config } from "@/lib/config";

const KEY = "reporter_secret";
const cache = new WeakMap<Db, Promise<string>>();

/** REPORTER_SECRET when set; otherwise one generated on first use and kept in the database, shared by all instances. */
export function reporterSecret(db: Db): Promise<string> {
  const configured = config().REPORTER_SECRET;
  if (configured) return Promise.resolve(configured);
  let pending = cache.get(db);
  if (!pending) {
    pending = (async () => {
      await db
        .insert(settings)
        .values({ key: KEY, value: randomBytes(32).toString("hex") })
        .onConflictDoNothing();
      const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, KEY));
      if (!row) throw new Error("reporter secret missing after insert");
      return row.value;
    })();
    pending.catch(() => cache.delete(db));
    cache.set(db, pending);
  }
  return pending;
}
