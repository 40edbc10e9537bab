import type { SubmitOutcome } from "@/lib/reports/submit";
import type { ServiceSnapshot } from "@/lib/services/snapshot";

/** What the report form shows after a submission; plain data so it crosses the server-action boundary. */
export type ReportFormState =
  | { kind: "idle" }
  | {
      kind: "saved";
      counted: boolean;
      notCounted: "repeat" | "network_cap" | null;
      /** Whether the report came with a comment; it is listed on the page only if the report counted. */
      withText: boolean;
      serviceName: string;
      /**
       * The service page's live data read after this report was stored, so the page shows it at once
       * (null if that read failed: the report is stored all the same).
       */
      snapshot: ServiceSnapshot | null;
    }
  /** Made without a connection: kept in this browser (lib/pwa/report-queue.ts) until it can be sent. */
  | { kind: "queued"; serviceName: string; key: string }
  | {
      kind: "error";
      /** What went wrong, as the form says it in the page's language ("ReportForm.problem" messages). */
      problem: ReportProblem;
      retryAfterSeconds?: number;
      /** The form's fields at fault: each has one sentence saying what it needs ("ReportForm.field"). */
      fields: string[];
      values: Record<string, string>;
    };

export type ReportProblem = "fields" | "rate_limited" | "unavailable" | "unconfirmed" | "refused";

/** The fields the form has; a fault elsewhere (an unknown service) is the whole report's. */
const FORM_FIELDS = new Set(["symptom", "country", "subdivision", "text", "website"]);

export const IDLE: ReportFormState = { kind: "idle" };

/**
 * `values` are what the person typed, echoed back on error so nothing has to be re-entered;
 * `snapshot` was read after the report was stored, so its count of the last hour includes it.
 */
export function reportFormState(
  outcome: SubmitOutcome,
  values: Record<string, string>,
  snapshot: ServiceSnapshot | null,
): ReportFormState {
  if (outcome.ok) {
    return {
      kind: "saved",
      counted: outcome.counted,
      notCounted: outcome.notCounted,
      withText: Boolean(values.text?.trim()),
      serviceName: outcome.service.name,
      snapshot,
    };
  }
  if (outcome.kind === "rate_limited")
    return {
      kind: "error",
      problem: "rate_limited",
      retryAfterSeconds: outcome.retryAfterSeconds ?? 60,
      fields: [],
      values,
    };
  const fields = [...new Set(outcome.issues.map((i) => i.field))];
  if (outcome.kind !== "invalid_input" || !fields.every((f) => FORM_FIELDS.has(f)))
    return { kind: "error", problem: "refused", fields: [], values };
  return { kind: "error", problem: "fields", fields, values };
}

/** When a report could not be stored at all (database down, server restarting, queue full). */
export function unavailableState(values: Record<string, string>, unconfirmed = false): ReportFormState {
  return { kind: "error", problem: unconfirmed ? "unconfirmed" : "unavailable", fields: [], values };
}

/**
 * How many people usually report in an hour like this one: the baseline's expectation for the last
 * four 15-minute buckets of the chart (null before the detector has a baseline).
 */
export function usualLastHour(snapshot: ServiceSnapshot): number | null {
  const last = snapshot.series.slice(-4).map((p) => p.expected);
  if (last.length === 0 || last.some((e) => e === null)) return null;
  return ((last as number[]).reduce((a, b) => a + b, 0) * 60) / (last.length * snapshot.bucketMinutes);
}

/** A count this close to the usual one is the usual background of reports, not a sign of an outage. */
const USUAL_RATIO = 1.5;

/** A translator for the "JustMe" messages (next-intl's, or createTranslator's in tests). */
export type JustMeTranslator = (key: string, values: Record<string, string | number>) => string;

/** The "is it just me?" answer, in words, measured against the usual level; none when the count could not be read. */
export function justMeAnswer(state: Extract<ReportFormState, { kind: "saved" }>, t: JustMeTranslator): string | null {
  if (!state.snapshot) return null;
  const others = Math.max(0, state.snapshot.reportersLastHour - (state.counted ? 1 : 0));
  const name = state.serviceName;
  if (others === 0) return t("first", { name });
  const people = t("people", { count: others });
  // The count goes with every sentence: its verb agrees with it in most languages.
  const count = others;
  if (state.snapshot.status !== "ok") return t("aboveUsual", { name, people, count });
  const usual = usualLastHour(state.snapshot);
  if (usual !== null && others + 1 <= USUAL_RATIO * (usual + 1))
    return t("asUsual", { name, people, count, usual: Math.round(usual) });
  if (others < 5) return t("few", { name, people, count });
  return usual !== null && usual >= 1
    ? t("notJustYouTimes", { name, people, count, times: Math.round(others / usual) })
    : t("notJustYou", { name, people, count });
}
