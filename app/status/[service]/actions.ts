"use server";

import { headers } from "next/headers";
import { getDb } from "@/db/client";
import { clientFromHeaders } from "@/lib/reports/client-ip";
import { reportersLastHour } from "@/lib/queries/activity";
import { submitReport } from "@/lib/reports/submit";
import { reportFormState, unavailableState, type ReportFormState } from "@/lib/reports/form-state";
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
    outcome = await submitReport(db, values, clientFromHeaders(await headers()), now);
  } catch (error) {
    // Nothing was stored (the queue refused it or its batch failed): say so, keep what they typed.
    logError("report not stored", error);
    return unavailableState(values);
  }
  // The form answers "is it just me?"; the API does not need to pay for that read.
  const others = outcome.ok ? await reportersLastHour(db, outcome.service.id, now) : 0;
  return reportFormState(outcome, values, others);
}
