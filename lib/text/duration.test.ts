import { describe, expect, it } from "vitest";
import { formatDuration, inLastPeriod, perPeriod } from "./duration";

describe("formatDuration", () => {
  it("reads at a glance at every scale", () => {
    expect(formatDuration(0)).toBe("0 min");
    expect(formatDuration(45)).toBe("45 min");
    expect(formatDuration(60)).toBe("1 h");
    expect(formatDuration(135)).toBe("2 h 15 min");
    expect(formatDuration(1440)).toBe("1 d");
    expect(formatDuration(3 * 1440 + 250)).toBe("3 d 4 h");
  });
});

describe("perPeriod", () => {
  it("names a rate's period as a sentence would", () => {
    expect(perPeriod(60)).toBe("per hour");
    expect(perPeriod(120)).toBe("per 2 hours");
    expect(perPeriod(30)).toBe("per 30 minutes");
    expect(perPeriod(90)).toBe("per 90 minutes");
    expect(perPeriod(1)).toBe("per minute");
  });
});

describe("inLastPeriod", () => {
  it("looks back over the same period", () => {
    expect(inLastPeriod(60)).toBe("in the last hour");
    expect(inLastPeriod(120)).toBe("in the last 2 hours");
    expect(inLastPeriod(30)).toBe("in the last 30 minutes");
  });
});
