import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";

export type AdminCheck = { ok: true } | { ok: false; status: 401 | 403; message: string };

const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();

/**
 * Checks an `Authorization: Bearer …` header against the configured admin token. Both sides are
 * hashed first so the comparison takes the same time whatever the length or the first wrong byte.
 * No token configured means administration is switched off, not open.
 */
export function checkAdminToken(authorization: string | null | undefined, token: string | undefined): AdminCheck {
  if (!token) return { ok: false, status: 403, message: "administration is disabled: no ADMIN_TOKEN is configured" };
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  if (!match) {
    return { ok: false, status: 401, message: "send the admin token as an Authorization: Bearer header" };
  }
  if (!timingSafeEqual(digest(match[1]!), digest(token))) {
    return { ok: false, status: 401, message: "the admin token is not valid" };
  }
  return { ok: true };
}
