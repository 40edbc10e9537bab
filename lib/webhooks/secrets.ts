import "server-only";
import { sql } from "drizzle-orm";
import { rows, type Db } from "@/db/client";
import { config } from "@/lib/config";
import { deploymentKey } from "@/lib/secrets/key-file";
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
  const key = deploymentKey({
    configured: cfg.WEBHOOK_SECRET_KEY,
    variable: "WEBHOOK_SECRET_KEY",
    why: "every instance must open the webhook secrets another sealed",
    serverDatabase: !!cfg.DATABASE_URL,
    dir: cfg.SECRETS_DIR,
    name: "webhook-secret",
  });
  box = secretBox(key, "webhook-secret");
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
