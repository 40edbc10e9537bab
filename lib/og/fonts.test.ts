import { ImageResponse } from "next/og";
import { createElement as h } from "react";
import { describe, expect, it } from "vitest";
import { OG_FONT_FAMILY, ogFonts } from "./fonts";

async function png(text: string): Promise<Buffer> {
  const page = h(
    "div",
    { style: { display: "flex", width: "100%", height: "100%", background: "#fff", fontFamily: OG_FONT_FAMILY } },
    h("div", { style: { fontSize: 60, fontWeight: 700 } }, text),
  );
  const image = new ImageResponse(page, { width: 120, height: 90, fonts: await ogFonts() });
  return Buffer.from(await image.arrayBuffer());
}

describe("preview image fonts", () => {
  // A letter the fonts lack is drawn as the same box whatever the letter, so two such letters come
  // out as identical images; drawn letters differ.
  it.each([
    ["Latin", "A", "B"],
    ["Polish", "Ł", "Ś"],
    ["Cyrillic", "Я", "Ж"],
    ["Vietnamese", "ệ", "ế"],
  ])("draws %s letters", async (_, a, b) => {
    expect((await png(a)).equals(await png(b))).toBe(false);
  });
});
