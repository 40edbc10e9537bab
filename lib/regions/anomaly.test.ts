import { describe, expect, it } from "vitest";
import { classifyRegion, MIN_REGION_REPORTERS, usualFromHistory } from "./anomaly";

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

  it("does not take a few quiet days for certainty: a small region just over the floor stays calm", () => {
    const judge = (now: number, before: number, days: number) => {
      const u = usualFromHistory(before, days);
      return classifyRegion("FR", now, u.mean, u.phi).band;
    };
    // 6 people now, none at this time on the day or two before: not evidence of an outage (the bare
    // average, 0 floored to 0.1, called it far above usual)...
    expect(classifyRegion("FR", 6, 0.1).band).toBe("high");
    for (const days of [1, 2]) expect(["normal", "elevated"]).toContain(judge(6, 0, days));
    // ...while none at all on a whole week of days makes six people a real change.
    expect(judge(6, 0, 7)).toBe("high");
    // A real surge still stands out against the same thin history.
    expect(["high", "severe"]).toContain(judge(60, 0, 2));
    expect(["high", "severe"]).toContain(judge(225, 2, 7));
    // And with plenty of history the estimate is as sharp as before.
    expect(usualFromHistory(700, 7)).toEqual({ mean: 100.07142857142857, phi: 0.1 });
  });
});
