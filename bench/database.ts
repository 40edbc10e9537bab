import postgres from "postgres";
import { sql } from "drizzle-orm";
import { createDb, type Db, type DbHandle } from "@/db/client";
import { migrateDb } from "@/db/migrate";
import { seedCatalog } from "@/db/seed";

/**
 * A migrated, catalog-seeded database of the benchmark's own on the Postgres server (DATABASE_URL,
 * default the local test server), dropped afterwards whatever happens.
 */
export async function withBenchDatabase<T>(
  label: string,
  run: (bench: { url: string; handle: DbHandle }) => Promise<T>,
): Promise<T> {
  const base = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
  const name = `outage_radar_bench_${label}_${process.pid}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  // Seeding a benchmark's history takes statements far longer than any request's.
  const handle = createDb({ url: url.toString(), statementTimeoutMs: 0 });
  try {
    await migrateDb(handle, url.toString());
    await seedCatalog(handle.db);
    return await run({ url: url.toString(), handle });
  } finally {
    await handle.close();
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

/** Synthetic services after the real catalog, up to `total`, each with a status row. */
export async function addBenchServices(db: Db, total: number): Promise<void> {
  await db.execute(sql`
    insert into services (slug, name, category, website, symptoms, troubleshooting)
    select 'bench-' || g, 'Bench ' || g, (enum_range(null::service_category))[1 + g % 8], 'https://example.com',
           '[{"slug":"login","label":"Login"}]'::jsonb, '[]'::jsonb
    from generate_series(1, ${total} - (select count(*) from services)) g`);
  await db.execute(sql`insert into service_status (service_id) select id from services on conflict do nothing`);
}
