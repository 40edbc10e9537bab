import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import en from "@/lib/i18n/messages/en.json";
import { formatDuration, periodArgs } from "./duration";

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

describe("periodArgs with the Time messages", () => {
  const time = createTranslator({ locale: "en", messages: en, namespace: "Time" });

  it("names a rate's period as a sentence would", () => {
    expect(time("per", periodArgs(60))).toBe("per hour");
    expect(time("per", periodArgs(120))).toBe("per 2 hours");
    expect(time("per", periodArgs(30))).toBe("per 30 minutes");
    expect(time("per", periodArgs(90))).toBe("per 90 minutes");
    expect(time("per", periodArgs(1))).toBe("per minute");
  });

  it("looks back over the same period", () => {
    expect(time("inLast", periodArgs(60))).toBe("in the last hour");
    expect(time("inLast", periodArgs(120))).toBe("in the last 2 hours");
    expect(time("inLast", periodArgs(30))).toBe("in the last 30 minutes");
  });
});
