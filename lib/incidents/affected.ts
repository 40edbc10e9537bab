import "server-only";
import { sql } from "drizzle-orm";
import { rows, type Db, type Tx } from "@/db/client";

/** Countries or symptoms that carried at least 5% of a service's reporters between two times, most first. */
export async function topShares(
  db: Db | Tx,
  serviceId: number,
  from: Date,
  to: Date,
  column: "country" | "symptom",
): Promise<string[]> {
  const during = sql`service_id = ${serviceId} and bucket >= ${from.toISOString()}::timestamptz and bucket <= ${to.toISOString()}::timestamptz`;
  const found = await rows<{ key: string }>(
    db,
    sql`select ${sql.identifier(column)} as key from report_rollups where ${during}
        group by 1 having sum(reporters) >= 0.05 * (select greatest(1, sum(reporters)) from report_rollups where ${during})
        order by sum(reporters) desc limit 8`,
  );
  return found.map((r) => r.key);
}

/** Where an incident was and what broke: what the detector records when it closes one. */
export async function affectedBy(db: Db | Tx, serviceId: number, from: Date, to: Date) {
  return {
    regions: await topShares(db, serviceId, from, to, "country"),
    symptoms: await topShares(db, serviceId, from, to, "symptom"),
  };
}
