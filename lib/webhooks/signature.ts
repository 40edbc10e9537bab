import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "outage-radar-signature";
export const DELIVERY_HEADER = "outage-radar-delivery";
export const EVENT_HEADER = "outage-radar-event";

/**
 * `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. The timestamp is signed too, so a
 * receiver can refuse replays of old deliveries (see verifySignature's tolerance).
 */
export function signatureHeader(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${createHmac("sha256", secret).update(`${t}.${body}`).digest("hex")}`;
}

/** What a receiver runs: true when the header signs this body with this secret, recently enough. */
export function verifySignature(header: string, secret: string, body: string, now = new Date(), toleranceS = 300) {
  const parts = new Map(header.split(",").map((p) => p.split("=", 2) as [string, string]));
  const t = Number(parts.get("t"));
  const given = Buffer.from(parts.get("v1") ?? "", "hex");
  if (!Number.isInteger(t) || Math.abs(now.getTime() / 1000 - t) > toleranceS) return false;
  const expected = createHmac("sha256", secret).update(`${t}.${body}`).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}
