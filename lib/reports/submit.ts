import "server-only";
import { hash } from "node:crypto";
import type { Db } from "@/db/client";
import type { StatusLevel } from "@/lib/catalog/constants";
import { config } from "@/lib/config";
import { idempotencyHash, identify } from "./identity";
import { saltsFor } from "./salts";
import { ingestReports, type IngestItem, type IngestResult } from "./ingest";
import { GroupCommitQueue } from "./ingest-queue";
import { limitKeys } from "./client-ip";
import { SlidingWindowLimit } from "@/lib/limits/sliding-window";
import { sharedPeers } from "@/lib/limits/peer-counts";
import { failure, fieldIssues, invalidInput, issuesMessage, type Failure } from "@/lib/errors";
import { IDEMPOTENCY_KEY_PATTERN, reportInputSchema } from "./schemas";
import { reporterSecret } from "@/lib/secrets/reporter-secret";
import { currentLevel, reportableService } from "./service-cache";

export interface ClientInfo {
  ip: string;
  userAgent: string;
  /** The network operator the address belongs to (server/front), kept with the report; the address never is. */
  asn?: number | null;
}

export type SubmitOutcome =
  | {
      ok: true;
      id: number;
      counted: boolean;
      /** Why it did not count: a repeat within the cooldown, or its network's cap for the window. */
      notCounted: "repeat" | "network_cap" | null;
      status: StatusLevel;
      service: { id: number; slug: string; name: string };
      /** An earlier report with the same Idempotency-Key, answered again. */
      replayed: boolean;
    }
  | Failure;

// One queue per database per process, shared by every module graph (the lean handler in the tsx
// server and the server action in Next's bundle), so a shutdown drains every accepted report.
const QUEUES = Symbol.for("outage-radar.report-queues");
type Holder = { [QUEUES]?: WeakMap<Db, GroupCommitQueue<IngestItem, IngestResult>> };

export function reportQueue(db: Db): GroupCommitQueue<IngestItem, IngestResult> {
  const g = globalThis as Holder;
  const queues = (g[QUEUES] ??= new WeakMap());
  let queue = queues.get(db);
  if (!queue) {
    const cfg = config();
    const rules = { cooldownMinutes: cfg.REPORT_COOLDOWN_MINUTES, networkCap: cfg.NETWORK_CAP };
    queue = new GroupCommitQueue((items) => ingestReports(db, items, rules), {
      maxBatch: cfg.INGEST_MAX_BATCH,
      maxQueued: cfg.INGEST_MAX_QUEUED,
      maxInFlight: cfg.INGEST_MAX_IN_FLIGHT,
      commitTimeoutMs: cfg.INGEST_COMMIT_TIMEOUT_MS,
    });
    queues.set(db, queue);
  }
  return queue;
}

// Per database, like the queues: the server action and the lean handler draw on one budget. With a
// Postgres server there may be several instances and workers: they share their counts.
const LIMITS = Symbol.for("outage-radar.report-rate-limits");
type Limits = { address: SlidingWindowLimit; network: SlidingWindowLimit };
type LimitHolder = { [LIMITS]?: WeakMap<Db, Limits> };

function limitsFor(db: Db): Limits {
  const g = globalThis as LimitHolder;
  const all = (g[LIMITS] ??= new WeakMap());
  let limits = all.get(db);
  if (!limits) {
    const cfg = config();
    const perMinute = (limit: number, name: string) =>
      new SlidingWindowLimit(limit, 60_000, sharedPeers(db, name, 60_000));
    limits = {
      address: perMinute(cfg.RATE_LIMIT_PER_MINUTE, "report-address"),
      network: perMinute(cfg.RATE_LIMIT_NETWORK_PER_MINUTE, "report-network"),
    };
    all.set(db, limits);
  }
  return limits;
}

/**
 * Refuses a client that sends too much, before any work: per address, and per network block so that
 * rotating through a /24 or a /48 does not get round it. The address is a key in memory for two
 * minutes at most; shared with other instances, it is a keyed hash, never the address.
 */
