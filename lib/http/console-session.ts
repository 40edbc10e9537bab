import "server-only";
import { cookies, headers } from "next/headers";
import type { Scope } from "@/lib/admin/actor";
import { authorize, type Authorization } from "@/lib/admin/authorize";
import { bootstrapToken } from "@/lib/admin/bootstrap-token";
import { getDb } from "@/lib/db";
import { requestSource } from "./admin-route";

/**
 * The moderator console keeps the token in a cookie only the console's paths receive, that scripts
 * cannot read and that no other site's page or form can make the browser send (SameSite=Strict);
 * Next.js also refuses server actions from another origin.
 */
const COOKIE = "or_console";
const SESSION_HOURS = 12;
const COOKIE_OPTIONS = { httpOnly: true, sameSite: "strict", path: "/admin" } as const;

/** Whether the console's visitor may do what `scope` allows, and as whom. */
export async function consoleAccess(scope: Scope): Promise<Authorization> {
  const token = (await cookies()).get(COOKIE)?.value ?? null;
  if (!token) return { ok: false, status: 401, message: "Sign in with your moderator token." };
  return authorize(getDb(), token, scope, requestSource(await headers()), bootstrapToken());
}

/** Checks a token typed into the sign-in form and, if it may read the console, keeps it for the session. */
export async function signInToConsole(token: string): Promise<Authorization> {
  const check = await authorize(getDb(), token, "read", requestSource(await headers()), bootstrapToken());
  if (check.ok) {
    const https = (await headers()).get("x-forwarded-proto") === "https";
    (await cookies()).set(COOKIE, token, { ...COOKIE_OPTIONS, secure: https, maxAge: SESSION_HOURS * 3600 });
  }
  return check;
}

export async function signOutOfConsole(): Promise<void> {
  // Overwritten with the same path and flags, so the browser drops the very cookie it holds.
  (await cookies()).set(COOKIE, "", { ...COOKIE_OPTIONS, maxAge: 0 });
}
