"use server";

import { headers } from "next/headers";
import { getDb } from "@/lib/db";
import { clientFromHeaders } from "@/lib/reports/client-ip";
import { serviceSnapshot } from "@/lib/services/snapshot";
import { findService } from "@/lib/services/queries";
import { CommitTimeoutError } from "@/lib/reports/ingest-queue";
import { submitReport } from "@/lib/reports/submit";
import { reportFormState, unavailableState, type ReportFormState } from "@/lib/services/report-form-state";
import { logError } from "@/lib/text/error-text";

const FIELDS = ["service", "symptom", "country", "subdivision", "text", "website"] as const;

/** The report form's action: the same schema and ingest as the JSON API; works with and without JavaScript. */
export async function reportAction(_previous: ReportFormState, form: FormData): Promise<ReportFormState> {
  const values: Record<string, string> = {};
  for (const field of FIELDS) {
    const value = form.get(field);
    if (typeof value === "string") values[field] = value;
  }
  const db = getDb();
  const now = new Date();
  let outcome;
  try {
    // The form's key, so a report it resends from the browser's queue after a lost answer counts once.
    const key = form.get("idempotencyKey");
    const idempotencyKey = typeof key === "string" && key !== "" ? key : undefined;
    outcome = await submitReport(db, values, clientFromHeaders(await headers()), now, { idempotencyKey });
  } catch (error) {
    // Nothing was stored (the queue refused it or its batch failed), or the database never said:
    // tell which, and keep what they typed.
    logError("report not stored", error);
    return unavailableState(values, error instanceof CommitTimeoutError);
  }
  // The form answers "is it just me?" and shows the report on the page at once, from the service's
  // live data read after the report was stored; the API does not need to pay for that read.
  // Dated after the commit, so the page never swaps it for a poll's copy from before the report. The
  // report is stored by now: a failed read must not make the answer say otherwise.
  const slug = outcome.ok ? outcome.service.slug : undefined;
  const snapshot = slug
    ? await findService(db, slug)
        .then((service) => (service ? serviceSnapshot(db, service, new Date()) : null))
        .catch((error: unknown) => {
          logError("live data after a report not read", error);
          return null;
        })
    : null;
  return reportFormState(outcome, values, snapshot);
}
