import "server-only";
import { notInArray, sql } from "drizzle-orm";
import type { Db, Tx } from "./client";
import { officialSources, services } from "./schema";
import { CATALOG } from "./catalog";
import { OFFICIAL_FEEDS } from "./official-feeds";

/** Upserts the catalog by slug and gives every service a status row; safe to run on every start. */
export async function seedCatalog(db: Db): Promise<number> {
  await db.transaction(async (tx) => {
    await tx
      .insert(services)
      .values(CATALOG)
      .onConflictDoUpdate({
        target: services.slug,
        set: {
          name: sql`excluded.name`,
          category: sql`excluded.category`,
          website: sql`excluded.website`,
          statusPage: sql`excluded.status_page`,
          aliases: sql`excluded.aliases`,
          symptoms: sql`excluded.symptoms`,
          troubleshooting: sql`excluded.troubleshooting`,
        },
      });
    await tx.execute(sql`insert into service_status (service_id) select id from services on conflict do nothing`);
    await seedOfficialSources(tx);
  });
  return CATALOG.length;
}

/** The official feeds the catalog names; a feed that changed starts again without its validators. */
async function seedOfficialSources(db: Db | Tx): Promise<void> {
  const ids = new Map(
    (await db.select({ id: services.id, slug: services.slug }).from(services)).map((s) => [s.slug, s.id]),
  );
  const wanted = Object.entries(OFFICIAL_FEEDS).flatMap(([slug, f]) => {
    const serviceId = ids.get(slug);
    return serviceId ? [{ serviceId, platform: f.platform, feedUrl: f.feed, host: new URL(f.feed).host }] : [];
  });
  if (wanted.length)
    await db
      .insert(officialSources)
      .values(wanted)
      .onConflictDoUpdate({
        target: officialSources.serviceId,
        set: {
          platform: sql`excluded.platform`,
          feedUrl: sql`excluded.feed_url`,
          host: sql`excluded.host`,
          validators: sql`case when official_sources.feed_url = excluded.feed_url then official_sources.validators else '{}'::jsonb end`,
        },
      });
  await db.delete(officialSources).where(
    wanted.length
      ? notInArray(
          officialSources.serviceId,
          wanted.map((w) => w.serviceId),
        )
      : sql`true`,
  );
}
