// npm run detect:once — runs one detector tick against the configured database and prints what it did.
import { getDbHandle } from "@/lib/db";
import { migrateDb } from "@/db/migrate";
import { config } from "@/lib/config";
import { runTick } from "@/lib/incidents/tick";

async function main() {
  const handle = getDbHandle();
  await migrateDb(handle, config().DATABASE_URL);
  const started = Date.now();
  const summary = await runTick(handle.db);
  console.log(
    summary.ran
      ? `tick: ${summary.services} services, ${summary.regions} regional detectors, ${summary.minutes} detector-minutes, opened ${summary.opened}, escalated ${summary.escalated}, resolved ${summary.resolved} (${Date.now() - started} ms)`
      : "tick: skipped, another instance holds the detector lock",
  );
  await handle.close();
}

main().catch((e) => {
  console.error("tick failed:", e instanceof Error ? e.message : e);
  process.exit(1);
});
