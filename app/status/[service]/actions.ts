"use server";

import { headers } from "next/headers";
import { getDb } from "@/db/client";
import { clientFromHeaders } from "@/lib/reports/client-ip";
import { submitReport } from "@/lib/reports/submit";
import { reportFormState, type ReportFormState } from "@/lib/reports/form-state";

const FIELDS = ["service", "symptom", "country", "subdivision", "text"] as const;

/** The report form's action: the same schema and ingest as the JSON API; works with and without JavaScript. */
export async function reportAction(_previous: ReportFormState, form: FormData): Promise<ReportFormState> {
  const values: Record<string, string> = {};
  for (const field of FIELDS) {
    const value = form.get(field);
    if (typeof value === "string") values[field] = value;
  }
  const outcome = await submitReport(getDb(), values, clientFromHeaders(await headers()));
  return reportFormState(outcome, values);
}
