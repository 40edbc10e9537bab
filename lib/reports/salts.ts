import "server-only";
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { rows, type Db } from "@/db/client";
import { dayOf, inSaltCarryOver, type SaltOfDay } from "./identity";

// Per database, per process: a day's salt never changes once made, so it is read once. A past day
// found without one (null) stays without: only a report of that day could make it.
const cache = new WeakMap<Db, Map<number, string | null>>();

async function saltOf(db: Db, day: number, create: boolean): Promise<string | null> {
  let known = cache.get(db);
  if (!known) cache.set(db, (known = new Map()));
  const hit = known.get(day);
  if (hit !== undefined && (hit !== null || !create)) return hit;
  if (create)
    await db.execute(
      sql`insert into daily_salts (day, salt) values (${day}, ${randomBytes(32).toString("hex")}) on conflict (day) do nothing`,
    );
  const [row] = await rows<{ salt: string }>(db, sql`select salt from daily_salts where day = ${day}`);
  if (known.size >= 4) known.clear();
  known.set(day, row?.salt ?? null);
  return row?.salt ?? null;
}

/**
 * The salts a report made at `at` is hashed with: its day's (made on first use, shared by every
 * instance through the database) and, early in the day, yesterday's if it still exists.
 */
export async function saltsFor(db: Db, at: Date, cooldownMinutes: number): Promise<SaltOfDay> {
  const day = dayOf(at);
  const today = await saltOf(db, day, true);
  const yesterday = inSaltCarryOver(at, cooldownMinutes) ? await saltOf(db, day - 1, false) : null;
  return (d) => (d === day ? today : d === day - 1 ? yesterday : null);
}

/**
 * Destroys every salt no window needs any more: all before yesterday, and yesterday's once the
 * carry-over after midnight is over. Returns how many.
 */
export async function destroyExpiredSalts(db: Db, cooldownMinutes: number, now = new Date()): Promise<number> {
  const day = dayOf(now);
  const keep = inSaltCarryOver(now, cooldownMinutes) ? day - 1 : day;
  const gone = await rows<{ day: number }>(db, sql`delete from daily_salts where day < ${keep} returning day`);
  const known = cache.get(db);
  for (const g of gone) known?.delete(g.day);
  return gone.length;
}
