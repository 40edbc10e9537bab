import "server-only";
import path from "node:path";
import { config, type Config } from "@/lib/config";
import { keyFile } from "@/lib/secrets/key-file";

/** Where the embedded demo keeps its generated bootstrap token, for the sign-in page to point at. */
export const bootstrapTokenFile = (cfg: Config = config()) => path.join(cfg.SECRETS_DIR, "admin-token.key");

/**
 * The bootstrap admin token: ADMIN_TOKEN when set. For the embedded database without one, a random
 * token generated into SECRETS_DIR (readable by this user only), so `npm start` gives a console its
 * operator can open; with a Postgres server none is made, and administration stays off until one
 * is configured.
 */
export function bootstrapToken(cfg: Config = config()): string | undefined {
  if (cfg.ADMIN_TOKEN) return cfg.ADMIN_TOKEN;
  if (cfg.DATABASE_URL) return undefined;
  return keyFile(cfg.SECRETS_DIR, "admin-token").toString("base64url");
}
