import { describe, expect, it } from "vitest";
import { worldGeometry } from "./geometry";
import { choroplethSvg } from "./svg";

describe("choroplethSvg", () => {
  it("draws every country with its band, as a standalone image", () => {
    const svg = choroplethSvg(worldGeometry(), (code) => (code === "DE" ? "severe" : "too-few"));
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/<path /g)?.length).toBe(worldGeometry().shapes.length);
    expect(svg.match(/class="r severe"/g)).toHaveLength(1);
    expect(svg).toContain("prefers-color-scheme:dark");
  });
});
