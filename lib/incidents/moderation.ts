import "server-only";
import { and, desc, eq, gte, lt } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { incidentEvents, incidents, serviceMinuteRollups } from "@/db/schema";
import type { Actor } from "@/lib/admin/actor";
import { audit } from "@/lib/admin/audit";
import { CAUSE_LABELS, type IncidentCause } from "@/lib/catalog/constants";
import { conflict, done, invalidInput, notFound, type Outcome } from "@/lib/errors";

// What moderators do to incidents (official updates, causes, merges), each audited in its transaction.

async function liveIncident(tx: Tx, id: number) {
  const [incident] = await tx.select().from(incidents).where(eq(incidents.id, id)).for("update");
  return incident;
}

/** The incident, locked, if a moderator may still change it: it exists and was not merged away. */
async function incidentToAmend(tx: Tx, id: number) {
  const incident = await liveIncident(tx, id);
  if (!incident) return notFound(`incident ${id}`);
  if (incident.mergedInto !== null) return conflict(`incident ${id} was merged into ${incident.mergedInto}`);
  return incident;
}

/** An official update from the company, as a moderator copied it: shown in the incident's timeline. */
export async function postOfficialUpdate(
  db: Db,
  actor: Actor,
  incidentId: number,
  message: string,
  now = new Date(),
): Promise<Outcome<{ eventId: number }>> {
  return db.transaction(async (tx) => {
    const incident = await incidentToAmend(tx, incidentId);
    if ("ok" in incident) return incident;
    const [event] = await tx
      .insert(incidentEvents)
      .values({ incidentId, kind: "official_update", at: now, message })
      .returning({ id: incidentEvents.id });
    await audit(tx, actor, "incident.official_update", `incident:${incidentId}`, { message }, now);
    return { ok: true, value: { eventId: event!.id } };
  });
}

/** Sets (or corrects) what caused an incident; the timeline says so. */
export async function setIncidentCause(
  db: Db,
  actor: Actor,
  incidentId: number,
  cause: IncidentCause,
  now = new Date(),
): Promise<Outcome> {
  return db.transaction(async (tx) => {
    const incident = await incidentToAmend(tx, incidentId);
    if ("ok" in incident) return incident;
    await tx.update(incidents).set({ cause }).where(eq(incidents.id, incidentId));
    await tx.insert(incidentEvents).values({ incidentId, kind: "cause_set", at: now, message: CAUSE_LABELS[cause] });
    await audit(tx, actor, "incident.cause", `incident:${incidentId}`, { from: incident.cause, to: cause }, now);
    return { ok: true, value: undefined };
  });
}

/**
 * Folds a duplicate into another incident of the same service (the detector split one outage in
 * two): the survivor spans both, keeps the higher peak and both sets of regions and symptoms, and
 * takes over the duplicate's timeline. The duplicate stays, pointing at the survivor, so old links
 * still lead somewhere. An open duplicate is refused: the detector still owns it.
 */
export async function mergeIncidents(
  db: Db,
  actor: Actor,
  duplicateId: number,
  intoId: number,
  now = new Date(),
): Promise<Outcome> {
  if (duplicateId === intoId) return conflict("an incident cannot be merged into itself");
  return db.transaction(async (tx) => {
    // Locked in id order, so two merges of the same pair cannot deadlock.
    const [first, second] = [Math.min(duplicateId, intoId), Math.max(duplicateId, intoId)];
    const a = await liveIncident(tx, first);
    const b = await liveIncident(tx, second);
    const duplicate = a?.id === duplicateId ? a : b;
    const into = a?.id === intoId ? a : b;
    if (!duplicate) return notFound(`incident ${duplicateId}`);
    if (!into) return notFound(`incident ${intoId}`);
    if (duplicate.serviceId !== into.serviceId) return conflict("only incidents of the same service can be merged");
    if (duplicate.mergedInto !== null) return conflict(`incident ${duplicateId} was already merged`);
    if (into.mergedInto !== null) return conflict(`incident ${intoId} was merged into ${into.mergedInto}`);
    if (duplicate.endedAt === null) return conflict(`incident ${duplicateId} is still open`);
    const higher = (duplicate.peakRate ?? 0) > (into.peakRate ?? 0) ? duplicate : into;
    const earlier = (x: Date, y: Date) => (x < y ? x : y);
    await tx
      .update(incidents)
      .set({
        startedAt: earlier(into.startedAt, duplicate.startedAt),
        detectedAt: earlier(into.detectedAt, duplicate.detectedAt),
        endedAt: into.endedAt === null ? null : into.endedAt > duplicate.endedAt ? into.endedAt : duplicate.endedAt,
        level: into.level === "outage" || duplicate.level === "outage" ? "outage" : into.level,
        peakAt: higher.peakAt,
        peakRate: higher.peakRate,
        regions: [...new Set([...into.regions, ...duplicate.regions])],
        symptoms: [...new Set([...into.symptoms, ...duplicate.symptoms])],
        cause: into.cause ?? duplicate.cause,
      })
      .where(eq(incidents.id, intoId));
    await tx.update(incidentEvents).set({ incidentId: intoId }).where(eq(incidentEvents.incidentId, duplicateId));
    // Anything merged into the duplicate before now follows it.
    await tx.update(incidents).set({ mergedInto: intoId }).where(eq(incidents.mergedInto, duplicateId));
    await tx.update(incidents).set({ mergedInto: intoId }).where(eq(incidents.id, duplicateId));
    await tx.insert(incidentEvents).values({
      incidentId: intoId,
      kind: "merged",
      at: now,
      message: `Incident #${duplicateId} was the same outage and is now part of this one`,
    });
    await audit(tx, actor, "incident.merge", `incident:${duplicateId}`, { into: intoId }, now);
    return { ok: true, value: undefined };
  });
}

