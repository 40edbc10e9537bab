import { createHmac, createSecretKey, type KeyObject } from "node:crypto";
import { networkBlock } from "./client-ip";

export interface Identity {
  reporter: string;
  network: string;
}

const DAY_MS = 86_400_000;
let current: { secret: string; day: number; salt: KeyObject } | undefined;

/**
 * A salt that changes every UTC day and is derived from the secret, so no salt is ever stored. It is
 * kept as a key object: an HMAC keyed with a string imports the key again on every call, a quarter
 * of its cost, and every report takes two.
 */
function dailySalt(secret: string, at: Date): KeyObject {
  const day = Math.floor(at.getTime() / DAY_MS);
  if (current?.day !== day || current.secret !== secret) {
    const date = new Date(day * DAY_MS).toISOString().slice(0, 10);
    const salt = createHmac("sha256", secret).update(`salt|${date}`).digest("hex");
    current = { secret, day, salt: createSecretKey(Buffer.from(salt, "utf8")) };
  }
  return current.salt;
}

function keyedHash(salt: KeyObject, value: string): string {
  return createHmac("sha256", salt).update(value).digest("hex").slice(0, 32);
}

/**
 * Reporter = keyed hash of IP + user agent + service; network = keyed hash of the IP's block.
 * Neither can be reversed without the secret, and both change daily, so rows cannot be joined
 * across days to follow a person.
 */
export function identify(secret: string, ip: string, userAgent: string, serviceId: number, at: Date): Identity {
  const salt = dailySalt(secret, at);
  return {
    reporter: keyedHash(salt, `r|${ip}|${userAgent}|${serviceId}`),
    network: keyedHash(salt, `n|${networkBlock(ip)}`),
  };
}

/** An Idempotency-Key as stored: scoped to the client that sent it and hashed like everything else about them. */
export function idempotencyHash(secret: string, ip: string, userAgent: string, key: string, at: Date): string {
  return keyedHash(dailySalt(secret, at), `k|${ip}|${userAgent}|${key}`);
}
