// npm run db:seed: migrates, upserts the service catalog and, for an empty database, seeds demo history.
import { sql } from "drizzle-orm";
import { getDbHandle, rows } from "./client";
import { migrateDb } from "./migrate";
import { seedCatalog } from "./seed";
import { config } from "@/lib/config";
import { seedDemoHistory } from "@/lib/simulate/demo";

async function main() {
  const cfg = config();
  const handle = getDbHandle();
  await migrateDb(handle, cfg.DATABASE_URL);
  console.log(`catalog: ${await seedCatalog(handle.db)} services`);
  const [existing] = await rows<{ any: boolean }>(handle.db, sql`select exists(select 1 from reports) as any`);
  if (process.argv.includes("--demo") && !existing?.any) {
    const total = await seedDemoHistory(handle.db, {
      seed: cfg.DEMO_SEED,
      cooldownMinutes: cfg.REPORT_COOLDOWN_MINUTES,
      now: new Date(),
      days: cfg.DEMO_HISTORY_DAYS,
      onProgress: (day, days, n) => console.log(`demo history: day ${day}/${days}, ${n.toLocaleString("en")} reports`),
    });
    console.log(`demo history: ${total.toLocaleString("en")} reports`);
  } else if (process.argv.includes("--demo")) {
    console.log("demo history: skipped, the database already has reports");
  }
  await handle.close();
}

main().catch((e) => {
  console.error("seeding failed:", e instanceof Error ? e.message : e);
  process.exit(1);
});
