import "server-only";
import { eq, inArray, sql } from "drizzle-orm";
import webpush from "web-push";
import type { Db } from "@/db/client";
import { settings } from "@/db/schema";
import type { SecretBox } from "@/lib/secrets/secret-box";

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

const PUBLIC = "vapid_public_key";
const PRIVATE = "vapid_private_key";
const cache = new WeakMap<Db, Promise<VapidKeys>>();

/**
 * The server's Web Push identity (VAPID, RFC 8292): made on first use and kept with the database,
 * so every instance signs as the same server and browsers' subscriptions outlive restarts. The
 * private key is sealed; whichever instance stores its pair first wins.
 */
export function vapidKeys(db: Db, box: SecretBox): Promise<VapidKeys> {
  let keys = cache.get(db);
  if (!keys) {
    keys = loadOrCreate(db, box);
    keys.catch(() => cache.delete(db));
    cache.set(db, keys);
  }
  return keys;
}

async function loadOrCreate(db: Db, box: SecretBox): Promise<VapidKeys> {
  const made = webpush.generateVAPIDKeys();
  await db.transaction(async (tx) => {
    // One pair per database even when two instances start at once: both rows or neither.
    await tx.execute(sql`lock table settings in share row exclusive mode`);
    const [have] = await tx.select().from(settings).where(eq(settings.key, PUBLIC));
    if (have) return;
    await tx.insert(settings).values([
      { key: PUBLIC, value: made.publicKey },
      { key: PRIVATE, value: box.seal(made.privateKey) },
    ]);
  });
  const stored = await db
    .select()
    .from(settings)
    .where(inArray(settings.key, [PUBLIC, PRIVATE]));
  const value = (key: string) => stored.find((s) => s.key === key)?.value;
  return { publicKey: value(PUBLIC)!, privateKey: box.open(value(PRIVATE)!) };
}
