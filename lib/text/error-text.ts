import ipaddr from "ipaddr.js";

// Candidates only: each is checked by ipaddr.js before it is masked, so "12:30:45" is left alone.
const CANDIDATE = /[0-9A-Fa-f]*:[0-9A-Fa-f:.]*[0-9A-Fa-f]|\b\d{1,3}(?:\.\d{1,3}){3}\b/g;

/**
 * An error as a line for the log, with every IP address in it masked. Drivers put the address
 * they failed to reach in their messages ("write CONNECTION_CLOSED 10.0.0.5:5432"); a log must
 * never hold an address, and nobody reading it can tell a server's from a reporter's.
 */
export function errorText(error: unknown, { stack = false } = {}): string {
  // drizzle wraps a driver's error in one that repeats the whole statement and its parameters.
  let e = error;
  while (e instanceof Error && e.cause instanceof Error && e.message.startsWith("Failed query")) e = e.cause;
  const text = e instanceof Error ? ((stack ? e.stack : undefined) ?? e.message) : String(e);
  return text.replace(CANDIDATE, (token) => (ipaddr.isValid(token) ? "[address]" : token));
}

/** The same kind of failure is logged at most this often; the lines in between are counted. */
export const LOG_REPEAT_MS = 10_000;
const lastLine = new Map<string, { at: number; held: number }>();

/**
 * A failure of the server's own work, logged with the error as `errorText` gives it. When the
 * database is down or its disk is full every request fails alike: one line per kind every ten
 * seconds says so, with how many were held back, rather than thousands that would fill the log's
 * disk too.
 */
export function logError(
  what: string,
  error: unknown,
  options: { stack?: boolean } = {},
  write: (line: string) => void = console.error,
  now = Date.now(),
): void {
  const last = lastLine.get(what);
  if (last && now - last.at < LOG_REPEAT_MS) {
    last.held++;
    return;
  }
  const held = last?.held ? ` (${last.held} more like it held back)` : "";
  lastLine.set(what, { at: now, held: 0 });
  write(`[outage-radar] ${what}${held}: ${errorText(error, options)}`);
}
