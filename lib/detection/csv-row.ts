/** One `timestamp,value` row of a count series, read for the detector (detect:csv). */
export type CsvRow = { ok: true; t: number; count: number } | { ok: false; error: string };

/**
 * Epoch seconds or milliseconds, or an ISO 8601 date-time with or without a zone ("2015-02-26
 * 21:42:53" without one is read as UTC, like most public anomaly datasets). NaN when unreadable.
 */
export function parseTimestamp(raw: string): number {
  const trimmed = raw.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) {
    const n = Number(trimmed);
    return n < 1e11 ? n * 1000 : n;
  }
  if (!/^\d{4}-\d\d-\d\d([ T]\d\d:\d\d(:\d\d(\.\d+)?)?)?\s*([zZ]|[+-]\d\d:?\d\d)?$/.test(trimmed)) return NaN;
  const iso = trimmed.replace(" ", "T").replace(/\s+/g, "");
  const zoned = /([zZ]|[+-]\d\d:?\d\d)$/.test(iso) && iso.includes("T");
  return Date.parse(zoned ? iso : iso.includes("T") ? `${iso}Z` : `${iso}T00:00:00Z`);
}

/** Checks a row, given the previous row's time: what is wrong is said in words, for a line number to go with. */
export function parseCsvRow(record: string[], previous: number | null): CsvRow {
  const [raw = "", value = ""] = record;
  if (record.length < 2)
    return { ok: false, error: `expected "timestamp,value", got ${JSON.stringify(record.join(","))}` };
  const t = parseTimestamp(raw);
  if (!Number.isFinite(t)) return { ok: false, error: `"${raw}" is not a timestamp (ISO 8601 or epoch seconds)` };
  const count = value.trim() === "" ? NaN : Number(value);
  if (!Number.isFinite(count) || count < 0)
    return { ok: false, error: `"${value}" is not a count (a number of reports, 0 or more)` };
  if (previous !== null && Math.floor(t / 60_000) < Math.floor(previous / 60_000))
    return {
      ok: false,
      error: `${new Date(t).toISOString()} comes before the previous row's ${new Date(previous).toISOString()}: rows must be in time order`,
    };
  return { ok: true, t, count };
}
