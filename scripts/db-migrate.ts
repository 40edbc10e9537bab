// npm run db:migrate: applies the committed migrations to the configured database.
import { getDbHandle } from "@/lib/db";
import { migrateDb } from "@/db/migrate";
import { config } from "@/lib/config";

async function main() {
  const handle = getDbHandle();
  await migrateDb(handle, config().DATABASE_URL);
  console.log(`migrations applied (${handle.driver})`);
  await handle.close();
}

main().catch((e) => {
  console.error("migration failed:", e instanceof Error ? e.message : e);
  process.exit(1);
});
