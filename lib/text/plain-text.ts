import { z } from "zod";

// C0 controls other than tab, line feed and carriage return, DEL, C1 controls; and the bidi
// overrides and isolates that make text display in another order than it is stored.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

// Characters nobody sees: zero-width space, word joiner and invisible operators, the byte-order mark,
// the Mongolian vowel separator, and the directional marks (LRM, RLM, ALM). Hidden inside a word
// they slip it past word filters and make two texts that look the same compare different.
const INVISIBLE = /[\u200b\u200e\u200f\u061c\u2060-\u2064\ufeff\u180e]/;

// The zero-width joiner and non-joiner are letters' business in Indic and Arabic scripts and glue
// emoji sequences (👩‍💻); next to an ASCII character or at an edge they only hide something.
const STRAY_JOINER = /(^|[\x00-\x7f])[\u200c\u200d]|[\u200c\u200d]([\x00-\x7f]|$)/;

/**
 * Text a person wrote, as Postgres and every reader can take it: well-formed Unicode (a lone
 * surrogate from a "\ud800" JSON escape would fail the whole batch it is written in), without NUL
 * (Postgres text cannot hold it), control characters, direction overrides or invisible characters.
 */
export function plainText(schema: z.ZodString): z.ZodType<string, string> {
  return schema
    .refine((t) => t.isWellFormed(), "must be valid Unicode text (it has an unpaired surrogate)")
    .refine((t) => !CONTROL.test(t), "must not contain control characters or text-direction overrides")
    .refine(
      (t) => !INVISIBLE.test(t) && !STRAY_JOINER.test(t),
      "must not contain invisible characters (zero-width spaces, joiners between letters, direction marks)",
    );
}
