import { z } from "zod";
import { REPORT_TEXT_MAX } from "@/lib/catalog/constants";
import { instant, level, slug } from "@/lib/catalog/schemas";
import { isCountry, subdivision } from "@/lib/regions/regions";
import { plainText } from "@/lib/text/plain-text";

// Forms send "" for untouched optional fields; treat that as absent.
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());

const requiredString = {
  error: (issue: { input: unknown }) => (issue.input === undefined ? "is required" : "must be a string"),
};

// Messages never repeat the field's name: the API prefixes it, the form shows them under the field.
const slugInput = (example: string) =>
  z
    .string(requiredString)
    .trim()
    .min(1, "is required")
    .max(64, "is too long (64 characters at most)")
    .regex(/^[a-z0-9-]+$/, `must be a slug such as "${example}"`);

/** The one schema for a report, shared by the JSON API, the form and the server action. */
export const reportInputSchema = z
  .object({
    service: slugInput("tiktok"),
    symptom: slugInput("login"),
    country: z
      .string(requiredString)
      .trim()
      .toUpperCase()
      .refine((c) => /^[A-Z]{2}$/.test(c) && isCountry(c), 'must be an ISO 3166-1 alpha-2 country code such as "US"'),
    subdivision: optional(
      z
        .string()
        .trim()
        .toUpperCase()
        .refine((s) => subdivision(s) !== undefined, 'must be an ISO 3166-2 region code such as "US-CA"'),
    ),
    text: optional(
      plainText(z.string().trim())
        // Count characters as Postgres does (code points), so emoji are not charged double.
        .refine((t) => [...t].length <= REPORT_TEXT_MAX, `must be at most ${REPORT_TEXT_MAX} characters`),
    ),
    // The form's honeypot: hidden from people (and from screen readers), filled in by bots that fill everything.
    website: optional(z.string().max(0, "must be left empty (it is a trap for automated submissions)")),
  })
  .refine((r) => !r.subdivision || r.subdivision.startsWith(`${r.country}-`), {
    path: ["subdivision"],
    message: "must be a region of the chosen country",
  });

export type ReportInput = z.infer<typeof reportInputSchema>;

/** A comment as a page shows it: its problem and country in words, so the browser needs no catalog. */
export const readableTextSchema = z
  .object({
    id: z.int(),
    createdAt: instant,
    symptom: z.string(),
    symptomLabel: z.string(),
    country: z.string(),
    countryName: z.string(),
    text: z.string().max(REPORT_TEXT_MAX),
  })
  .meta({ id: "ReadableText" });
export type ReadableText = z.infer<typeof readableTextSchema>;

/** An Idempotency-Key: 1 to 255 visible ASCII characters, such as a UUID. */
export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

// The reports API's answers; the OpenAPI document is generated from them.

export const reportTextSchema = z
  .object({
    id: z.int(),
    createdAt: instant,
    symptom: slug,
    country: z.string().length(2).meta({
      description: "The reporter's country; never the region, which next to the time could point at one person",
    }),
    text: z.string().max(REPORT_TEXT_MAX),
  })
  .meta({ id: "ReportText" });

export const reportInputDoc = z
  .object({
    service: slug.meta({ example: "tiktok" }),
    symptom: slug.meta({ example: "login" }),
    country: z.string().length(2).meta({ description: "ISO 3166-1 alpha-2", example: "US" }),
    subdivision: z.string().optional().meta({ description: "ISO 3166-2 region of that country", example: "US-CA" }),
    text: z.string().max(REPORT_TEXT_MAX).optional(),
  })
  .meta({ id: "ReportInput" });

export const reportAcceptedSchema = z
  .object({
    id: z.int(),
    counted: z.boolean().meta({
      description:
        "False for a repeat within the reporter's cooldown, or when the reporter's network already brought its cap of reporters for this window",
    }),
    status: level,
  })
  .meta({ id: "ReportAccepted" });

export const reportPatchInput = z.object({ textHidden: z.boolean() }).meta({ id: "ReportPatch" });
