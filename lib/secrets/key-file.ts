import "server-only";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Where `keyFile` keeps the key called `name`. */
export const keyFilePath = (dir: string, name: string) => path.resolve(/* turbopackIgnore: true */ dir, `${name}.key`);

/**
 * A random key kept in a file of its own beside the embedded database (never in the database, so a
 * dump alone does not carry it), made on first use, readable by this user only. For one machine
 * only: instances sharing a Postgres server must share one key from the environment.
 */
export function keyFile(dir: string, name: string, bytes = 32): Buffer {
  const file = keyFilePath(dir, name);
  try {
    return Buffer.from(readFileSync(file, "utf8").trim(), "base64url");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const key = randomBytes(bytes);
  try {
    // "wx": two processes starting at once keep whichever was written first.
    writeFileSync(file, `${key.toString("base64url")}\n`, { flag: "wx", mode: 0o600 });
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return Buffer.from(readFileSync(file, "utf8").trim(), "base64url");
  }
}

/**
 * A deployment key: the environment's when set; else, for the embedded database, one generated
 * beside it. A Postgres server may have several instances, which must all use the same key, so
 * there the environment must give it.
 */
export function deploymentKey(opts: {
  configured?: Buffer;
  variable: string;
  why: string;
  serverDatabase: boolean;
  dir: string;
  name: string;
}): Buffer {
  if (opts.configured) return opts.configured;
  if (opts.serverDatabase)
    throw new Error(`${opts.variable} is required with DATABASE_URL: ${opts.why} (openssl rand -hex 32)`);
  return keyFile(opts.dir, opts.name);
}
