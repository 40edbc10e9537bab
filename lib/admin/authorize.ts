import "server-only";
import type { Db } from "@/db/client";
import { SlidingWindowLimit } from "@/lib/limits/sliding-window";
import { sharedPeers } from "@/lib/limits/peer-counts";
import { SCOPE_LABELS, type Actor, type Scope } from "./actor";
import { audit } from "./audit";
import { anyTokens, tokenHolder } from "./tokens";

export type Authorization =
  { ok: true; actor: Actor } | { ok: false; status: 401 | 403 | 429; message: string; retryAfterSeconds?: number };

/** Failed sign-ins a network block may make per window before it is refused outright. */
export const FAILED_SIGN_INS_ALLOWED = 10;
const FAILED_SIGN_IN_WINDOW_MS = 15 * 60_000;

// Per database, like the report limits: with a Postgres server every instance counts the others' failures.
let failuresByDb = new WeakMap<Db, SlidingWindowLimit>();

function failuresFor(db: Db): SlidingWindowLimit {
  let failures = failuresByDb.get(db);
  if (!failures) {
    const peers = sharedPeers(db, "admin-sign-in", FAILED_SIGN_IN_WINDOW_MS);
    failures = new SlidingWindowLimit(FAILED_SIGN_INS_ALLOWED, FAILED_SIGN_IN_WINDOW_MS, peers);
    failuresByDb.set(db, failures);
  }
  return failures;
}

/** For tests: forget failed sign-ins. */
export function resetSignInFailures() {
  failuresByDb = new WeakMap();
}

/**
 * Whether `presented` may do what `scope` allows, and who is acting. Every failure is written to the
 * audit log with the network it came from, and a network that keeps guessing is refused (429) before
 * its token is even looked at — so the log cannot be flooded either.
 */
export async function authorize(
  db: Db,
  presented: string | null,
  scope: Scope,
  source: string,
  bootstrap: string | undefined,
  now = new Date(),
): Promise<Authorization> {
  const failures = failuresFor(db);
  const blocked = failures.peek(source, now.getTime());
  if (!blocked.ok) {
    return {
      ok: false,
      status: 429,
      message: `too many failed sign-ins from your network; try again in ${blocked.retryAfterSeconds} s`,
      retryAfterSeconds: blocked.retryAfterSeconds,
    };
  }
  if (!presented) return { ok: false, status: 401, message: "send a token as an Authorization: Bearer header" };
  const holder = await tokenHolder(db, presented, bootstrap, now);
  if (!holder) {
    failures.hit(source, now.getTime());
    await audit(db, { name: "unknown", source }, "auth.failed", "token", { reason: "no such token" }, now);
    if (!bootstrap && !(await anyTokens(db))) {
      return {
        ok: false,
        status: 403,
        message: "administration is off: no ADMIN_TOKEN is configured and no token issued",
      };
    }
    return { ok: false, status: 401, message: "the token is not valid (wrong, revoked, or replaced)" };
  }
  const actor = { ...holder, source };
  if (!holder.scopes.includes(scope)) {
    await audit(db, actor, "auth.denied", "token", { needed: scope }, now);
    return {
      ok: false,
      status: 403,
      message: `${holder.name}'s token may not ${SCOPE_LABELS[scope]} (it needs the "${scope}" scope)`,
    };
  }
  return { ok: true, actor };
}

/** The token in an `Authorization: Bearer …` header, or null. */
export function bearerToken(authorization: string | null | undefined): string | null {
  return /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "")?.[1] ?? null;
}
