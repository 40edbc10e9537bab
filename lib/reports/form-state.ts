import type { SubmitOutcome } from "./submit";
import type { ServiceSnapshot } from "@/lib/queries/service-snapshot";
import { formatCount } from "@/lib/text/format";

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
  | { kind: "error"; message: string; fields: Record<string, string>; values: Record<string, string> };

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
  if (outcome.code === "rate_limited")
    return { kind: "error", message: capitalise(outcome.issues[0]!.message), fields: {}, values };
  const fields: Record<string, string> = {};
  for (const issue of outcome.issues) fields[issue.field] ??= issue.message;
  return { kind: "error", message: "Please check the highlighted fields.", fields, values };
}

/** When a report could not be stored at all (database down, server restarting, queue full). */
export function unavailableState(values: Record<string, string>): ReportFormState {
  return {
    kind: "error",
    message: "We could not store your report just now, and nothing was saved. Please try again in a moment.",
    fields: {},
    values,
  };
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The "is it just me?" answer, in words; none when the count could not be read. */
export function justMeAnswer(state: Extract<ReportFormState, { kind: "saved" }>): string | null {
  if (!state.snapshot) return null;
  const others = Math.max(0, state.snapshot.reportersLastHour - (state.counted ? 1 : 0));
  if (others === 0)
    return `You're the first to report a problem with ${state.serviceName} in the last hour. It may be on your side: try the steps below.`;
  if (others < 5)
    return `${others} other ${others === 1 ? "person has" : "people have"} reported a problem with ${state.serviceName} in the last hour. It could be you or a small issue.`;
  return `It's not just you: ${formatCount(others)} other people reported a problem with ${state.serviceName} in the last hour.`;
}