function rateLimited(db: Db, ip: string, now: Date): Failure | undefined {
  const limits = limitsFor(db);
  const t = now.getTime();
  const keys = limitKeys(ip);
  const verdict = limits.address.hit(keys.address, t);
  const refused = verdict.ok ? limits.network.hit(keys.network, t) : verdict;
  if (refused.ok) return undefined;
  const message = `too many reports from your connection; nothing was stored, try again in ${refused.retryAfterSeconds} s`;
  return {
    ...failure("rate_limited", message, [{ field: "body", message }]),
    retryAfterSeconds: refused.retryAfterSeconds,
  };
}

/** What a report says, hashed: a retry with the same Idempotency-Key must say the same. */
function requestHash(
  serviceId: number,
  input: { symptom: string; country: string; subdivision?: string; text?: string },
) {
  const canonical = JSON.stringify([
    serviceId,
    input.symptom,
    input.country,
    input.subdivision ?? null,
    input.text ?? null,
  ]);
  return hash("sha256", canonical, "hex").slice(0, 32);
}

/**
 * The one entry point for a person's report: the lean JSON endpoint, the form and the server action
 * all call it. Validation and the catalog lookup happen here; the write joins the group commit, and
 * the promise settles only once the report is committed.
 */
export async function submitReport(
  db: Db,
  raw: unknown,
  client: ClientInfo,
  now = new Date(),
  opts: { idempotencyKey?: string } = {},
): Promise<SubmitOutcome> {
  const limited = rateLimited(db, client.ip, now);
  if (limited) return limited;
  if (opts.idempotencyKey !== undefined && !IDEMPOTENCY_KEY_PATTERN.test(opts.idempotencyKey)) {
    return invalidInput([
      { field: "Idempotency-Key", message: "must be 1 to 255 visible ASCII characters, such as a UUID" },
    ]);
  }
  const parsed = reportInputSchema.safeParse(raw);
  if (!parsed.success) return invalidInput(fieldIssues(parsed.error));
  const input = parsed.data;

  const service = await reportableService(db, input.service);
  if (!service) {
    const issue = { field: "service", message: `"${input.service}" is not a service we track` };
    return failure("not_found", issuesMessage([issue]), [issue]);
  }
  if (!service.symptoms.some((s) => s.slug === input.symptom)) {
    const known = service.symptoms.map((s) => s.slug).join(", ");
    return invalidInput([
      {
        field: "symptom",
        message: `"${input.symptom}" is not a problem we list for ${service.name}; use one of: ${known}`,
      },
    ]);
  }

  const cooldownMinutes = config().REPORT_COOLDOWN_MINUTES;
  const { reporter, network, previousReporter, previousNetwork } = identify(
    await saltsFor(db, now, cooldownMinutes),
    client.ip,
    client.userAgent,
    service.id,
    now,
    cooldownMinutes,
  );
  const idempotencyKey =
    opts.idempotencyKey === undefined
      ? null
      : idempotencyHash(reporterSecret(), client.ip, client.userAgent, opts.idempotencyKey);
  const [result, status] = await Promise.all([
    reportQueue(db).submit({
      serviceId: service.id,
      symptom: input.symptom,
      country: input.country,
      subdivision: input.subdivision ?? null,
      text: input.text ?? null,
      asn: client.asn ?? null,
      reporter,
      previousReporter,
      network,
      previousNetwork,
      createdAt: now,
      idempotencyKey,
      idempotencyRequest: idempotencyKey ? requestHash(service.id, input) : null,
    }),
    currentLevel(db, service.id),
  ]);
  if (result.otherRequest) {
    const issue = {
      field: "Idempotency-Key",
      message: "was already used for a different report; send a new key with each new report",
    };
    return failure("idempotency_key_reused", issuesMessage([issue]), [issue]);
  }
  return {
    ok: true,
    id: result.id,
    counted: result.counted,
    notCounted: result.counted ? null : result.capped ? "network_cap" : "repeat",
    status,
    service: { id: service.id, slug: service.slug, name: service.name },
    replayed: result.replayed,
  };
}
