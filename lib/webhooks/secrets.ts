import "server-only";
import { sql } from "drizzle-orm";
import { rows, type Db } from "@/db/client";
import { sealingKey } from "@/lib/secrets/sealing-key";
import { secretBox, type SecretBox } from "@/lib/secrets/secret-box";

let box: SecretBox | undefined;

/** How webhook signing secrets are sealed in the database (with the deployment's sealing key). */
export function webhookSecrets(): SecretBox {
  box ??= secretBox(sealingKey(), "webhook-secret");
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
