import "server-only";
import path from "node:path";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import type { DbHandle } from "./client";

const migrationsFolder = path.join(process.cwd(), "db", "migrations");
const MIGRATION_LOCK = 7_201_120; // arbitrary advisory-lock key shared by every instance

/**
 * Applies committed migrations. On a server, instances that start together serialize on an
 * advisory lock held by a dedicated single connection, so exactly one of them migrates.
 */
export async function migrateDb(handle: DbHandle, url?: string): Promise<void> {
  if (handle.driver === "pglite") {
    await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder });
    return;
  }
  if (!url) throw new Error("migrateDb: a server database needs its URL");
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migratePostgres(drizzlePostgres(client), { migrationsFolder });
    await client`select pg_advisory_unlock(${MIGRATION_LOCK})`;
  } finally {
    await client.end();
  }
}
