import "server-only";
import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { rows, type Db } from "@/db/client";
import { ispIncidents, networks, services, type IspIncident } from "@/db/schema";
import { cachedRead } from "@/lib/cache/read-cache";
import { MIN_REGION_REPORTERS } from "@/lib/regions/anomaly";
import { shortNetworkName } from "./detect";

export interface IspIncidentView {
  id: number;
  asn: number;
  /** "Comcast Cable Communications" (legal suffixes dropped), or "AS7922" when unnamed. */
  name: string;
  startedAt: Date;
  endedAt: Date | null;
  services: { slug: string; name: string }[];
  peakReporters: number;
  expected: number;
}

async function views(db: Db, list: IspIncident[]): Promise<IspIncidentView[]> {
  const asns = [...new Set(list.map((i) => i.asn))];
  const ids = [...new Set(list.flatMap((i) => i.serviceIds))];
  const [names, named] = await Promise.all([
    asns.length ? db.select().from(networks).where(inArray(networks.asn, asns)) : [],
    ids.length
      ? db
          .select({ id: services.id, slug: services.slug, name: services.name })
          .from(services)
          .where(inArray(services.id, ids))
      : [],
  ]);
  const nameOf = new Map(names.map((n) => [n.asn, n.name]));
  const serviceOf = new Map(named.map((s) => [s.id, s]));
  return list.map((i) => ({
    id: i.id,
    asn: i.asn,
    name: shortNetworkName(nameOf.get(i.asn) ?? `AS${i.asn}`),
    startedAt: i.startedAt,
    endedAt: i.endedAt,
    services: i.serviceIds
      .map((id) => serviceOf.get(id))
      .filter((s) => s !== undefined)
      .map((s) => ({ slug: s.slug, name: s.name }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    peakReporters: i.peakReporters,
    expected: i.expected,
  }));
}

/** Networks whose users report trouble with many services right now. */
export async function openIspIncidents(db: Db): Promise<IspIncidentView[]> {
  return views(
    db,
    await db.select().from(ispIncidents).where(isNull(ispIncidents.endedAt)).orderBy(desc(ispIncidents.startedAt)),
  );
}
export const cachedOpenIspIncidents = cachedRead(openIspIncidents, 5_000);

/** Open network problems whose users report this service too. */
export async function ispIncidentsForService(db: Db, serviceId: number): Promise<IspIncidentView[]> {
  return views(
    db,
    await db
      .select()
      .from(ispIncidents)
      .where(
        and(isNull(ispIncidents.endedAt), sql`${ispIncidents.serviceIds} @> ${JSON.stringify([serviceId])}::jsonb`),
      ),
  );
}

export interface NetworkPage {
  asn: number;
  name: string;
  /** As registered: "Comcast Cable Communications, LLC". */
  fullName: string;
  open: IspIncidentView | null;
  recent: IspIncidentView[];
  /** Services this network's users reported in the last hour (only those with enough of them to show). */
  lastHour: { slug: string; name: string; reporters: number }[];
}

/** A network operator's page: null when we know nothing of it. */
export async function networkPage(db: Db, asn: number, now = new Date()): Promise<NetworkPage | null> {
  const [[named], history, lastHour] = await Promise.all([
    db.select().from(networks).where(eq(networks.asn, asn)),
    db.select().from(ispIncidents).where(eq(ispIncidents.asn, asn)).orderBy(desc(ispIncidents.startedAt)).limit(20),
    rows<{ slug: string; name: string; reporters: number }>(
      db,
      sql`select s.slug, s.name, count(*)::int as reporters from reports r join services s on s.id = r.service_id
          where r.created_at >= ${new Date(now.getTime() - 3_600_000).toISOString()}::timestamptz and r.counted and r.asn = ${asn}
          group by s.slug, s.name having count(*) >= ${MIN_REGION_REPORTERS} order by 3 desc, 2`,
    ),
  ]);
  if (!named && !history.length && !lastHour.length) return null;
  const recent = await views(db, history);
  return {
    asn,
    name: shortNetworkName(named?.name ?? `AS${asn}`),
    fullName: named?.name ?? `AS${asn}`,
    open: recent.find((i) => !i.endedAt) ?? null,
    recent,
    lastHour,
  };
}
