import "server-only";
import { and, eq, isNull, lt, notInArray, sql } from "drizzle-orm";
import { rows, type Db } from "@/db/client";
import { officialIncidents, officialSources } from "@/db/schema";
import { PLATFORMS } from "./platforms";
import { MalformedFeed } from "./platforms/shared";
import { FeedError, feedLocation, fetchFeed, type Validators } from "./fetch-feed";
import type { FeedReading, OfficialPlatform } from "./types";

export interface PollOptions {
  /** Seconds between two polls of one page. */
  intervalS: number;
  timeoutMs: number;
  userAgent: string;
  /** Fetch every feed from here instead (feedLocation). */
  origin?: string;
  /** Pages polled at once per call. */
  limit?: number;
  now?: () => Date;
}

/** The longest a failing host waits before it is tried again. */
export const MAX_BACKOFF_S = 3600;
/** A claimed page is free again after this, should the instance that claimed it die. */
const LEASE_S = 120;

interface Claimed {
  service_id: number;
  platform: OfficialPlatform;
  feed_url: string;
  host: string;
  validators: Record<string, Validators>;
  failures: number;
}

export interface PollOutcome {
  serviceId: number;
  ok: boolean;
  error?: string;
}

/**
 * Polls the pages that are due, on every instance at once if need be: each claims its pages with
 * SKIP LOCKED, so a page is polled by one instance at a time.
 */
export async function pollDueSources(db: Db, opts: PollOptions): Promise<PollOutcome[]> {
  const now = opts.now?.() ?? new Date();
  const claimed = await rows<Claimed>(
    db,
    sql`update official_sources set next_poll_at = ${now.toISOString()}::timestamptz + make_interval(secs => ${LEASE_S})
        where service_id in (
          select service_id from official_sources where next_poll_at <= ${now.toISOString()}::timestamptz
          order by next_poll_at limit ${opts.limit ?? 32} for update skip locked)
        returning service_id, platform, feed_url, host, validators, failures`,
  );
  // Hosts in parallel, one host's pages in turn: after a failure its other pages wait out the backoff.
  const byHost = new Map<string, Claimed[]>();
  for (const c of claimed) byHost.set(c.host, [...(byHost.get(c.host) ?? []), c]);
  const outcomes = await Promise.all(
    [...byHost.values()].map(async (list) => {
      const done: PollOutcome[] = [];
      for (const c of list) {
        const failed = done.find((d) => !d.ok);
        done.push(
          failed
            ? { serviceId: c.service_id, ok: false, error: `held back: ${failed.error}` }
            : await pollOne(db, c, now, opts),
        );
      }
      return done;
    }),
  );
  return outcomes.flat();
}

async function pollOne(db: Db, source: Claimed, now: Date, opts: PollOptions): Promise<PollOutcome> {
  const reader = PLATFORMS[source.platform];
  const readings: FeedReading[] = [];
  const validators = { ...source.validators };
  try {
    if (!reader) throw new MalformedFeed(`unknown platform ${source.platform}`);
    for (const feed of reader.feeds(source.feed_url)) {
      const got = await fetchFeed(feedLocation(feed.url, opts.origin), source.validators[feed.url] ?? {}, opts);
      if (got.notModified) continue;
      let body: unknown = got.body;
      if (feed.format === "json") {
        try {
          body = JSON.parse(got.body);
        } catch {
          throw new MalformedFeed(`${feed.url}: not JSON`);
        }
      }
      readings.push(feed.read(body, now));
      validators[feed.url] = got.validators;
    }
  } catch (e) {
    if (!(e instanceof FeedError || e instanceof MalformedFeed)) throw e;
    await recordFailure(db, source, now, opts.intervalS, e.message);
    return { serviceId: source.service_id, ok: false, error: e.message };
  }
  await db.transaction(async (tx) => {
    for (const r of readings) {
      if (r.status)
        await tx
          .update(officialSources)
          .set({
            status: r.status.status,
            description: r.status.description.slice(0, 500),
            components: r.status.components.slice(0, 100),
          })
          .where(eq(officialSources.serviceId, source.service_id));
      for (let i = 0; i < r.incidents.length; i += 500) {
        const batch = r.incidents
          .slice(i, i + 500)
          .map((x) => ({ ...x, title: x.title.slice(0, 500), serviceId: source.service_id }));
        await tx
          .insert(officialIncidents)
          .values(batch)
          .onConflictDoUpdate({
            target: [officialIncidents.serviceId, officialIncidents.externalId],
            set: {
              title: sql`excluded.title`,
              impact: sql`excluded.impact`,
              url: sql`excluded.url`,
              startedAt: sql`least(official_incidents.started_at, excluded.started_at)`,
              // The first sighting stands where the feed gives no time of its own.
              postedAt: sql`least(official_incidents.posted_at, excluded.posted_at)`,
              resolvedAt: sql`excluded.resolved_at`,
              updatedAt: sql`excluded.updated_at`,
            },
          });
      }
      if (r.activeOnly) {
        const listed = r.incidents.map((x) => x.externalId);
        await tx
          .update(officialIncidents)
          .set({ resolvedAt: now, updatedAt: now })
          .where(
            and(
              eq(officialIncidents.serviceId, source.service_id),
              isNull(officialIncidents.resolvedAt),
              listed.length ? notInArray(officialIncidents.externalId, listed) : undefined,
            ),
          );
      }
    }
    await tx
      .update(officialSources)
      .set({
        validators,
        checkedAt: now,
        failures: 0,
        lastError: null,
        nextPollAt: new Date(now.getTime() + opts.intervalS * 1000),
      })
      .where(eq(officialSources.serviceId, source.service_id));
  });
  return { serviceId: source.service_id, ok: true };
}

/**
 * Backs off the whole host, doubling per failure up to an hour with ±20 % jitter, so a vendor
 * that is struggling is not hammered by every page it hosts.
 */
async function recordFailure(db: Db, source: Claimed, now: Date, intervalS: number, error: string): Promise<void> {
  const waitS = Math.min(MAX_BACKOFF_S, intervalS * 2 ** (source.failures + 1)) * (0.8 + Math.random() * 0.4);
  const next = new Date(now.getTime() + waitS * 1000);
  await db
    .update(officialSources)
    .set({ failures: sql`${officialSources.failures} + 1`, lastError: error.slice(0, 300), nextPollAt: next })
    .where(eq(officialSources.serviceId, source.service_id));
  // The host's other pages wait at least as long (those claimed meanwhile keep their longer lease).
  await db
    .update(officialSources)
    .set({ nextPollAt: next })
    .where(and(eq(officialSources.host, source.host), lt(officialSources.nextPollAt, next)));
}
