import { describe, expect, it } from "vitest";
import { classifyRegion, MIN_REGION_REPORTERS } from "./anomaly";

describe("regional anomaly shading", () => {
  it("hides counts under the privacy minimum", () => {
    const r = classifyRegion("IS", MIN_REGION_REPORTERS - 1, 0.2);
    expect(r).toMatchObject({ band: "too-few", reporters: null, ratio: null });
  });

  it("keeps a busy country that is at its usual level calm", () => {
    expect(classifyRegion("US", 510, 500).band).toBe("normal");
  });

  it("marks a small country with a real surge, however small its raw count", () => {
    const de = classifyRegion("DE", 60, 8);
    expect(["high", "severe"]).toContain(de.band);
    expect(de.ratio).toBeCloseTo(7.5);
    // The same raw count is normal where it is usual.
    expect(classifyRegion("US", 60, 55).band).toBe("normal");
  });

  it("orders bands by evidence", () => {
    expect(classifyRegion("FR", 20, 10).band).toBe("normal"); // twice a baseline of 10 is within its noise
    expect(classifyRegion("FR", 25, 10).band).toBe("elevated");
    expect(classifyRegion("FR", 40, 10).band).toBe("high");
    expect(classifyRegion("FR", 200, 10).band).toBe("severe");
  });

  it("calls nothing unusual before there is any history to compare with", () => {
    expect(classifyRegion("US", 300, null)).toMatchObject({ band: "normal", reporters: 300, ratio: null, score: 0 });
    expect(classifyRegion("US", 3, null).band).toBe("too-few");
  });
});
