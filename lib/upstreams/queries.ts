import "server-only";
import { desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { services, upstreamEvents, type UpstreamEvent } from "@/db/schema";
import { UPSTREAMS } from "@/db/upstreams";
import { cachedRead } from "@/lib/cache/read-cache";
import { officialTrouble } from "@/lib/official/views";

export interface CauseView {
  id: number;
  upstream: string;
  /** "Amazon Web Services". */
  name: string;
  kind: "cloud" | "cdn";
  startedAt: Date;
  endedAt: Date | null;
  services: { serviceId: number; slug: string; name: string; incidentId: number; startedAt: Date }[];
  official: { status: string; title: string | null; at: string } | null;
  crowdIncidentId: number | null;
}

async function views(db: Db, events: UpstreamEvent[]): Promise<CauseView[]> {
  const ids = [...new Set(events.flatMap((e) => e.members.map((m) => m.serviceId)))];
  // An event in progress also shows what its upstream's page says now, should the tick not have
  // recorded it yet.
  const live = events.filter((e) => !e.endedAt && !e.official).map((e) => e.upstream);
  const upstreamIds = new Map(
    live.length
      ? (
          await db.select({ id: services.id, slug: services.slug }).from(services).where(inArray(services.slug, live))
        ).map((s) => [s.slug, s.id])
      : [],
  );
  const trouble = await officialTrouble(db, [...upstreamIds.values()]);
  const officialNow = (upstream: string): CauseView["official"] => {
    const t = trouble.get(upstreamIds.get(upstream) ?? -1);
    return t ? { status: t.status, title: t.title, at: t.checkedAt.toISOString() } : null;
  };
  const names = new Map(
    ids.length
      ? (
          await db
            .select({ id: services.id, slug: services.slug, name: services.name })
            .from(services)
            .where(inArray(services.id, ids))
        ).map((s) => [s.id, s])
      : [],
  );
  return events.map((e) => ({
    id: e.id,
    upstream: e.upstream,
    name: UPSTREAMS[e.upstream]?.name ?? e.upstream,
    kind: UPSTREAMS[e.upstream]?.kind ?? "cloud",
    startedAt: e.startedAt,
    endedAt: e.endedAt,
    services: e.members
      .map((m) => ({
        serviceId: m.serviceId,
        slug: names.get(m.serviceId)?.slug ?? "",
        name: names.get(m.serviceId)?.name ?? "",
        incidentId: m.incidentId,
        startedAt: new Date(m.startedAt),
      }))
      .sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime() || a.name.localeCompare(b.name)),
    official: e.official ?? officialNow(e.upstream),
    crowdIncidentId: e.crowdIncidentId,
  }));
}

/** Upstream events in progress, newest first: the home page's "likely common cause". */
export async function openCauses(db: Db): Promise<CauseView[]> {
  return views(
    db,
    await db
      .select()
      .from(upstreamEvents)
      .where(isNull(upstreamEvents.endedAt))
      .orderBy(desc(upstreamEvents.startedAt)),
  );
}

/** Events in progress that this service is part of. */
export async function causesForService(db: Db, serviceId: number): Promise<CauseView[]> {
  return views(
    db,
    await db
      .select()
      .from(upstreamEvents)
      .where(
        sql`${upstreamEvents.endedAt} is null and ${upstreamEvents.members} @> ${JSON.stringify([{ serviceId }])}::jsonb`,
      ),
  );
}

/** The event, if any, that this incident was part of. */
export async function causeOfIncident(db: Db, incidentId: number): Promise<CauseView | null> {
  const list = await db
    .select()
    .from(upstreamEvents)
    .where(sql`${upstreamEvents.members} @> ${JSON.stringify([{ incidentId }])}::jsonb`)
    .limit(1);
  return (await views(db, list))[0] ?? null;
}

export async function causeById(db: Db, id: number): Promise<CauseView | null> {
  return (await views(db, await db.select().from(upstreamEvents).where(eq(upstreamEvents.id, id))))[0] ?? null;
}

export const cachedOpenCauses = cachedRead(openCauses, 5_000);
