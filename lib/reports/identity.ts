import { createHmac, hash } from "node:crypto";
import { networkBlock } from "./client-ip";
import { NETWORK_WINDOW_MINUTES } from "./rules";

export interface Identity {
  reporter: string;
  network: string;
  /** The reporter under yesterday's salt, early in a UTC day (see `identify`); null otherwise. */
  previousReporter: string | null;
  /** The network under yesterday's salt in the first network window of a UTC day; null otherwise. */
  previousNetwork: string | null;
}

export const DAY_MS = 86_400_000;
export const dayOf = (at: Date) => Math.floor(at.getTime() / DAY_MS);

/**
 * The salt of a UTC day (days since the epoch): 64 random hex characters, or null once it has been
 * destroyed (lib/reports/salts.ts keeps them for the product; tests pass their own).
 */
export type SaltOfDay = (day: number) => string | null;

/**
 * SHA-256 of the secret salt followed by the value, cut to 128 bits. The salt fills SHA-256's first
 * block (64 characters), so hashing the value starts from a state only the salt's holder can
 * compute; the cut leaves no whole digest to extend (length extension, the one weakness of a secret
 * prefix, matters for forging MACs, which these never are). One call costs a third of an HMAC's,
 * which builds an object each time, and every report takes two.
 */
function keyedHash(salt: string, value: string): string {
  return hash("sha256", salt + value, "hex").slice(0, 32);
}

/**
 * Reporter = keyed hash of IP + user agent + service; network = keyed hash of the IP's block, both
 * under the day's random salt. Only the cooldown and network windows keep them, and the salt is
 * destroyed once those windows have passed, so nobody, not even someone holding the database and
 * every secret, can later tell who a hash was.
 *
 * Within `carryMinutes` after UTC midnight the reporter's hash under yesterday's salt comes too
 * (`previousReporter`), so a cooldown that began late yesterday still holds: without it, someone
 * who reported at 23:50 and again at 00:10 counted twice. It is used for that lookup only, never stored.
 * `previousNetwork` does the same for the network block over one network window, so a network's cap
 * and its "new network" status do not restart at 00:00 UTC.
 */
export function identify(
  saltOf: SaltOfDay,
  ip: string,
  userAgent: string,
  serviceId: number,
  at: Date,
  carryMinutes = 0,
): Identity {
  const day = dayOf(at);
  const salt = saltOf(day);
  if (!salt) throw new Error(`no salt for ${new Date(day * DAY_MS).toISOString().slice(0, 10)}`);
  const person = `r|${ip}|${userAgent}|${serviceId}`;
  const block = `n|${networkBlock(ip)}`;
  const sinceMidnight = at.getTime() - day * DAY_MS;
  const carryReporter = sinceMidnight < carryMinutes * 60_000;
  const carryNetwork = sinceMidnight < NETWORK_WINDOW_MINUTES * 60_000;
  const yesterday = carryReporter || carryNetwork ? saltOf(day - 1) : null;
  return {
    reporter: keyedHash(salt, person),
    network: keyedHash(salt, block),
    previousReporter: carryReporter && yesterday ? keyedHash(yesterday, person) : null,
    previousNetwork: carryNetwork && yesterday ? keyedHash(yesterday, block) : null,
  };
}

/** Minutes after UTC midnight during which yesterday's salt is still needed (see `identify`). */
export const saltCarryMinutes = (cooldownMinutes: number) => Math.max(cooldownMinutes, NETWORK_WINDOW_MINUTES);

/** Whether `at` falls in the carry-over after its UTC midnight, when yesterday's salt is still needed. */
export const inSaltCarryOver = (at: Date, cooldownMinutes: number) =>
  at.getTime() - dayOf(at) * DAY_MS < saltCarryMinutes(cooldownMinutes) * 60_000;

/**
 * An Idempotency-Key as stored: scoped to the client that sent it, keyed with the permanent secret
 * (kept outside the database) rather than a day's salt, so it holds across midnight for the day it
 * is kept. The key is a random value the client chose, so the hash names nobody.
 */
export function idempotencyHash(secret: string, ip: string, userAgent: string, key: string): string {
  return createHmac("sha256", secret).update(`k|${ip}|${userAgent}|${key}`).digest("hex").slice(0, 32);
}
