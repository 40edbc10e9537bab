// npm run db:seed [-- --demo]: migrates, upserts the service catalog and, with --demo and an empty
// database, seeds demo history and lets the detector replay it.
import { getDbHandle } from "@/lib/db";
import { migrateDb } from "@/db/migrate";
import { seedCatalog } from "@/db/seed";
import { config } from "@/lib/config";
import { seedDemoIfEmpty } from "@/lib/simulate/demo";

async function main() {
  const cfg = config();
  const handle = getDbHandle();
  await migrateDb(handle, cfg.DATABASE_URL);
  console.log(`catalog: ${await seedCatalog(handle.db)} services`);
  if (process.argv.includes("--demo")) {
    const seeded = await seedDemoIfEmpty(handle.db, {
      seed: cfg.DEMO_SEED,
      cooldownMinutes: cfg.REPORT_COOLDOWN_MINUTES,
      scenarios: cfg.DEMO_SCENARIO,
      now: new Date(),
      days: cfg.DEMO_HISTORY_DAYS,
      log: console.log,
    });
    if (!seeded) console.log("demo history: skipped, the database already has reports");
  }
  await handle.close();
}

main().catch((e) => {
  console.error("seeding failed:", e instanceof Error ? e.message : e);
  process.exit(1);
});
