import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { DETECTION_FIGURES, REAL_FIGURES, RECALL_TARGET } from "./figures";

describe("published detection figures", () => {
  it("are the committed benchmark run, ours beside the simple rules it is compared with", () => {
    const file = JSON.parse(readFileSync("bench/results/detection.json", "utf8")) as Record<string, unknown>;
    expect(DETECTION_FIGURES.recall_3x_15min).toBe(file.recall_3x_15min);
    expect(DETECTION_FIGURES.generated_at).toBe(file.generated_at);
    expect(Object.keys(DETECTION_FIGURES.baselines).sort()).toEqual([
      "fixed_threshold",
      "poisson_cusum",
      "three_sigma",
    ]);
    expect(DETECTION_FIGURES.thresholds).toEqual(file.thresholds);
    expect(DETECTION_FIGURES.outages_3x_15min).toBeLessThanOrEqual(DETECTION_FIGURES.outages);
    expect(RECALL_TARGET).toBe(0.95);
  });

  it("include the committed real-data run", () => {
    const file = JSON.parse(readFileSync("bench/results/real.json", "utf8")) as Record<string, unknown>;
    expect(REAL_FIGURES.nab_score).toBe(file.nab_score);
    expect(REAL_FIGURES.commit).toBe(file.commit);
    expect(REAL_FIGURES.windows_detected).toBeLessThanOrEqual(REAL_FIGURES.windows);
  });
});
