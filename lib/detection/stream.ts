import { createDetector, stepMinute, type DetectorState } from "./detector";
import { DEFAULT_PARAMS, type DetectorParams } from "./params";

const MINUTE = 60_000;

export interface ScoredRow {
  t: number;
  value: number;
  anomalyScore: number;
  inAlarm: boolean;
}

/**
 * Scores a series of counts per bin (any bin width) as a stream: each output uses only the rows
 * before it and itself. A bin's count is placed at the minute its timestamp falls in; rows in the
 * same minute are combined by re-stepping that minute from the state before it. External series
 * carry no network information, so every reporter is taken to be on a network of their own.
 */
export function* scoreStream(
  rows: Iterable<{ t: number; value: number }>,
  priorPerHour = 5,
  params: DetectorParams = DEFAULT_PARAMS,
): Generator<ScoredRow> {
  let before: DetectorState = createDetector(params);
  let current: DetectorState | null = null;
  let minute: number | null = null;
  let sum = 0;
  for (const row of rows) {
    if (!Number.isFinite(row.t)) throw new Error("timestamp is not a date");
    const m = Math.floor(row.t / MINUTE) * MINUTE;
    if (minute !== null && m < minute)
      throw new Error(`timestamps must not go backwards (${new Date(row.t).toISOString()})`);
    if (minute !== null && m > minute && current) {
      before = current;
      sum = 0;
    }
    minute = m;
    const value = Number.isFinite(row.value) ? Math.max(0, row.value) : 0;
    sum += value;
    const step = stepMinute(before, { t: m, reporters: sum, networks: sum }, priorPerHour, params);
    current = step.state;
    yield {
      t: row.t,
      value: row.value,
      anomalyScore: step.evaluation.anomalyScore,
      inAlarm: step.evaluation.level !== "ok",
    };
  }
}
