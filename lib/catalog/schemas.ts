import { z } from "zod";
import { SERVICE_SLUG, STATUS_LEVELS } from "./constants";

// Field shapes the features' API schemas share, so an instant or a slug is described the same
// way everywhere in the OpenAPI document.

export const instant = z.iso
  .datetime()
  .meta({ description: "An instant, ISO 8601 in UTC", example: "2026-06-10T14:05:00.000Z" });
export const slug = z.string().regex(SERVICE_SLUG);
export const level = z.enum(STATUS_LEVELS).meta({ id: "StatusLevel", description: "ok, possible problems, or outage" });
export const symptom = z.object({ slug, label: z.string() }).meta({ id: "Symptom" });
