import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "./client";
import { services } from "./schema";
import { CATALOG } from "./catalog";

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
  });
  return CATALOG.length;
}
