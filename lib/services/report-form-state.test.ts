import { describe, expect, it } from "vitest";
import type { ServiceSnapshot } from "@/lib/services/snapshot";
import { createTranslator } from "next-intl";
import { justMeAnswer as answerIn, usualLastHour, type ReportFormState } from "./report-form-state";
import en from "@/lib/i18n/messages/en.json";
import de from "@/lib/i18n/messages/de.json";

const english = createTranslator({ locale: "en", messages: en, namespace: "JustMe" });
const justMeAnswer = (state: Parameters<typeof answerIn>[0]) => answerIn(state, english as never);

const snapshot = (
  reportersLastHour: number,
  expectedPerBucket: number | null,
  status: ServiceSnapshot["status"] = "ok",
) =>
  ({
    status,
    bucketMinutes: 15,
    reportersLastHour,
    series: Array.from({ length: 8 }, (_, i) => ({
      t: String(i),
      reports: 0,
      reporters: 0,
      expected: expectedPerBucket,
      threshold: null,
    })),
  }) as unknown as ServiceSnapshot;

const saved = (snap: ServiceSnapshot | null): Extract<ReportFormState, { kind: "saved" }> => ({
  kind: "saved",
  counted: true,
  notCounted: null,
  withText: false,
  serviceName: "Discord",
  snapshot: snap,
});

describe("is it just me?", () => {
  it("knows the usual hour from the chart's expectation", () => {
    expect(usualLastHour(snapshot(0, 5))).toBe(20);
    expect(usualLastHour(snapshot(0, null))).toBeNull();
  });

  it("says a usual count is usual instead of implying an outage", () => {
    const answer = justMeAnswer(saved(snapshot(20, 5)))!;
    expect(answer).toContain(
      "19 other people have reported a problem with Discord in the last hour, about as many as usual",
    );
    expect(answer).not.toMatch(/not just you/);
  });

  it("says it is not just you when reports are well above the usual level or an alarm is up", () => {
    expect(justMeAnswer(saved(snapshot(81, 5)))).toMatch(
      /^It's not just you: 80 other people .* about 4 times the usual\.$/,
    );
    expect(justMeAnswer(saved(snapshot(20, 5, "outage")))).toMatch(/^It's not just you: 19 other people/);
  });

  it("handles the first reporter, a few others, no baseline and no snapshot", () => {
    expect(justMeAnswer(saved(snapshot(1, 5)))).toMatch(/first to report/);
    expect(justMeAnswer(saved(snapshot(3, 0)))).toMatch(/^2 other people have reported/);
    expect(justMeAnswer(saved(snapshot(30, null)))).toMatch(/^It's not just you: 29 other people .* last hour\.$/);
    expect(justMeAnswer(saved(null))).toBeNull();
  });

  it("answers in the page's language, with its numbers", () => {
    const german = createTranslator({ locale: "de", messages: de, namespace: "JustMe" });
    expect(answerIn(saved(snapshot(1201, 5, "outage")), german as never)).toBe(
      "Du bist nicht allein: 1.200 weitere Personen haben in der letzten Stunde ein Problem mit Discord gemeldet, deutlich mehr als üblich.",
    );
  });
});
