import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { serviceStatus } from "@/db/schema";
import type { StatusLevel } from "@/lib/catalog/constants";
import { config } from "@/lib/config";
import { findService } from "@/lib/queries/services";
import { reportersLastHour } from "@/lib/queries/activity";
import { identify } from "./identity";
import { ingestReports } from "./ingest";
import { fieldIssues, reportInputSchema, type FieldIssue } from "./schema";
import { reporterSecret } from "./secret";

export interface ClientInfo {
  ip: string;
  userAgent: string;
}

export type SubmitOutcome =
  | {
      ok: true;
      id: number;
      counted: boolean;
      status: StatusLevel;
      service: { slug: string; name: string };
      /** Distinct people who reported this service in the last hour, this report included. */
      reportersLastHour: number;
    }
  | { ok: false; code: "invalid" | "not_found"; issues: FieldIssue[] };

/** The one entry point for a person's report: the JSON API, the form and the server action all call it. */
export async function submitReport(db: Db, raw: unknown, client: ClientInfo, now = new Date()): Promise<SubmitOutcome> {
  const parsed = reportInputSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, code: "invalid", issues: fieldIssues(parsed.error) };
  const input = parsed.data;

  const service = await findService(db, input.service);
  if (!service) {
    return {
      ok: false,
      code: "not_found",
      issues: [{ field: "service", message: `"${input.service}" is not a service we track` }],
    };
  }
  if (!service.symptoms.some((s) => s.slug === input.symptom)) {
    const known = service.symptoms.map((s) => s.slug).join(", ");
    return {
      ok: false,
      code: "invalid",
      issues: [
        {
          field: "symptom",
          message: `"${input.symptom}" is not a problem we list for ${service.name}; use one of: ${known}`,
        },
      ],
    };
  }

  const { reporter, network } = identify(await reporterSecret(db), client.ip, client.userAgent, service.id, now);
  const [result] = await ingestReports(
    db,
    [
      {
        serviceId: service.id,
        symptom: input.symptom,
        country: input.country,
        subdivision: input.subdivision ?? null,
        text: input.text ?? null,
        reporter,
        network,
        createdAt: now,
      },
    ],
    config().REPORT_COOLDOWN_MINUTES,
  );
  if (!result) throw new Error("ingest returned no result");

  const [[status], recent] = await Promise.all([
    db.select({ level: serviceStatus.level }).from(serviceStatus).where(eq(serviceStatus.serviceId, service.id)),
    reportersLastHour(db, service.id, now),
  ]);
  return {
    ok: true,
    id: result.id,
    counted: result.counted,
    status: status?.level ?? "ok",
    service: { slug: service.slug, name: service.name },
    reportersLastHour: recent,
  };
}
