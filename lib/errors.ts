/**
 * What a domain operation that can be refused returns: its value, or why not, as a kind of failure
 * and a sentence for people. Domain code knows no HTTP statuses; lib/http/responses.ts maps the kinds
 * to them in one place.
 */
export type FailureKind = "not_found" | "conflict" | "invalid_input" | "forbidden";

export type Outcome<T = undefined> = { ok: true; value: T } | { ok: false; kind: FailureKind; message: string };

export const done = <T>(value: T): Outcome<T> => ({ ok: true, value });
export const notFound = (what: string) =>
  ({ ok: false, kind: "not_found", message: `${what} does not exist` }) as const;
export const conflict = (message: string) => ({ ok: false, kind: "conflict", message }) as const;
