import "server-only";
import { sql } from "drizzle-orm";
import { pgErrorCode, rows, type Db } from "@/db/client";

const DAY = 86_400_000;
/** Days of partitions kept ready ahead of now, so reports never wait on one being created. */
export const PARTITION_DAYS_AHEAD = 3;
const MAINTENANCE_LOCK = 7_201_123;
const LOCK_NOT_AVAILABLE = "55P03";

const dayStart = (t: number) => Math.floor(t / DAY) * DAY;
const nameOf = (day: number) => `reports_p${new Date(day).toISOString().slice(0, 10).replaceAll("-", "")}`;
const iso = (t: number) => new Date(t).toISOString();

async function partitionDays(db: Db): Promise<Set<number>> {
  const list = await rows<{ name: string }>(
    db,
    sql`select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
        where i.inhparent = 'reports'::regclass and c.relname like 'reports_p%'`,
  );
  return new Set(list.map((r) => Date.UTC(+r.name.slice(9, 13), +r.name.slice(13, 15) - 1, +r.name.slice(15, 17))));
}

/**
 * Daily partitions covering [from, to]. Rows that already landed in the default partition for a
 * new day move into it in the same transaction, so creating a partition never loses or refuses a
 * report. Returns the partitions created.
 */
export async function ensureReportPartitions(db: Db, from: Date, to: Date): Promise<string[]> {
  const existing = await partitionDays(db);
  const created: string[] = [];
  for (let day = dayStart(from.getTime()); day <= to.getTime(); day += DAY) {
    if (existing.has(day)) continue;
    const name = nameOf(day);
    const made = await db.transaction(async (tx) => {
      const [lock] = await rows<{ ok: boolean }>(tx, sql`select pg_try_advisory_xact_lock(${MAINTENANCE_LOCK}) as ok`);
      if (!lock?.ok) return false; // another instance is doing it
      const [exists] = await rows<{ found: boolean }>(tx, sql`select to_regclass(${name}) is not null as found`);
      if (exists?.found) return false;
      await tx.execute(sql.raw(`create table "${name}" (like reports including defaults)`));
      await tx.execute(
        sql.raw(`with moved as (delete from reports_default where created_at >= '${iso(day)}' and created_at < '${iso(day + DAY)}' returning *)
                 insert into "${name}" select * from moved`),
      );
      await tx.execute(
        sql.raw(
          `alter table reports attach partition "${name}" for values from ('${iso(day)}') to ('${iso(day + DAY)}')`,
        ),
      );
      return true;
    });
    if (made) created.push(name);
  }
  return created;
}

/**
 * How long dropping a partition may wait for its lock. Dropping needs the whole reports table to
 * itself, and while it waits every insert queues behind it: a short wait, then the next round.
 * (DETACH … CONCURRENTLY would not need it, but Postgres refuses it while a default partition
 * exists, and ours catches reports for days that have no partition yet.)
 */
export const DROP_LOCK_WAIT_MS = 1_000;

/**
 * Drops the days older than the retention period (rollups are kept). Returns the partitions dropped;
 * one whose lock is busy (a long read) is left for the next round.
 */
export async function dropExpiredReports(db: Db, retentionDays: number, now = new Date()): Promise<string[]> {
  if (retentionDays <= 0) return [];
  const cutoff = dayStart(now.getTime()) - retentionDays * DAY;
  const dropped: string[] = [];
  for (const day of [...(await partitionDays(db))].sort((a, b) => a - b)) {
    if (day + DAY > cutoff) break;
    const done = await db
      .transaction(async (tx) => {
        await tx.execute(sql.raw(`set local lock_timeout = ${DROP_LOCK_WAIT_MS}`));
        await tx.execute(sql.raw(`drop table if exists "${nameOf(day)}"`));
      })
      .then(
        () => true,
        (error: unknown) => {
          if (pgErrorCode(error) === LOCK_NOT_AVAILABLE) return false;
          throw error;
        },
      );
    if (!done) return dropped;
    dropped.push(nameOf(day));
  }
  await db.execute(sql`delete from reports_default where created_at < ${iso(cutoff)}::timestamptz`);
  return dropped;
}

/** What the server runs at start and every few minutes: partitions ahead, retention behind. */
export async function maintainReportPartitions(db: Db, retentionDays: number, now = new Date()) {
  const created = await ensureReportPartitions(
    db,
    new Date(now.getTime() - DAY),
    new Date(now.getTime() + PARTITION_DAYS_AHEAD * DAY),
  );
  const dropped = await dropExpiredReports(db, retentionDays, now);
  return { created, dropped };
}
