import "server-only";
import { randomBytes } from "node:crypto";
import { inArray, sql } from "drizzle-orm";
import { rows, type Db } from "@/db/client";
import { services } from "@/db/schema";
import { config } from "@/lib/config";
import { done, failure, invalidInput, notFound, type Outcome } from "@/lib/errors";
import { SlidingWindowLimit } from "@/lib/limits/sliding-window";
import { sharedPeers } from "@/lib/limits/peer-counts";
import { countryNameIn } from "@/lib/regions/regions";
import type { Locale } from "@/lib/i18n/locales";
import { nameList } from "@/lib/text/name-list";
import { confirmationMail } from "./email";
import type { AlertChannel, AlertLevel } from "./levels";
import { alertLinks } from "./link-urls";
import { sitePage, welcomeMessage } from "./message";
import {
  alertSecrets,
  CONFIRM_HOURS,
  manageToken,
  openPending,
  readManageToken,
  sealPending,
  targetHash,
  type AlertSecrets,
} from "./links";
import type { SubscriptionAccepted, SubscriptionRequest } from "./schemas";
import { sendAlert, type SendContext } from "./send";
import { chatTargetProblem } from "./targets";
import { targetProblem } from "@/lib/webhooks/send";

/** Subscription requests one network block may make per hour, and confirmation e-mails one address may get. */
export const REQUESTS_PER_NETWORK_HOUR = 10;
export const CONFIRMATIONS_PER_ADDRESS_HOUR = 3;
const HOUR_MS = 3_600_000;

export interface SubscribeContext extends SendContext {
  origin: string;
  /** The requester's network block (never the address). */
  source: string;
  secrets?: AlertSecrets;
}

interface Limits {
  network: SlidingWindowLimit;
  address: SlidingWindowLimit;
}
// Per database, like the report limits: with a Postgres server every instance counts the others'.
let limitsByDb = new WeakMap<Db, Limits>();

function limitsFor(db: Db): Limits {
  let limits = limitsByDb.get(db);
  if (!limits) {
    limits = {
      network: new SlidingWindowLimit(REQUESTS_PER_NETWORK_HOUR, HOUR_MS, sharedPeers(db, "alert-requests", HOUR_MS)),
      address: new SlidingWindowLimit(
        CONFIRMATIONS_PER_ADDRESS_HOUR,
        HOUR_MS,
        sharedPeers(db, "alert-emails", HOUR_MS),
      ),
    };
    limitsByDb.set(db, limits);
  }
  return limits;
}

/** For tests: forget every count. */
export function resetSubscriptionLimits() {
  limitsByDb = new WeakMap();
}

const limited = (who: string, retryAfterSeconds: number) => ({
  ...failure(
    "rate_limited",
    `too many subscription requests ${who}; try again in ${Math.ceil(retryAfterSeconds / 60)} min`,
  ),
  retryAfterSeconds,
});

/**
 * A subscription request from the API or the page. E-mail gets a confirmation link and nothing
 * else; chat and push channels get a test message, and are subscribed once it went through.
 */
export async function requestSubscription(
  db: Db,
  input: SubscriptionRequest,
  ctx: SubscribeContext,
): Promise<Outcome<SubscriptionAccepted>> {
  const secrets = ctx.secrets ?? alertSecrets();
  const limits = limitsFor(db);
  const byNetwork = limits.network.hit(ctx.source, ctx.now.getTime());
  if (!byNetwork.ok) return limited("from your network", byNetwork.retryAfterSeconds);

  const found = await db
    .select({ id: services.id, slug: services.slug, name: services.name })
    .from(services)
    .where(inArray(services.slug, input.services));
  const unknown = input.services.filter((s) => !found.some((f) => f.slug === s));
  if (unknown.length)
    return invalidInput([
      { field: "services", message: `no service called ${nameList(unknown.map((u) => `"${u}"`))}` },
    ]);
  const chosen = input.services.map((s) => found.find((f) => f.slug === s)!);
  const what = {
    serviceIds: chosen.map((c) => c.id),
    level: input.level,
    countries: input.countries,
    locale: input.locale,
  };

  if (input.email !== undefined) {
    if (ctx.mailer.kind === "outbox" && !config().demo)
      return failure("unavailable", "e-mail alerts are off on this server: it has no SMTP_URL to send them through");
    const byAddress = limits.address.hit(targetHash(secrets, input.email), ctx.now.getTime());
    if (!byAddress.ok) return limited("for this e-mail address", byAddress.retryAfterSeconds);
    const expiresAt = ctx.now.getTime() + CONFIRM_HOURS * HOUR_MS;
    const token = sealPending(secrets, { email: input.email, ...what, expiresAt });
    const mail = confirmationMail(
      input.email,
      {
        services: chosen.map((c) => c.name),
        level: input.level,
        countries: input.countries.map((c) => countryNameIn(c, input.locale)),
      },
      sitePage(ctx.origin, input.locale, `/alerts/confirm?token=${encodeURIComponent(token)}`),
      CONFIRM_HOURS,
      input.locale,
    );
    try {
      await ctx.mailer.send(mail);
    } catch {
      return failure(
        "unavailable",
        "the confirmation e-mail could not be sent just now; please try again in a few minutes",
      );
    }
    return done({ status: "confirmation_sent", expiresAt: new Date(expiresAt).toISOString() });
  }

  const [channel, target, problem] = input.chat
    ? ([
        input.chat.platform,
        input.chat.url,
        chatTargetProblem(input.chat.platform, input.chat.url, ctx.policy),
      ] as const)
    : (["push", JSON.stringify(input.push), targetProblem(input.push!.endpoint, ctx.policy)] as const);
  if (problem) return invalidInput([{ field: input.chat ? "chat.url" : "push.endpoint", message: problem }]);
  const secret = channel === "webhook" ? randomBytes(32).toString("base64url") : null;
  const test = await sendAlert(
    { id: 0, channel, target, secret },
    welcomeMessage(
      {
        services: chosen.map((c) => c.name),
        level: input.level,
        countries: input.countries,
        firstSlug: chosen[0]!.slug,
      },
      ctx.origin,
      input.locale,
    ),
    {
      manage: sitePage(ctx.origin, input.locale, "/alerts"),
      unsubscribe: sitePage(ctx.origin, input.locale, "/alerts"),
      oneClick: `${ctx.origin}/alerts`,
    },
    ctx,
    { delivery: "test", kind: "test" },
  );
  if (!test.ok)
    return invalidInput([
      { field: input.chat ? "chat.url" : "push.endpoint", message: `the test message was not accepted: ${test.error}` },
    ]);
  const id = await saveSubscription(db, secrets, { channel, target, secret, ...what });
  return done({
    status: "subscribed",
    manageUrl: alertLinks(ctx.origin, manageToken(secrets, id), input.locale).manage,
    ...(secret ? { secret } : {}),
  });
}

