import { describe, expect, it } from "vitest";
import { shapedLine } from "./shaped-text";

const svgOf = (src: string) => Buffer.from(src.split(",")[1]!, "base64").toString("utf8");

describe("preview lines in scripts the renderer cannot shape", () => {
  it("are shaped: a Devanagari conjunct is fewer glyphs than its letters", async () => {
    // क्या is four code points (KA, VIRAMA, YA, AA) drawn as a half-form, a letter and a vowel sign.
    const line = await shapedLine("क्या", "hi", { size: 40, color: "#000" });
    const paths = svgOf(line!.src).match(/<path /g) ?? [];
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.length).toBeLessThan([..."क्या"].length);
    expect(line!.height).toBeGreaterThan(40);
  });

  it("draw Latin names within a Hindi line too, and leave other languages to the renderer", async () => {
    const hindi = await shapedLine("क्या TikTok डाउन है?", "hi", { size: 40, color: "#123456", weight: 700 });
    const alone = await shapedLine("क्या  डाउन है?", "hi", { size: 40, color: "#123456", weight: 700 });
    expect(hindi!.width).toBeGreaterThan(alone!.width);
    expect(svgOf(hindi!.src)).toContain('fill="#123456"');
    expect(await shapedLine("TikTok gestört?", "de", { size: 40, color: "#000" })).toBeNull();
  });
});
