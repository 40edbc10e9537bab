import "server-only";
import { sql } from "drizzle-orm";
import { rows, type Db } from "@/db/client";

/** Distinct reporters of one service in the hour before `now` (the "is it just me?" number). */
export async function reportersLastHour(db: Db, serviceId: number, now: Date): Promise<number> {
  const [row] = await rows<{ reporters: number | null }>(
    db,
    sql`select sum(reporters)::int as reporters from service_minute_rollups
        where service_id = ${serviceId} and bucket > ${new Date(now.getTime() - 3_600_000).toISOString()}::timestamptz`,
  );
  return Number(row?.reporters ?? 0);
}
