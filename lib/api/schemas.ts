import { z } from "zod";
import { plainText } from "@/lib/text/plain-text";
import {
  CATEGORY_SLUGS,
  INCIDENT_CAUSES,
  INCIDENT_EVENT_KINDS,
  REPORT_TEXT_MAX,
  STATUS_LEVELS,
  WEBHOOK_EVENTS,
  SERVICE_SLUG,
} from "@/lib/catalog/constants";

// The public API's shapes, one place: the routes build values of these types and the OpenAPI
// document is generated from them, so the description cannot drift from the answers.

const instant = z.iso
  .datetime()
  .meta({ description: "An instant, ISO 8601 in UTC", example: "2026-06-10T14:05:00.000Z" });
const slug = z.string().regex(SERVICE_SLUG);
const level = z.enum(STATUS_LEVELS).meta({ id: "StatusLevel", description: "ok, possible problems, or outage" });
const symptom = z.object({ slug, label: z.string() }).meta({ id: "Symptom" });

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string().meta({ example: "invalid_input" }),
      message: z.string().meta({ description: "What is wrong, in words" }),
      issues: z.array(z.object({ field: z.string(), message: z.string() })),
    }),
  })
  .meta({ id: "Error" });

export const serviceListItemSchema = z
  .object({ slug, name: z.string(), category: z.enum(CATEGORY_SLUGS), symptoms: z.array(symptom), status: level })
  .meta({ id: "ServiceListItem" });

export const serviceStatusSchema = z
  .object({
    slug,
    name: z.string(),
    category: z.enum(CATEGORY_SLUGS),
    website: z.string().nullable(),
    statusPage: z.string().nullable().meta({ description: "The company's own status page" }),
    symptoms: z.array(symptom),
    status: level,
    statusSince: instant,
    reportersLastHour: z.int().min(0).meta({ description: "Distinct people reporting in the last 60 minutes" }),
    openIncident: z.object({ id: z.int(), level, startedAt: instant }).nullable(),
  })
  .meta({ id: "ServiceStatus" });

export const seriesPointSchema = z
  .object({
    t: instant.meta({ description: "Bucket start" }),
    reports: z.int().min(0),
    reporters: z.int().min(0).meta({ description: "Distinct reporters in the bucket" }),
    expected: z.number().nullable().meta({ description: "Distinct reporters the detector expects (the usual level)" }),
    threshold: z.number().nullable().meta({ description: "A bucket at or above this alone raises possible problems" }),
  })
  .meta({ id: "SeriesPoint" });

export const seriesSchema = z
  .object({ slug, bucketMinutes: z.int(), series: z.array(seriesPointSchema) })
  .meta({ id: "Series" });

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

export const incidentSummarySchema = z
  .object({
    id: z.int(),
    service: z.object({ slug, name: z.string(), category: z.enum(CATEGORY_SLUGS) }),
    level,
    startedAt: instant,
    detectedAt: instant,
    peakAt: instant.nullable(),
    peakRate: z.number().nullable().meta({ description: "Distinct reporters per minute at the peak" }),
    endedAt: instant.nullable(),
    durationMinutes: z.int().min(0),
    regions: z.array(z.string()),
    symptoms: z.array(z.string()),
    cause: z.enum(INCIDENT_CAUSES).nullable(),
  })
  .meta({ id: "IncidentSummary" });

export const incidentListSchema = z
  .object({ items: z.array(incidentSummarySchema), total: z.int(), page: z.int(), pageSize: z.int() })
  .meta({ id: "IncidentList" });

export const incidentEventSchema = z
  .object({
    kind: z.enum(INCIDENT_EVENT_KINDS),
    at: instant,
    level: level.nullable(),
    message: z.string().nullable(),
  })
  .meta({ id: "IncidentEvent" });

export const incidentDetailSchema = incidentSummarySchema
  .extend({
    totalReporters: z.int(),
    peakReporters: z.int(),
    bucketMinutes: z.int(),
    series: z.array(seriesPointSchema),
    topRegions: z.array(z.object({ code: z.string(), name: z.string(), reporters: z.int() })),
    regionTotal: z
      .int()
      .meta({ description: "Reporters counted in every country: the whole that topRegions are a share of" }),
    topSymptoms: z.array(z.object({ slug, label: z.string(), reporters: z.int() })),
    events: z.array(incidentEventSchema),
    texts: z.array(reportTextSchema).meta({
      description:
        "The newest comments sent while it lasted, by the rule of /services/{slug}/reports (counted reports only)",
    }),
  })
  .meta({ id: "IncidentDetail" });

export const regionSchema = z.object({ code: z.string(), name: z.string() }).meta({ id: "Region" });

// Administration.

export const officialUpdateInput = z
  .object({
    message: plainText(z.string().trim().min(1, "is required").max(2_000, "is too long (2,000 characters at most)")),
  })
  .meta({ id: "OfficialUpdateInput" });

export const incidentPatchInput = z.object({ cause: z.enum(INCIDENT_CAUSES) }).meta({ id: "IncidentPatch" });

export const mergeInput = z
  .object({ into: z.int().positive().meta({ description: "The incident that remains" }) })
  .meta({ id: "MergeInput" });

export const reportPatchInput = z.object({ textHidden: z.boolean() }).meta({ id: "ReportPatch" });

export const auditEntrySchema = z
  .object({
    id: z.int(),
    at: instant,
    action: z.string(),
    target: z.string(),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: "AuditEntry" });

export const webhookSchema = z
  .object({
    id: z.int(),
    url: z.string(),
    events: z.array(z.enum(WEBHOOK_EVENTS)),
    service: slug.nullable(),
    createdAt: instant,
  })
  .meta({ id: "Webhook" });

export const webhookCreatedSchema = webhookSchema
  .extend({ secret: z.string().meta({ description: "Signs deliveries; shown only in this answer" }) })
  .meta({ id: "WebhookCreated" });

export const deliverySchema = z
  .object({
    id: z.int(),
    event: z.string(),
    incidentId: z.int().nullable(),
    state: z.enum(["pending", "delivered", "failed"]),
    attempts: z.int(),
    lastStatus: z.int().nullable(),
    lastError: z.string().nullable(),
    createdAt: instant,
    deliveredAt: instant.nullable(),
    nextAttemptAt: instant.nullable(),
  })
  .meta({ id: "WebhookDelivery" });
