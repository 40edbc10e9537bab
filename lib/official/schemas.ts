import { z } from "zod";
import { instant } from "@/lib/catalog/schemas";
import { OFFICIAL_IMPACTS, OFFICIAL_STATUSES } from "./types";

export const officialSchema = z
  .object({
    status: z.enum(OFFICIAL_STATUSES).meta({ description: "What the company's own status page says, in our words" }),
    description: z.string().meta({ description: "The page's own summary line" }),
    updatedAt: instant.meta({ description: "When Outage Radar last read the page successfully" }),
    stale: z.boolean().meta({ description: "True when the page could not be read for over 15 minutes" }),
    url: z.string().nullable().meta({ description: "The official status page" }),
    incident: z
      .object({
        title: z.string(),
        url: z.string().nullable(),
        impact: z.enum(OFFICIAL_IMPACTS),
        startedAt: instant,
        postedAt: instant.meta({ description: "When the official page first said so" }),
      })
      .nullable()
      .meta({ description: "The newest unresolved official incident" }),
  })
  .meta({ id: "OfficialStatus" });

export const scorecardRowSchema = z
  .object({
    ours: z.int().min(0).meta({ description: "Outage Radar incidents in the window" }),
    acknowledged: z.int().min(0).meta({ description: "…that an official incident overlapped" }),
    theirs: z.int().min(0).meta({ description: "Official incidents posted in the window" }),
    caught: z.int().min(0).meta({ description: "…that an Outage Radar incident overlapped" }),
    medianLeadMinutes: z
      .number()
      .nullable()
      .meta({ description: "Median minutes from our detection to the official post; positive when we were first" }),
  })
  .meta({ id: "ScorecardRow" });
