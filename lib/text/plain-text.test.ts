import { describe, expect, it } from "vitest";
import { z } from "zod";
import { plainText } from "./plain-text";

const schema = plainText(z.string());
const accepts = (t: string) => schema.safeParse(t).success;

describe("plain text", () => {
  it("takes what people write, in any script, with emoji sequences", () => {
    for (const t of [
      "Login fails since 10:00\nagain",
      "Не работает",
      "लॉगिन नहीं हो रहा", // Devanagari
      "क्‍ष", // a Devanagari conjunct shaped with a zero-width joiner
      "می‌خواهم", // Persian with a zero-width non-joiner between letters
      "👩‍💻 can't deploy", // an emoji ZWJ sequence
      "🏳️‍🌈",
    ])
      expect(accepts(t), t).toBe(true);
  });

  it("refuses control characters, direction overrides and unpaired surrogates", () => {
    for (const t of ["a\u0000b", "a\u0007b", "\u202egnp.exe", "a\u2066b", "down \ud800"])
      expect(accepts(t), t).toBe(false);
  });

  it("refuses invisible characters that hide a word from filters", () => {
    for (const t of [
      "sc\u200bam", // zero-width space
      "sc\u200dam", // joiner between Latin letters
      "sc\u200cam",
      "\u200dscam",
      "scam\u200c",
      "sc\u2060am", // word joiner
      "\ufeffscam", // byte-order mark
      "sc\u200eam", // left-to-right mark
      "\u200fscam", // right-to-left mark
      "sc\u061cam", // Arabic letter mark
      "sc\u180eam",
      "sc\u2062am", // invisible times
    ])
      expect(accepts(t), JSON.stringify(t)).toBe(false);
    const error = schema.safeParse("sc\u200bam").error?.issues[0]?.message;
    expect(error).toMatch(/invisible characters/);
  });
});
