import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { incidents, services, upstreamEvents } from "@/db/schema";
import { UPSTREAMS } from "@/db/upstreams";
import { correlate, type UpstreamInput } from "./correlate";
import { officialTrouble } from "@/lib/official/views";

/**
 * The tick's step after the detectors: opens, grows and ends upstream events from the incidents
 * open now and each upstream's own status. Runs in the tick's transaction.
 */
export async function correlateUpstreams(tx: Tx, now: Date): Promise<{ opened: number; closed: number }> {
  const slugs = [...new Set(Object.entries(UPSTREAMS).flatMap(([u, d]) => [u, ...d.dependents]))];
  const ids = new Map(
    (await tx.select({ id: services.id, slug: services.slug }).from(services).where(inArray(services.slug, slugs))).map(
      (s) => [s.slug, s.id],
    ),
  );
  const upstreamIds = Object.keys(UPSTREAMS).flatMap((u) => (ids.has(u) ? [ids.get(u)!] : []));
  const [open, current, trouble] = await Promise.all([
    tx
      .select({ id: incidents.id, serviceId: incidents.serviceId, startedAt: incidents.startedAt })
      .from(incidents)
      .where(and(isNull(incidents.endedAt), isNull(incidents.mergedInto))),
    tx.select().from(upstreamEvents).where(isNull(upstreamEvents.endedAt)),
    officialTrouble(tx, upstreamIds),
  ]);
  const inputs: UpstreamInput[] = Object.entries(UPSTREAMS).map(([upstream, def]) => {
    const own = ids.get(upstream);
    const crowd = own !== undefined && open.some((i) => i.serviceId === own);
    const page = own !== undefined && trouble.has(own);
    const event = current.find((e) => e.upstream === upstream);
    return {
      upstream,
      dependents: new Set(def.dependents.flatMap((d) => (ids.has(d) ? [ids.get(d)!] : []))),
      evidence: crowd || page,
      current: event ? { id: event.id, members: event.members } : null,
    };
  });

  const evidenceOf = (upstream: string) => {
    const own = ids.get(upstream);
    if (own === undefined) return {};
    const page = trouble.get(own);
    const crowd = open.find((i) => i.serviceId === own);
    return {
      ...(page ? { official: { status: page.status, title: page.title, at: now.toISOString() } } : {}),
      ...(crowd ? { crowdIncidentId: crowd.id } : {}),
    };
  };

  let opened = 0;
  let closed = 0;
  for (const d of correlate(inputs, open, now)) {
    if (d.kind === "open") {
      opened++;
      await tx.insert(upstreamEvents).values({
        upstream: d.upstream,
        startedAt: new Date(Math.min(...d.members.map((m) => Date.parse(m.startedAt)), now.getTime())),
        members: d.members,
        updatedAt: now,
        ...evidenceOf(d.upstream),
      });
    } else if (d.kind === "close") {
      closed++;
      await tx.update(upstreamEvents).set({ endedAt: now, updatedAt: now }).where(eq(upstreamEvents.id, d.id));
    } else {
      const event = current.find((e) => e.id === d.id)!;
      const set = {
        ...evidenceOf(event.upstream),
        ...(d.kind === "update" ? { members: d.members, updatedAt: now } : {}),
      };
      if (Object.keys(set).length) await tx.update(upstreamEvents).set(set).where(eq(upstreamEvents.id, d.id));
    }
  }
  return { opened, closed };
}
