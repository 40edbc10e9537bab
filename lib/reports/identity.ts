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

const DAY_MS = 86_400_000;
// Today's and yesterday's salts are both in use during the first cooldown of each day.
let salts: { secret: string; byDay: Map<number, string> } | undefined;

/** A salt that changes every UTC day and is derived from the secret, so no salt is ever stored: 64 hex characters. */
function saltOfDay(secret: string, day: number): string {
  if (salts?.secret !== secret) salts = { secret, byDay: new Map() };
  let salt = salts.byDay.get(day);
  if (!salt) {
    const date = new Date(day * DAY_MS).toISOString().slice(0, 10);
    salt = createHmac("sha256", secret).update(`salt|${date}`).digest("hex");
    if (salts.byDay.size >= 4) salts.byDay.clear();
    salts.byDay.set(day, salt);
  }
  return salt;
}

const dayOf = (at: Date) => Math.floor(at.getTime() / DAY_MS);

/**
 * SHA-256 of the secret salt followed by the value, cut to 128 bits. The salt fills SHA-256's first
 * block (64 characters), so hashing the value starts from a state only the secret's holder can
 * compute; the cut leaves no whole digest to extend (length extension, the one weakness of a secret
 * prefix, matters for forging MACs, which these never are). One call costs a third of an HMAC's,
 * which builds an object each time, and every report takes two.
 */
function keyedHash(salt: string, value: string): string {
  return hash("sha256", salt + value, "hex").slice(0, 32);
}

/**
 * Reporter = keyed hash of IP + user agent + service; network = keyed hash of the IP's block.
 * Neither can be reversed without the secret, and both change daily, so rows cannot be joined
 * across days to follow a person.
 *
 * Within `carryMinutes` after UTC midnight the reporter's hash under yesterday's salt comes too
 * (`previousReporter`), so a cooldown that began late yesterday still holds: without it, someone
 * who reported at 23:50 and again at 00:10 counted twice. It is used for that lookup only, never stored.
 * `previousNetwork` does the same for the network block over one network window, so a network's cap
 * and its "new network" status do not restart at 00:00 UTC.
 */
export function identify(
  secret: string,
  ip: string,
  userAgent: string,
  serviceId: number,
  at: Date,
  carryMinutes = 0,
): Identity {
  const day = dayOf(at);
  const salt = saltOfDay(secret, day);
  const person = `r|${ip}|${userAgent}|${serviceId}`;
  const block = `n|${networkBlock(ip)}`;
  const sinceMidnight = at.getTime() - day * DAY_MS;
  return {
    reporter: keyedHash(salt, person),
    network: keyedHash(salt, block),
    previousReporter: sinceMidnight < carryMinutes * 60_000 ? keyedHash(saltOfDay(secret, day - 1), person) : null,
    previousNetwork:
      sinceMidnight < NETWORK_WINDOW_MINUTES * 60_000 ? keyedHash(saltOfDay(secret, day - 1), block) : null,
  };
}

/**
 * An Idempotency-Key as stored: scoped to the client that sent it and hashed like everything else
 * about them. Keys are kept for a day, which crosses a salt change: `previous` is the same key under
 * yesterday's salt, used to find a first report stored before UTC midnight and never stored itself.
 */
export function idempotencyHashes(
  secret: string,
  ip: string,
  userAgent: string,
  key: string,
  at: Date,
): { current: string; previous: string } {
  const value = `k|${ip}|${userAgent}|${key}`;
  const day = dayOf(at);
  return { current: keyedHash(saltOfDay(secret, day), value), previous: keyedHash(saltOfDay(secret, day - 1), value) };
}
