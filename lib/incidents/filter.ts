import { z } from "zod";
import { CATEGORY_SLUGS, SERVICE_SLUG } from "@/lib/catalog/constants";
import type { IncidentFilter } from "./queries";

const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .transform((d) => new Date(`${d}T00:00:00Z`))
  .refine((d) => !Number.isNaN(d.getTime()));

const one = (v: unknown) => (Array.isArray(v) ? v[0] : v) || undefined;

/** The incident list's query string: values that do not parse are ignored rather than failing the page. */
export const incidentQuerySchema = z.object({
  service: z.preprocess(one, z.string().regex(SERVICE_SLUG).optional().catch(undefined)),
  category: z.preprocess(one, z.enum(CATEGORY_SLUGS).optional().catch(undefined)),
  level: z.preprocess(one, z.enum(["possible", "outage"]).optional().catch(undefined)),
  from: z.preprocess(one, date.optional().catch(undefined)),
  to: z.preprocess(one, date.optional().catch(undefined)),
  page: z.preprocess(one, z.coerce.number().int().min(1).max(10_000).catch(1).default(1)),
});

export function incidentQuery(params: Record<string, string | string[] | undefined>) {
  return incidentFilterOf(incidentQuerySchema.parse(params));
}

/** The parsed query as a filter and a page. */
export function incidentFilterOf(q: z.infer<typeof incidentQuerySchema>): { filter: IncidentFilter; page: number } {
  return {
    // "to" is a day: the whole day is included.
    filter: {
      service: q.service,
      category: q.category,
      level: q.level,
      from: q.from,
      to: q.to && new Date(q.to.getTime() + 86_400_000),
    },
    page: q.page,
  };
}
