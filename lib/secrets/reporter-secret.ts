import "server-only";
import { config } from "@/lib/config";
import { deploymentKey } from "@/lib/secrets/key-file";

let secret: string | undefined;

/**
 * The permanent secret, for Idempotency-Key hashes and the rate-limit keys instances share
 * (lib/limits/peer-counts.ts; reporter and network hashes use each day's random salt).
 * REPORTER_SECRET; required with DATABASE_URL, as every instance must hash a retried key or a
 * limited address alike; for the embedded database one generated beside it. Never kept in the database.
 */
export function reporterSecret(): string {
  if (secret) return secret;
  const cfg = config();
  if (cfg.REPORTER_SECRET) return (secret = cfg.REPORTER_SECRET);
  secret = deploymentKey({
    variable: "REPORTER_SECRET",
    why: "every instance must hash Idempotency-Keys alike",
    serverDatabase: !!cfg.DATABASE_URL,
    dir: cfg.SECRETS_DIR,
    name: "reporter-secret",
  }).toString("hex");
  return secret;
}
