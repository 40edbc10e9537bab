import { describe, expect, it } from "vitest";
import { formatDuration, periodPhrase } from "./duration";

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

describe("periodPhrase", () => {
  it("names a period as a sentence would", () => {
    expect(periodPhrase(60)).toBe("an hour");
    expect(periodPhrase(120)).toBe("2 hours");
    expect(periodPhrase(30)).toBe("30 minutes");
    expect(periodPhrase(90)).toBe("90 minutes");
    expect(periodPhrase(1)).toBe("a minute");
  });
});
