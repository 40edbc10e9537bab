import { describe, expect, it } from "vitest";
import { usStatesGeometry, worldGeometry } from "./geometry";

describe("map geometry from npm packages", () => {
  it("draws the world's countries keyed by ISO 3166-1 alpha-2", () => {
    const world = worldGeometry();
    expect(world.shapes.length).toBeGreaterThan(170);
    const codes = new Set(world.shapes.map((s) => s.code));
    for (const c of ["US", "DE", "BR", "IN", "JP", "AU", "GB", "FR", "CA"]) expect(codes.has(c), c).toBe(true);
    expect(codes.size).toBe(world.shapes.length);
    for (const s of world.shapes) expect(s.d).toMatch(/^M[-\d.]+,[-\d.]+/);
  });

  it("draws the 50 US states and DC keyed by ISO 3166-2", () => {
    const us = usStatesGeometry();
    const codes = us.shapes.map((s) => s.code);
    expect(codes).toContain("US-CA");
    expect(codes).toContain("US-DC");
    expect(new Set(codes).size).toBeGreaterThanOrEqual(51);
  });
});
