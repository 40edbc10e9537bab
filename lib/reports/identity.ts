import { createHmac } from "node:crypto";
import { networkBlock } from "./client-ip";

export interface Identity {
  reporter: string;
  network: string;
}

const saltCache = new Map<string, string>();

/** A salt that changes every UTC day and is derived from the secret, so no salt is ever stored. */
function dailySalt(secret: string, at: Date): string {
  const day = at.toISOString().slice(0, 10);
  const key = `${secret}|${day}`;
  let salt = saltCache.get(key);
  if (!salt) {
    salt = createHmac("sha256", secret).update(`salt|${day}`).digest("hex");
    if (saltCache.size > 8) saltCache.clear();
    saltCache.set(key, salt);
  }
  return salt;
}

function keyedHash(salt: string, value: string): string {
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
