import { z } from "zod";

/** The largest id a Postgres integer column holds: ids beyond it name nothing, and must not reach a query. */
export const ROW_ID_MAX = 2_147_483_647;

/** An id in a JSON body: a positive integer a Postgres integer can hold. */
export const rowId = (message = "is not an id") => z.int(message).min(1, message).max(ROW_ID_MAX, message);

/** A path id: a positive integer up to `max` (a Postgres integer by default), else undefined (404). */
export function pathId(raw: string, max = ROW_ID_MAX): number | undefined {
  return /^[1-9]\d{0,15}$/.test(raw) && Number(raw) <= max ? Number(raw) : undefined;
}

/** A string holding a path id (pathId's rule), parsed to its number; else `message`. */
export const idString = (message: string, max?: number) =>
  z.string().transform((raw, ctx) => pathId(raw, max) ?? (ctx.addIssue({ code: "custom", message }), z.NEVER));

/** parseRequest's `params` for a path like /incidents/{id}: an id that names nothing is a 404 naming `what`. */
export const idPath = (value: Promise<{ id: string }>, what: string, max?: number) => ({
  value,
  what,
  schema: z.object({ id: idString("is not an id", max) }),
});