/**
 * Stores a confirmed subscription, sealed. The same target subscribing again keeps its row: the
 * services are added to those it follows, and the level and countries are the newest ones.
 */
async function saveSubscription(
  db: Db,
  secrets: AlertSecrets,
  s: {
    channel: AlertChannel;
    target: string;
    secret: string | null;
    serviceIds: number[];
    level: AlertLevel;
    countries: string[];
    locale: Locale;
  },
): Promise<number> {
  const [row] = await rows<{ id: number }>(
    db,
    sql`insert into alert_subscriptions (channel, target, target_hash, secret, service_ids, level, countries, locale)
        values (${s.channel}, ${secrets.targets.seal(s.target)}, ${targetHash(secrets, `${s.channel}:${s.target}`)},
                ${s.secret === null ? null : secrets.targets.seal(s.secret)}, ${JSON.stringify(s.serviceIds)}::jsonb,
                ${s.level}, ${JSON.stringify(s.countries)}::jsonb, ${s.locale})
        on conflict (channel, target_hash) do update set
          service_ids = (select coalesce(jsonb_agg(distinct v), '[]'::jsonb)
                         from jsonb_array_elements(alert_subscriptions.service_ids || excluded.service_ids) v),
          level = excluded.level, countries = excluded.countries, locale = excluded.locale,
          secret = coalesce(excluded.secret, alert_subscriptions.secret)
        returning id`,
  );
  return row!.id;
}

/** Uses a confirmation link: the e-mail subscription starts (and its address is stored) only now. */
export async function confirmSubscription(
  db: Db,
  token: string,
  ctx: { origin: string; now: Date; secrets?: AlertSecrets },
): Promise<Outcome<{ manageUrl: string; token: string }>> {
  const secrets = ctx.secrets ?? alertSecrets();
  const pending = openPending(secrets, token, ctx.now.getTime());
  if (pending === null) return notFound("this confirmation link");
  if (pending === "expired")
    return failure(
      "gone",
      `this confirmation link has expired (links work for ${CONFIRM_HOURS} hours); please subscribe again`,
    );
  const id = await saveSubscription(db, secrets, { channel: "email", target: pending.email, secret: null, ...pending });
  const manage = manageToken(secrets, id);
  return done({ manageUrl: alertLinks(ctx.origin, manage, pending.locale).manage, token: manage });
}

/** Ends a subscription and forgets everything tied to it: the sealed target and its delivery log. */
export async function unsubscribe(db: Db, token: string, secrets = alertSecrets()): Promise<Outcome> {
  const id = readManageToken(secrets, token);
  const gone =
    id === null
      ? []
      : await rows<{ id: number }>(db, sql`delete from alert_subscriptions where id = ${id} returning id`);
  return gone.length ? done(undefined) : notFound("this subscription (it may have been removed already)");
}

/** Stops following one service; a subscription left with none ends. */
export async function dropService(db: Db, token: string, slug: string, secrets = alertSecrets()): Promise<Outcome> {
  const id = readManageToken(secrets, token);
  if (id === null) return notFound("this subscription");
  const [left] = await rows<{ count: number }>(
    db,
    sql`update alert_subscriptions a
        set service_ids = coalesce((select jsonb_agg(v) from jsonb_array_elements(a.service_ids) v
                                    where v <> to_jsonb((select id from services where slug = ${slug}))), '[]'::jsonb)
        where a.id = ${id}
        returning jsonb_array_length(service_ids)::int as count`,
  );
  if (!left) return notFound("this subscription");
  if (left.count === 0) await db.execute(sql`delete from alert_subscriptions where id = ${id}`);
  return done(undefined);
}
