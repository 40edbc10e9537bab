import "server-only";
import { sql } from "drizzle-orm";
import { pgErrorCode, rows, type Db } from "@/db/client";

const DAY = 86_400_000;
/** Days of partitions kept ready ahead of now, so reports never wait on one being created. */
export const PARTITION_DAYS_AHEAD = 3;
const MAINTENANCE_LOCK = 7_201_123;
const LOCK_NOT_AVAILABLE = "55P03";
const NOT_IN_PREREQUISITE_STATE = "55000";
const CHECK_VIOLATION = "23514";

const dayStart = (t: number) => Math.floor(t / DAY) * DAY;
const nameOf = (day: number) => `reports_p${new Date(day).toISOString().slice(0, 10).replaceAll("-", "")}`;
const dayOf = (name: string) => Date.UTC(+name.slice(9, 13), +name.slice(13, 15) - 1, +name.slice(15, 17));
const iso = (t: number) => new Date(t).toISOString();

/** The daily partitions, attached or (after an interrupted retirement) pending detach or detached. */
async function partitionTables(
  db: Db,
): Promise<Array<{ day: number; name: string; state: "attached" | "pending" | "detached" }>> {
  const list = await rows<{ name: string; pending: boolean | null }>(
    db,
    sql`select c.relname as name, i.inhdetachpending as pending from pg_class c
        join pg_namespace n on n.oid = c.relnamespace and n.nspname = current_schema()
        left join pg_inherits i on i.inhrelid = c.oid and i.inhparent = 'reports'::regclass
        where c.relkind = 'r' and c.relname ~ '^reports_p[0-9]{8}$'`,
  );
  return list
    .map((r) => ({
      day: dayOf(r.name),
      name: r.name,
      state: r.pending === null ? ("detached" as const) : r.pending ? ("pending" as const) : ("attached" as const),
    }))
    .sort((a, b) => a.day - b.day);
}

/**
 * Daily partitions covering [from, to]. There is no default partition (it would forbid retiring
 * days concurrently): a report for a day without one makes ingest create it (see
 * `isMissingPartition`). Attaching takes only a lock that inserts do not wait for. Returns the
 * partitions created.
 */
export async function ensureReportPartitions(db: Db, from: Date, to: Date): Promise<string[]> {
  const existing = new Set((await partitionTables(db)).filter((p) => p.state === "attached").map((p) => p.day));
  const created: string[] = [];
  for (let day = dayStart(from.getTime()); day <= to.getTime(); day += DAY) {
    if (existing.has(day)) continue;
    const name = nameOf(day);
    const made = await db.transaction(async (tx) => {
      // Two instances creating the same day: the second waits here, then finds it made.
      await tx.execute(sql`select pg_advisory_xact_lock(${MAINTENANCE_LOCK})`);
      const [exists] = await rows<{ found: boolean }>(tx, sql`select to_regclass(${name}) is not null as found`);
      if (exists?.found) return false;
      await tx.execute(sql.raw(`create table "${name}" (like reports including defaults)`));
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

/** Whether an insert failed because a report's day has no partition (ingest then makes one and retries). */
export function isMissingPartition(error: unknown): boolean {
  if (pgErrorCode(error) !== CHECK_VIOLATION) return false;
  const e = error as { message?: unknown; cause?: { message?: unknown } };
  return [e.message, e.cause?.message].some((m) => typeof m === "string" && m.includes("no partition of relation"));
}

/** How long dropping a detached day may wait for its lock (it holds no one else up meanwhile). */
export const DROP_LOCK_WAIT_MS = 1_000;

/**
 * Retires the days older than the retention period (rollups are kept): each is detached
 * CONCURRENTLY, which waits for the reads that might still see it without making inserts wait
 * behind it, then dropped. A retirement cut short (a restart, a timeout) is finished next round.
 * Returns the partitions dropped.
 */
export async function dropExpiredReports(db: Db, retentionDays: number, now = new Date()): Promise<string[]> {
  if (retentionDays <= 0) return [];
  const cutoff = dayStart(now.getTime()) - retentionDays * DAY;
  const dropped: string[] = [];
  const expired = (await partitionTables(db)).filter((p) => p.day + DAY <= cutoff);
  // Postgres allows one detach pending per table: an interrupted one is finished first.
  for (const p of [...expired.filter((x) => x.state === "pending"), ...expired.filter((x) => x.state !== "pending")]) {
    // Not in a transaction: Postgres runs a concurrent detach as transactions of its own.
    const detach = { attached: "concurrently", pending: "finalize", detached: null }[p.state];
    if (detach) {
      const detached = await db.execute(sql.raw(`alter table reports detach partition "${p.name}" ${detach}`)).then(
        () => true,
        (error: unknown) => {
          // Another instance is retiring a day right now: this round ends here.
          if (pgErrorCode(error) === NOT_IN_PREREQUISITE_STATE) return false;
          throw error;
        },
      );
      if (!detached) return dropped;
    }
    const done = await db
      .transaction(async (tx) => {
        await tx.execute(sql.raw(`set local lock_timeout = ${DROP_LOCK_WAIT_MS}`));
        await tx.execute(sql.raw(`drop table if exists "${p.name}"`));
      })
      .then(
        () => true,
        (error: unknown) => {
          if (pgErrorCode(error) === LOCK_NOT_AVAILABLE) return false;
          throw error;
        },
      );
    if (!done) return dropped;
    dropped.push(p.name);
  }
  return dropped;
}

/** What the server runs at start: yesterday's, today's and the next days' partitions. */
export function readyReportPartitions(db: Db, now = new Date()): Promise<string[]> {
  return ensureReportPartitions(
    db,
    new Date(now.getTime() - DAY),
    new Date(now.getTime() + PARTITION_DAYS_AHEAD * DAY),
  );
}

/**
 * What maintenance runs every few minutes: partitions ahead, retention behind. (Not at start: a
 * retirement may wait on long reads, which must not hold up a server coming up.)
 */
export async function maintainReportPartitions(db: Db, retentionDays: number, now = new Date()) {
  const created = await readyReportPartitions(db, now);
  const dropped = await dropExpiredReports(db, retentionDays, now);
  return { created, dropped };
}
