import { z } from "zod";

/**
 * What a token may do. `read` sees the console, the comment queue, webhooks and the audit log;
 * the others each add one kind of change.
 */
export const SCOPES = ["read", "moderate", "webhooks", "tokens"] as const;
export type Scope = (typeof SCOPES)[number];
export const scopeSchema = z.enum(SCOPES);

export const SCOPE_LABELS: Record<Scope, string> = {
  read: "see the console and the audit log",
  moderate: "hide comments and amend incidents",
  webhooks: "add and remove webhooks",
  tokens: "issue, rotate and revoke tokens",
};

/** Who does an admin action, as the audit log records it. */
export interface Actor {
  /** The token's owner, e.g. "Alice"; the bootstrap token is "operator (ADMIN_TOKEN)". */
  name: string;
  /** Null for the bootstrap ADMIN_TOKEN, which has no row. */
  tokenId: number | null;
  scopes: readonly Scope[];
  /** The client's network block (never its address). */
  source: string;
}

export const BOOTSTRAP_NAME = "operator (ADMIN_TOKEN)";

/** For jobs and scripts that act on their own behalf (tests, the CLI). */
export const systemActor = (name: string): Actor => ({ name, tokenId: null, scopes: SCOPES, source: "local" });
