import { z } from "zod";

/** A path id: a positive integer up to `max` (a Postgres integer by default), else undefined (404). */
export function pathId(raw: string, max = 2_147_483_647): number | undefined {
  return /^[1-9]\d{0,15}$/.test(raw) && Number(raw) <= max ? Number(raw) : undefined;
}

/** parseRequest's `params` for a path like /incidents/{id}: an id that names nothing is a 404 naming `what`. */
export const idPath = (value: Promise<{ id: string }>, what: string, max?: number) => ({
  value,
  what,
  schema: z.object({
    id: z
      .string()
      .transform(
        (raw, ctx) => pathId(raw, max) ?? (ctx.addIssue({ code: "custom", message: "is not an id" }), z.NEVER),
      ),
  }),
});
