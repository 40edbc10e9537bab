import "server-only";
import { hkdfSync } from "node:crypto";
import { config } from "@/lib/config";
import { deploymentKey } from "./key-file";

let key: Buffer | undefined;

/**
 * The deployment's key for what it keeps sealed or signed (webhook secrets, alert targets, alert
 * links): WEBHOOK_SECRET_KEY, or for the embedded database a key generated beside it. A Postgres
 * server needs it from the environment, as every instance must open what another sealed.
 */
export function sealingKey(): Buffer {
  if (key) return key;
  const cfg = config();
  key = deploymentKey({
    configured: cfg.WEBHOOK_SECRET_KEY,
    variable: "WEBHOOK_SECRET_KEY",
    why: "every instance must open the secrets another sealed",
    serverDatabase: !!cfg.DATABASE_URL,
    dir: cfg.SECRETS_DIR,
    name: "webhook-secret",
  });
  return key;
}

/** A key for one purpose, derived from the sealing key, so no two uses ever share key material. */
export const derivedKey = (purpose: string, from = sealingKey()): Buffer =>
  Buffer.from(hkdfSync("sha256", from, Buffer.alloc(0), purpose, 32));
