import "server-only";
import { services, serviceStatus } from "@/db/schema";
import type { Db } from "@/db/client";
import type { StatusLevel, Symptom } from "@/lib/catalog/constants";
import { cachedRead } from "@/lib/cache/read-cache";

export interface ReportableService {
  id: number;
  slug: string;
  name: string;
  symptoms: Symptom[];
}

/** A service added to the catalog is reportable within a minute, on every instance. */
const catalog = cachedRead(async (db: Db) => {
  const list = await db
    .select({ id: services.id, slug: services.slug, name: services.name, symptoms: services.symptoms })
    .from(services);
  return new Map(list.map((s) => [s.slug, s]));
}, 60_000);

/** Statuses change once per detector tick (30 s); a few seconds' staleness in a report's answer is fine. */
const statuses = cachedRead(async (db: Db) => {
  const list = await db.select({ id: serviceStatus.serviceId, level: serviceStatus.level }).from(serviceStatus);
  return new Map(list.map((s) => [s.id, s.level]));
}, 5_000);

export async function reportableService(db: Db, slug: string): Promise<ReportableService | undefined> {
  return (await catalog(db)).get(slug);
}

export async function currentLevel(db: Db, serviceId: number): Promise<StatusLevel> {
  return (await statuses(db)).get(serviceId) ?? "ok";
}
