import "server-only";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { and, asc, eq, gt, isNull, lt, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { adminTokens } from "@/db/schema";
import { instant } from "@/lib/catalog/schemas";
import { done, notFound, type Outcome } from "@/lib/errors";
import { BOOTSTRAP_NAME, SCOPES, scopeSchema, type Actor, type Scope } from "./actor";
import { audit } from "./audit";

const PREFIX = "ort_";
/** How long the old secret keeps working after a rotation, unless the request says otherwise. */
export const DEFAULT_GRACE_HOURS = 24;
/** last_used_at is written at most this often per token, so reading the console is not a write per request. */
const TOUCH_EVERY_MS = 60_000;

const sha256 = (s: string) => createHash("sha256").update(s, "utf8").digest("hex");
const newSecret = () => `${PREFIX}${randomBytes(32).toString("base64url")}`;

export const tokenInputSchema = z
  .object({
    name: z.string().trim().min(1, "say whose token it is").max(80, "at most 80 characters"),
    scopes: z.array(scopeSchema).min(1, "give at least one scope").max(SCOPES.length),
  })
  .meta({ id: "TokenInput" });
export type TokenInput = z.infer<typeof tokenInputSchema>;

export const rotateInputSchema = z
  .object({
    graceHours: z
      .int()
      .min(0)
      .max(24 * 30)
      .default(DEFAULT_GRACE_HOURS),
  })
  .meta({ id: "TokenRotation" });

export const tokenViewSchema = z
  .object({
    id: z.int(),
    name: z.string(),
    scopes: z.array(scopeSchema),
    created_at: instant,
    last_used_at: instant.nullable(),
    /** While a rotation's old secret still works. */
    previous_valid_until: instant.nullable(),
    revoked_at: instant.nullable(),
  })
  .meta({ id: "Token" });
export type TokenView = z.infer<typeof tokenViewSchema>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const view = (t: typeof adminTokens.$inferSelect, now: Date): TokenView => ({
  id: t.id,
  name: t.name,
  scopes: t.scopes as Scope[],
  created_at: t.createdAt.toISOString(),
  last_used_at: iso(t.lastUsedAt),
  previous_valid_until: t.previousValidUntil && t.previousValidUntil > now ? t.previousValidUntil.toISOString() : null,
  revoked_at: iso(t.revokedAt),
});

/** Issues a named token; its secret is returned this once and only its hash is kept. */
export async function issueToken(
  db: Db,
  actor: Actor,
  input: TokenInput,
  now = new Date(),
): Promise<Outcome<TokenView & { token: string }>> {
  const token = newSecret();
  const scopes = SCOPES.filter((s) => input.scopes.includes(s));
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(adminTokens)
      .values({ name: input.name, scopes, hash: sha256(token), createdAt: now })
      .returning();
    await audit(tx, actor, "token.issue", `token:${row!.id}`, { name: input.name, scopes }, now);
    return done({ ...view(row!, now), token });
  });
}

/**
 * Gives a token a new secret. The old one keeps working for `graceHours` (two valid at once), so
 * whatever uses it can be switched over without a gap.
 */
export async function rotateToken(
  db: Db,
  actor: Actor,
  id: number,
  graceHours = DEFAULT_GRACE_HOURS,
  now = new Date(),
): Promise<Outcome<TokenView & { token: string }>> {
  const token = newSecret();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(adminTokens)
      .set({
        previousHash: sql`${adminTokens.hash}`,
        previousValidUntil: new Date(now.getTime() + graceHours * 3_600_000),
        hash: sha256(token),
      })
      .where(and(eq(adminTokens.id, id), isNull(adminTokens.revokedAt)))
      .returning();
    if (!row) return notFound(`token ${id}`);
    await audit(tx, actor, "token.rotate", `token:${id}`, { name: row.name, grace_hours: graceHours }, now);
    return done({ ...view(row, now), token });
  });
}

/** Stops a token (both its secrets) at once. */
export async function revokeToken(db: Db, actor: Actor, id: number, now = new Date()): Promise<Outcome> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(adminTokens)
      .set({ revokedAt: now })
      .where(and(eq(adminTokens.id, id), isNull(adminTokens.revokedAt)))
      .returning({ name: adminTokens.name });
    if (!row) return notFound(`token ${id}`);
    await audit(tx, actor, "token.revoke", `token:${id}`, { name: row.name }, now);
    return done(undefined);
  });
}

/** Every token that still works, oldest first. */
export async function listTokens(db: Db, now = new Date()): Promise<TokenView[]> {
  const list = await db.select().from(adminTokens).where(isNull(adminTokens.revokedAt)).orderBy(asc(adminTokens.id));
  return list.map((t) => view(t, now));
}

export async function anyTokens(db: Db): Promise<boolean> {
  const [row] = await db.select({ id: adminTokens.id }).from(adminTokens).where(isNull(adminTokens.revokedAt)).limit(1);
  return row !== undefined;
}

export type TokenHolder = Omit<Actor, "source">;

/**
 * Who holds `presented`, or null. The bootstrap ADMIN_TOKEN (if configured) has every scope; it is
 * compared as hashes so the time taken says nothing about how much of it matched. A named token is
 * found by the hash of its current secret, or of its previous one while a rotation's grace lasts.
 */
export async function tokenHolder(
  db: Db,
  presented: string,
  bootstrap: string | undefined,
  now = new Date(),
): Promise<TokenHolder | null> {
  const hash = sha256(presented);
  if (bootstrap && timingSafeEqual(Buffer.from(hash), Buffer.from(sha256(bootstrap)))) {
    return { name: BOOTSTRAP_NAME, tokenId: null, scopes: SCOPES };
  }
  if (!presented.startsWith(PREFIX)) return null;
  const [row] = await db
    .select()
    .from(adminTokens)
    .where(
      and(
        isNull(adminTokens.revokedAt),
        or(
          eq(adminTokens.hash, hash),
          and(eq(adminTokens.previousHash, hash), gt(adminTokens.previousValidUntil, now)),
        ),
      ),
    )
    .limit(1);
  if (!row) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    await db
      .update(adminTokens)
      .set({ lastUsedAt: now })
      .where(and(eq(adminTokens.id, row.id), or(isNull(adminTokens.lastUsedAt), lt(adminTokens.lastUsedAt, now))));
  }
  return { name: row.name, tokenId: row.id, scopes: row.scopes as Scope[] };
}
