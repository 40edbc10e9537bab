import "server-only";
import { sql } from "drizzle-orm";
import { rows, type Db } from "@/db/client";
import type { Symptom } from "@/lib/catalog/constants";
import { RETRY_DELAYS_S, MAX_ATTEMPTS, RETRY_JITTER } from "@/lib/webhooks/dispatch";
import type { Locale } from "@/lib/i18n/locales";
import { knownLocale } from "@/lib/i18n/translator";
import { alertLinks } from "./link-urls";
import { alertSecrets, manageToken, type AlertSecrets } from "./links";
import { alertMessage, digestMessage, type AlertChange, type AlertIncident, type AlertMessage } from "./message";
import type { AlertChannel } from "./levels";
import { sendAlert, type SendContext } from "./send";

/** At most one message per subscription in this many seconds; what piles up meanwhile goes as one digest. */
export const MIN_GAP_S = 120;
/**
 * A recovery is announced only after this many seconds of calm: if the service breaks again
 * first, neither the recovery nor the new problem is sent (the earlier alert still stands).
 */
export const QUIET_S = 600;
/**
 * A change older than this when it is fanned out (the tick caught up on minutes it missed, or
 * replayed a demo history) is news to nobody: it is not sent.
 */
export const STALE_MINUTES = 60;
/** A claimed message is tried again after this long if the instance sending it died mid-way. */
const LEASE_S = 60;

export interface AlertDispatchOptions extends SendContext {
  origin: string;
  secrets?: AlertSecrets;
  limit?: number;
}

/**
 * Turns queued incident changes into one pending delivery per matching subscription, in one
 * transaction per batch (claimed with SKIP LOCKED, so instances never fan out the same change twice).
 * A subscription matches a change to one of its services at its level, in one of its countries (an
 * incident with no regions named is everywhere's). A recovery waits QUIET_S; a new problem for a
 * service whose recovery is still waiting cancels both. Changes older than STALE_MINUTES go to nobody.
 */
export async function fanOut(db: Db, now: Date, limit = 200): Promise<number> {
  return db.transaction(async (tx) => {
    const events = await rows<{ id: number }>(
      tx,
      sql`select id from alert_events where fanned_at is null order by id limit ${limit} for update skip locked`,
    );
    if (!events.length) return 0;
    const ids = sql.join(
      events.map((e) => sql`${e.id}`),
      sql`, `,
    );
    await tx.execute(sql`
      insert into alert_deliveries (subscription_id, incident_id, service_id, change, changed_at, next_attempt_at)
      select s.id, i.id, i.service_id, e.change, e.at,
             e.at + case when e.change = 'resolved' then ${`${QUIET_S} seconds`}::interval else interval '0' end
      from alert_events e
      join incidents i on i.id = e.incident_id
      join alert_subscriptions s on s.service_ids @> jsonb_build_array(i.service_id)
        and (s.level = 'possible' or e.level = 'outage')
        and (jsonb_array_length(s.countries) = 0 or jsonb_array_length(i.regions) = 0
             or exists (select 1 from jsonb_array_elements_text(i.regions) r
                        where s.countries ? split_part(r, '-', 1)))
      where e.id in (${ids}) and e.at >= ${now.toISOString()}::timestamptz - ${`${STALE_MINUTES} minutes`}::interval
      order by e.id, s.id`);
    await tx.execute(sql`
      with flapped as (
        select r.id as resolved, o.id as opened
        from alert_deliveries o
        join alert_deliveries r on r.subscription_id = o.subscription_id and r.service_id = o.service_id
          and r.change = 'resolved' and r.state = 'pending' and r.attempts = 0 and r.id < o.id
        where o.change = 'opened' and o.state = 'pending' and o.attempts = 0)
      update alert_deliveries d
      set state = 'skipped', next_attempt_at = ${now.toISOString()}::timestamptz,
          note = case when d.change = 'resolved'
                      then 'not sent: the service broke again within ${sql.raw(String(QUIET_S / 60))} minutes'
                      else 'not sent: the earlier alert still stood (the service broke again within ${sql.raw(String(QUIET_S / 60))} minutes of recovering)' end
      where d.id in (select resolved from flapped union select opened from flapped)`);
    await tx.execute(sql`update alert_events set fanned_at = ${now.toISOString()}::timestamptz where id in (${ids})`);
    return events.length;
  });
}

