import "server-only";
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { createDb, type DbHandle } from "@/db/client";
import { migrateDb } from "@/db/migrate";
import { seedCatalog } from "@/db/seed";
import { readyReportPartitions } from "@/lib/reports/partitions";

export interface TestDb {
  handle: DbHandle;
  /** The server database's URL (so a test can open more connections to it); unset for PGlite. */
  url?: string;
  drop(): Promise<void>;
}

export interface TestTarget {
  name: "pglite" | "postgres";
  open(): Promise<TestDb>;
}

/**
 * A migrated, catalog-seeded database of its own: in-memory PGlite, or a fresh database on the server.
 * Its report partitions are readied as the server's start readies them (yesterday to a few days
 * ahead): migrations alone make today's onwards, so a test writing reports minutes old failed when
 * it ran just after midnight UTC.
 */
async function openPglite(): Promise<TestDb> {
  const handle = createDb({ dataDir: "memory://" });
  await migrateDb(handle);
  await seedCatalog(handle.db);
  await readyReportPartitions(handle.db);
  return { handle, drop: () => handle.close() };
}

async function openServer(baseUrl: string): Promise<TestDb> {
  const name = `outage_radar_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const handle = createDb({ url: url.toString() });
  await migrateDb(handle, url.toString());
  await seedCatalog(handle.db);
  await readyReportPartitions(handle.db);
  return {
    handle,
    url: url.toString(),
    async drop() {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** PGlite always; the Postgres server too when DATABASE_URL is set (CI sets it). */
export function testTargets(): TestTarget[] {
  const targets: TestTarget[] = [{ name: "pglite", open: openPglite }];
  const url = process.env.DATABASE_URL;
  if (url) targets.push({ name: "postgres", open: () => openServer(url) });
  return targets;
}
