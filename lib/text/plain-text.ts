import { z } from "zod";

// C0 controls other than tab, line feed and carriage return, DEL, C1 controls; and the bidi
// overrides and isolates that make text display in another order than it is stored.
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/**
 * Text a person wrote, as Postgres and every reader can take it: well-formed Unicode (a lone
 * surrogate from a "\ud800" JSON escape would fail the whole batch it is written in), without NUL
 * (Postgres text cannot hold it), control characters or direction overrides.
 */
export function plainText(schema: z.ZodString): z.ZodType<string, string> {
  return schema
    .refine((t) => t.isWellFormed(), "must be valid Unicode text (it has an unpaired surrogate)")
    .refine((t) => !FORBIDDEN.test(t), "must not contain control characters or text-direction overrides");
}
