import "server-only";
import { sql } from "drizzle-orm";
import { rows, type Db } from "@/db/client";
import { config } from "@/lib/config";
import { keyFile } from "@/lib/secrets/key-file";
import { secretBox, type SecretBox } from "@/lib/secrets/secret-box";

let box: SecretBox | undefined;

/**
 * How webhook signing secrets are sealed in the database: with WEBHOOK_SECRET_KEY, or for the
 * embedded database a key generated beside it. A Postgres server needs the key from the
 * environment, as every instance must open what another sealed.
 */
export function webhookSecrets(): SecretBox {
  if (box) return box;
  const cfg = config();
  if (!cfg.WEBHOOK_SECRET_KEY && cfg.DATABASE_URL)
    throw new Error(
      "WEBHOOK_SECRET_KEY is required with DATABASE_URL: every instance must seal webhook secrets with the same key (openssl rand -hex 32)",
    );
  box = secretBox(cfg.WEBHOOK_SECRET_KEY ?? keyFile(cfg.SECRETS_DIR, "webhook-secret"), "webhook-secret");
  return box;
}

/** Seals secrets stored before sealing existed; run at start. Returns how many. */
export async function sealStoredWebhookSecrets(db: Db, secrets = webhookSecrets()): Promise<number> {
  const plain = await rows<{ id: number; secret: string }>(
    db,
    sql`select id, secret from webhooks where secret not like 'v1.%'`,
  );
  for (const w of plain)
    await db.execute(
      sql`update webhooks set secret = ${secrets.seal(w.secret)} where id = ${w.id} and secret = ${w.secret}`,
    );
  return plain.length;
}
