import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { derivedKey, sealingKey } from "@/lib/secrets/sealing-key";
import { secretBox, type SecretBox } from "@/lib/secrets/secret-box";
import type { Locale } from "@/lib/i18n/locales";
import { knownLocale } from "@/lib/i18n/translator";
import type { AlertLevel } from "./levels";

/** How long a confirmation link works: an address nobody confirms is forgotten after a day. */
export const CONFIRM_HOURS = 24;

/** What an e-mail subscriber asked for, carried sealed in the confirmation link until they confirm. */
export interface PendingSubscription {
  email: string;
  serviceIds: number[];
  level: AlertLevel;
  countries: string[];
  /** Milliseconds since the epoch. */
  expiresAt: number;
  /** The language its messages will be in. */
  locale: Locale;
}

export interface AlertSecrets {
  /** Seals targets (addresses, endpoints, webhook URLs) and webhook secrets at rest. */
  targets: SecretBox;
  /** Seals pending e-mail subscriptions into their confirmation links. */
  pending: SecretBox;
  linkKey: Buffer;
  hashKey: Buffer;
}

let cached: AlertSecrets | undefined;

/** The alert boxes and keys, each derived for its own purpose from the deployment's sealing key. */
export function alertSecrets(): AlertSecrets {
  if (cached) return cached;
  const key = sealingKey();
  cached = {
    targets: secretBox(key, "alert-target"),
    pending: secretBox(key, "alert-confirm"),
    linkKey: derivedKey("alert-manage-link", key),
    hashKey: derivedKey("alert-target-hash", key),
  };
  return cached;
}

export function sealPending(s: AlertSecrets, p: PendingSubscription): string {
  return s.pending.seal(JSON.stringify([p.email, p.serviceIds, p.level, p.countries, p.expiresAt, p.locale]));
}

/** The pending subscription in a confirmation token; "expired" after a day; null if it was not ours. */
export function openPending(s: AlertSecrets, token: string, now = Date.now()): PendingSubscription | "expired" | null {
  if (!s.pending.isSealed(token)) return null;
  let fields: unknown;
  try {
    fields = JSON.parse(s.pending.open(token));
  } catch {
    return null;
  }
  // Five fields: a link sent before subscriptions had a language (English then).
  if (!Array.isArray(fields) || (fields.length !== 5 && fields.length !== 6)) return null;
  const [email, serviceIds, level, countries, expiresAt, locale] = fields as [
    string,
    number[],
    AlertLevel,
    string[],
    number,
    string | undefined,
  ];
  if (expiresAt <= now) return "expired";
  return { email, serviceIds, level, countries, expiresAt, locale: knownLocale(locale) };
}

const mac = (s: AlertSecrets, id: number) =>
  createHmac("sha256", s.linkKey).update(`manage:${id}`).digest().subarray(0, 16).toString("base64url");

/**
 * The token in a subscription's manage and unsubscribe links: its id and a MAC, so whoever holds a
 * message can manage that subscription and nobody can guess another's. Ids are never reused, so a
 * link to a subscription that was removed stays dead.
 */
export const manageToken = (s: AlertSecrets, id: number) => `${id}.${mac(s, id)}`;

export function readManageToken(s: AlertSecrets, token: string): number | null {
  const match = /^(\d{1,10})\.([A-Za-z0-9_-]{22})$/.exec(token);
  if (!match) return null;
  const id = Number(match[1]);
  const given = Buffer.from(match[2]!, "base64url");
  const expected = Buffer.from(mac(s, id), "base64url");
  return given.length === expected.length && timingSafeEqual(given, expected) ? id : null;
}

/** A keyed hash of a target, so the same address or URL subscribing again finds its row. */
export const targetHash = (s: AlertSecrets, target: string) =>
  createHmac("sha256", s.hashKey).update(target).digest("hex");