/** The busiest minute of a service between two instants, from the minute rollups. */
async function peakBetween(tx: Tx, serviceId: number, from: Date, to: Date) {
  const [peak] = await tx
    .select({ at: serviceMinuteRollups.bucket, rate: serviceMinuteRollups.reporters })
    .from(serviceMinuteRollups)
    .where(
      and(
        eq(serviceMinuteRollups.serviceId, serviceId),
        gte(serviceMinuteRollups.bucket, from),
        lt(serviceMinuteRollups.bucket, to),
      ),
    )
    .orderBy(desc(serviceMinuteRollups.reporters), serviceMinuteRollups.bucket)
    .limit(1);
  return peak ?? null;
}

/**
 * Cuts an incident in two at `at` (the detector joined two outages that merely touched): the first
 * part keeps the id and ends at `at`, the second becomes a new incident from `at` to the old end,
 * with the timeline entries from `at` on. Each part gets the peak of its own minutes. Only a closed
 * incident can be split: the detector still owns an open one.
 */
export async function splitIncident(
  db: Db,
  actor: Actor,
  incidentId: number,
  at: Date,
  now = new Date(),
): Promise<Outcome<{ id: number }>> {
  return db.transaction(async (tx) => {
    const incident = await incidentToAmend(tx, incidentId);
    if ("ok" in incident) return incident;
    if (incident.endedAt === null) return conflict(`incident ${incidentId} is still open`);
    if (at <= incident.startedAt || at >= incident.endedAt) {
      return invalidInput([{ field: "at", message: "must fall strictly between the incident's start and end" }]);
    }
    const [first, second] = await Promise.all([
      peakBetween(tx, incident.serviceId, incident.startedAt, at),
      peakBetween(tx, incident.serviceId, at, incident.endedAt),
    ]);
    const [created] = await tx
      .insert(incidents)
      .values({
        serviceId: incident.serviceId,
        level: incident.level,
        startedAt: at,
        detectedAt: incident.detectedAt > at ? incident.detectedAt : at,
        endedAt: incident.endedAt,
        peakAt: second?.at ?? null,
        peakRate: second?.rate ?? null,
        regions: incident.regions,
        symptoms: incident.symptoms,
      })
      .returning({ id: incidents.id });
    const newId = created!.id;
    await tx
      .update(incidents)
      .set({ endedAt: at, peakAt: first?.at ?? null, peakRate: first?.rate ?? null })
      .where(eq(incidents.id, incidentId));
    await tx
      .update(incidentEvents)
      .set({ incidentId: newId })
      .where(and(eq(incidentEvents.incidentId, incidentId), gte(incidentEvents.at, at)));
    await tx.insert(incidentEvents).values([
      { incidentId, kind: "split", at, message: `What followed was a separate outage: incident #${newId}` },
      { incidentId: newId, kind: "split", at, message: `Split from incident #${incidentId}, which came before` },
    ]);
    await audit(tx, actor, "incident.split", `incident:${incidentId}`, { at: at.toISOString(), new: newId }, now);
    return done({ id: newId });
  });
}
