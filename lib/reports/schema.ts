import { z } from "zod";
import { REPORT_TEXT_MAX } from "@/lib/catalog/constants";
import { isCountry, subdivision } from "@/lib/regions/regions";

// Forms send "" for untouched optional fields; treat that as absent.
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());

const slug = (what: string) =>
  z
    .string({ error: `${what} is required` })
    .trim()
    .min(1, `${what} is required`)
    .max(64, `${what} is too long`)
    .regex(/^[a-z0-9-]+$/, `${what} must be a slug such as "tiktok"`);

/** The one schema for a report, shared by the JSON API, the form and the server action. */
export const reportInputSchema = z
  .object({
    service: slug("service"),
    symptom: slug("symptom"),
    country: z
      .string({ error: "country is required" })
      .trim()
      .toUpperCase()
      .refine((c) => /^[A-Z]{2}$/.test(c) && isCountry(c), "country must be an ISO 3166-1 alpha-2 code such as \"US\""),
    subdivision: optional(
      z
        .string()
        .trim()
        .toUpperCase()
        .refine((s) => subdivision(s) !== undefined, "subdivision must be an ISO 3166-2 code such as \"US-CA\""),
    ),
    text: optional(
      z
        .string()
        .trim()
        // Count characters as Postgres does (code points), so emoji are not charged double.
        .refine((t) => [...t].length <= REPORT_TEXT_MAX, `text must be at most ${REPORT_TEXT_MAX} characters`),
    ),
  })
  .refine((r) => !r.subdivision || r.subdivision.startsWith(`${r.country}-`), {
    path: ["subdivision"],
    message: "subdivision must belong to the chosen country",
  });

export type ReportInput = z.infer<typeof reportInputSchema>;

export interface FieldIssue {
  field: string;
  message: string;
}

export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ field: i.path.join(".") || "body", message: i.message }));
}
