import "server-only";
import { config } from "@/lib/config";
import { keyFile } from "@/lib/secrets/key-file";

let secret: string | undefined;

/**
 * The permanent secret, for Idempotency-Key hashes only (reporter and network hashes use each day's
 * random salt). REPORTER_SECRET; required with DATABASE_URL, as every instance must hash a retried
 * key alike; for the embedded database one generated beside it. Never kept in the database.
 */
export function reporterSecret(): string {
  if (secret) return secret;
  const cfg = config();
  if (!cfg.REPORTER_SECRET && cfg.DATABASE_URL)
    throw new Error(
      "REPORTER_SECRET is required with DATABASE_URL: every instance must hash Idempotency-Keys alike (openssl rand -hex 32)",
    );
  secret = cfg.REPORTER_SECRET ?? keyFile(cfg.SECRETS_DIR, "reporter-secret").toString("hex");
  return secret;
}
