import { z } from "zod";
import { CATEGORY_SLUGS } from "@/lib/catalog/constants";
import { instant, level, slug, symptom } from "@/lib/catalog/schemas";
import { readableTextSchema } from "@/lib/reports/schemas";
import { officialSchema } from "@/lib/official/schemas";

// The services API's shapes: routes and pages build values of these types, and the OpenAPI
// document (lib/api/openapi.ts) is generated from them.

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
    official: officialSchema
      .nullable()
      .meta({ description: "What the company's own status page says; null when it has no feed we read" }),
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

export const symptomShareSchema = z
  .object({
    slug,
    label: z.string(),
    reporters: z.int().min(0),
    share: z.number().min(0).max(1).meta({ description: "Share of the last hour's reporters" }),
  })
  .meta({ id: "SymptomShare" });

export const snapshotIncidentSchema = z
  .object({ id: z.int(), level, startedAt: instant, endedAt: instant.nullable() })
  .meta({ id: "SnapshotIncident" });

export const serviceSnapshotSchema = z
  .object({
    slug,
    name: z.string(),
    status: level,
    statusSince: instant,
    generatedAt: instant,
    bucketMinutes: z.int(),
    series: z.array(seriesPointSchema),
    reportersLastHour: z.int().min(0),
    symptoms: z.array(symptomShareSchema),
    incidents: z.array(snapshotIncidentSchema).meta({ description: "Incidents overlapping the chart's 24 hours" }),
    texts: z.array(readableTextSchema).meta({ description: "The newest comments of the chart's 24 hours" }),
  })
  .meta({ id: "ServiceSnapshot" });
