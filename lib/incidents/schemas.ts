import { z } from "zod";
import { rowId } from "@/lib/http/path-id";
import { CATEGORY_SLUGS, INCIDENT_CAUSES, INCIDENT_EVENT_KINDS } from "@/lib/catalog/constants";
import { instant, level, slug } from "@/lib/catalog/schemas";
import { reportTextSchema } from "@/lib/reports/schemas";
import { seriesPointSchema } from "@/lib/services/schemas";
import { plainText } from "@/lib/text/plain-text";

// The incidents API's shapes, read and moderation; the OpenAPI document is generated from them.

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

export const officialUpdateInput = z
  .object({
    message: plainText(z.string().trim().min(1, "is required").max(2_000, "is too long (2,000 characters at most)")),
  })
  .meta({ id: "OfficialUpdateInput" });

export const incidentPatchInput = z.object({ cause: z.enum(INCIDENT_CAUSES) }).meta({ id: "IncidentPatch" });

export const splitInput = z
  .object({
    at: instant.meta({ description: "Where the second outage began; must fall inside the incident" }),
  })
  .meta({ id: "SplitInput" });

export const mergeInput = z
  .object({ into: rowId("is not an incident id").meta({ description: "The incident that remains" }) })
  .meta({ id: "MergeInput" });
