/** What a console form shows after it was sent: what happened, and a secret to copy if one was issued. */
export type ConsoleState = { ok: boolean; message: string; secret?: string } | null;