interface Claimed {
  id: number;
  subscriptionId: number;
  incidentId: number;
  change: AlertChange;
  attempts: number;
  mergedInto: number | null;
  channel: AlertChannel;
  target: string;
  secret: string | null;
  locale: string;
}

interface IncidentRow {
  id: number;
  slug: string;
  name: string;
  level: "possible" | "outage";
  started_at: string;
  ended_at: string | null;
  peak_rate: number | null;
  regions: string[];
  symptoms: string[];
  symptom_list: Symptom[];
}

/**
 * Sends what is due: for each subscription that has not had a message in MIN_GAP_S, all its due
 * deliveries as one message (a digest when they concern several incidents), with retries like
 * webhooks'. Subscriptions are claimed with SKIP LOCKED, so two instances never message one
 * subscriber at once. Nothing is sent about an incident a moderator merged away.
 */
export async function sendDueAlerts(db: Db, opts: AlertDispatchOptions): Promise<{ messages: number; sent: number }> {
  const now = opts.now;
  const at = now.toISOString();
  const secrets = opts.secrets ?? alertSecrets();
  const claimed = await db.transaction(async (tx) => {
    const subs = await rows<{ id: number }>(
      tx,
      sql`select s.id from alert_subscriptions s
          where s.id in (select d.subscription_id from alert_deliveries d
                         join alert_subscriptions w on w.id = d.subscription_id
                         where d.state = 'pending' and d.next_attempt_at <= ${at}::timestamptz
                           and (w.last_sent_at is null
                                or w.last_sent_at <= ${at}::timestamptz - ${`${MIN_GAP_S} seconds`}::interval)
                         order by d.next_attempt_at limit ${opts.limit ?? 100})
          for update of s skip locked`,
    );
    if (!subs.length) return [];
    const ids = sql.join(
      subs.map((s) => sql`${s.id}`),
      sql`, `,
    );
    await tx.execute(sql`update alert_subscriptions set last_sent_at = ${at}::timestamptz where id in (${ids})`);
    return rows<Claimed>(
      tx,
      sql`update alert_deliveries d
          set attempts = d.attempts + 1, next_attempt_at = ${at}::timestamptz + ${`${LEASE_S} seconds`}::interval
          from alert_subscriptions s, incidents i
          where s.id = d.subscription_id and i.id = d.incident_id
            and d.subscription_id in (${ids}) and d.state = 'pending' and d.next_attempt_at <= ${at}::timestamptz
          returning d.id, d.subscription_id as "subscriptionId", d.incident_id as "incidentId", d.change,
                    d.attempts, i.merged_into as "mergedInto", s.channel, s.target, s.secret, s.locale`,
    );
  });
  if (!claimed.length) return { messages: 0, sent: 0 };

  const merged = claimed.filter((d) => d.mergedInto !== null);
  for (const d of merged)
    await db.execute(
      sql`update alert_deliveries set state = 'skipped', note = ${`not sent: a moderator merged this incident into #${d.mergedInto}`}
          where id = ${d.id}`,
    );
  const live = claimed.filter((d) => d.mergedInto === null);
  const incidents = await loadIncidents(db, [...new Set(live.map((d) => d.incidentId))]);
  const bySubscription = new Map<number, Claimed[]>();
  for (const d of live) {
    const group = bySubscription.get(d.subscriptionId);
    if (group) group.push(d);
    else bySubscription.set(d.subscriptionId, [d]);
  }

  let sent = 0;
  await Promise.all(
    [...bySubscription.values()].map(async (group) => {
      const first = group[0]!;
      const locale = knownLocale(first.locale);
      const message = compose(group, incidents, opts.origin, locale);
      const outcome = await sendAlert(
        {
          id: first.subscriptionId,
          channel: first.channel,
          target: secrets.targets.open(first.target),
          secret: first.secret === null ? null : secrets.targets.open(first.secret),
        },
        message,
        alertLinks(opts.origin, manageToken(secrets, first.subscriptionId), locale),
        opts,
        { delivery: String(first.id), kind: "alert" },
      );
      if (outcome.ok) sent++;
      await record(db, group, outcome, message, now);
    }),
  );
  return { messages: bySubscription.size, sent };
}

/** One message for a subscription's due deliveries: each incident told once, at its latest change. */
function compose(
  group: Claimed[],
  incidents: Map<number, AlertIncident>,
  origin: string,
  locale: Locale,
): AlertMessage {
  const latest = new Map<number, AlertChange>();
  for (const d of [...group].sort((a, b) => a.id - b.id)) latest.set(d.incidentId, d.change);
  const changes = [...latest].map(([id, change]) => ({ change, incident: incidents.get(id)! }));
  return changes.length === 1
    ? alertMessage(changes[0]!.change, changes[0]!.incident, origin, locale)
    : digestMessage(changes, origin, locale);
}

async function record(
  db: Db,
  group: Claimed[],
  outcome: Awaited<ReturnType<typeof sendAlert>>,
  message: AlertMessage,
  now: Date,
) {
  const ids = sql.join(
    group.map((d) => sql`${d.id}`),
    sql`, `,
  );
  const at = now.toISOString();
  if (outcome.ok) {
    await db.execute(
      sql`update alert_deliveries set state = 'sent', sent_at = ${at}::timestamptz, note = ${message.title}
          where id in (${ids})`,
    );
    return;
  }
  if (outcome.gone) {
    // The browser dropped the subscription: forget it and everything tied to it.
    await db.execute(sql`delete from alert_subscriptions where id = ${group[0]!.subscriptionId}`);
    return;
  }
  const attempts = Math.max(...group.map((d) => d.attempts));
  const giveUp = attempts >= MAX_ATTEMPTS;
  const delay = (RETRY_DELAYS_S[attempts - 1] ?? 0) * 1000 * (1 - RETRY_JITTER + 2 * RETRY_JITTER * Math.random());
  await db.execute(
    sql`update alert_deliveries
        set state = ${giveUp ? "failed" : "pending"}, note = ${outcome.error},
            next_attempt_at = ${new Date(now.getTime() + (giveUp ? 0 : delay)).toISOString()}::timestamptz
        where id in (${ids})`,
  );
}

async function loadIncidents(db: Db, ids: number[]): Promise<Map<number, AlertIncident>> {
  if (!ids.length) return new Map();
  const found = await rows<IncidentRow>(
    db,
    sql`select i.id, s.slug, s.name, i.level,
               to_char(i.started_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as started_at,
               to_char(i.ended_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as ended_at,
               i.peak_rate, i.regions, i.symptoms, s.symptoms as symptom_list
        from incidents i join services s on s.id = i.service_id
        where i.id in (${sql.join(
          ids.map((id) => sql`${id}`),
          sql`, `,
        )})`,
  );
  return new Map(
    found.map((r) => [
      r.id,
      {
        id: r.id,
        service: { slug: r.slug, name: r.name },
        level: r.level,
        startedAt: r.started_at,
        endedAt: r.ended_at,
        peakRate: r.peak_rate === null ? null : Number(r.peak_rate),
        regions: r.regions,
        symptoms: r.symptoms.map((slug) => ({
          slug,
          label: r.symptom_list.find((s) => s.slug === slug)?.label ?? slug,
        })),
      },
    ]),
  );
}

/** Forgets finished deliveries older than `days`, fanned-out changes older than a day, and the local outbox's day-old mail. */
export async function pruneAlerts(db: Db, days: number, now = new Date()): Promise<void> {
  const at = now.toISOString();
  if (days > 0)
    await db.execute(
      sql`delete from alert_deliveries where state <> 'pending'
          and changed_at < ${at}::timestamptz - ${`${days} days`}::interval`,
    );
  await db.execute(sql`delete from alert_events where fanned_at < ${at}::timestamptz - interval '1 day'`);
  await db.execute(sql`delete from local_mail where created_at < ${at}::timestamptz - interval '1 day'`);
}
