import { describe, expect, it } from "vitest";
import { worldGeometry } from "./geometry";
import { formatShare, framedOn, shareBand } from "./share";
import { viewBoxAround } from "./svg";

describe("an incident's share bands", () => {
  it("bands a country by its share of the reports, never below the privacy minimum", () => {
    expect(shareBand(4, 4)).toBe("share-none");
    expect(shareBand(5, 0)).toBe("share-none");
    expect(shareBand(60, 100)).toBe("share-4");
    expect(shareBand(50, 100)).toBe("share-4");
    expect(shareBand(30, 100)).toBe("share-3");
    expect(shareBand(10, 100)).toBe("share-2");
    expect(shareBand(9, 100)).toBe("share-1");
    expect(formatShare(62, 100)).toBe("62%");
    expect(formatShare(5, 1000)).toBe("<1%");
    // Other languages write a percentage their own way: German and French with a space before the sign.
    expect(formatShare(62, 100, "de")).toMatch(/^62\s%$/);
    expect(formatShare(5, 1000, "fr")).toMatch(/^<1\s%$/);
    expect(formatShare(5, 0)).toBe("–");
  });
});

describe("framedOn", () => {
  it("zooms to the countries that hold most of an incident, and keeps a spread-out one whole", () => {
    const germany = [
      { code: "DE", reporters: 231 },
      { code: "US", reporters: 6 },
    ];
    expect(framedOn(germany, 248)).toEqual(["DE"]);
    const everywhere = [
      { code: "US", reporters: 112 },
      { code: "GB", reporters: 32 },
      { code: "IN", reporters: 27 },
    ];
    expect(framedOn(everywhere, 350)).toEqual(["US", "GB", "IN"]);
  });
});

describe("viewBoxAround", () => {
  const world = worldGeometry();
  const box = (code: string) => world.shapes.find((s) => s.code === code)!.box;
  it("zooms to the countries given, keeping the map's proportions and staying on the map", () => {
    const [x, y, w, h] = viewBoxAround(world, ["DE"]);
    const [x0, y0, x1, y1] = box("DE");
    expect(x).toBeLessThanOrEqual(x0);
    expect(y).toBeLessThanOrEqual(y0);
    expect(x + w).toBeGreaterThanOrEqual(x1);
    expect(y + h).toBeGreaterThanOrEqual(y1);
    expect(w).toBeLessThan(world.width / 2);
    expect(w / h).toBeCloseTo(world.width / world.height, 1);
    expect(x).toBeGreaterThanOrEqual(0);
    expect(y).toBeGreaterThanOrEqual(0);
  });
  it("takes France's mainland, not the box stretched to French Guiana", () => {
    const [x0, , x1] = box("FR");
    expect(x1 - x0).toBeLessThan(40);
  });
  it("covers several countries far apart, and the whole map with none", () => {
    const [x, , w] = viewBoxAround(world, ["US", "JP"]);
    expect(x).toBeLessThanOrEqual(box("US")[0]);
    expect(x + w).toBeGreaterThanOrEqual(box("JP")[2]);
    expect(viewBoxAround(world, [])).toEqual([0, 0, world.width, world.height]);
  });
});
