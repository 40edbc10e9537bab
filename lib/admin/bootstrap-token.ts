import "server-only";
import { config, type Config } from "@/lib/config";
import { keyFile, keyFilePath } from "@/lib/secrets/key-file";

const NAME = "admin-token";
const generated = new Map<string, string>();

/**
 * The file holding the bootstrap token this instance generates: only for the embedded database
 * without ADMIN_TOKEN. Null otherwise (a Postgres server waits for ADMIN_TOKEN).
 */
export function bootstrapTokenFile(cfg: Config = config()): string | null {
  return cfg.ADMIN_TOKEN || cfg.DATABASE_URL ? null : keyFilePath(cfg.SECRETS_DIR, NAME);
}

/**
 * The bootstrap admin token: ADMIN_TOKEN when set; for the embedded database without one, a random
 * token generated into SECRETS_DIR (readable by this user only), so `npm start` gives a console its
 * operator can open. Read from its file once, not at every admin request.
 */
export function bootstrapToken(cfg: Config = config()): string | undefined {
  if (cfg.ADMIN_TOKEN) return cfg.ADMIN_TOKEN;
  const file = bootstrapTokenFile(cfg);
  if (!file) return undefined;
  let token = generated.get(file);
  if (!token) generated.set(file, (token = keyFile(cfg.SECRETS_DIR, NAME).toString("base64url")));
  return token;
}
