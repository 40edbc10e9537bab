/**
 * Longest any statement may run, and longest it may wait for a lock, on a Postgres server (ms). A
 * lock held by a migration, a maintenance job or a forgotten psql session then costs a report one
 * quick 503 instead of freezing intake while every request waits. (PGlite runs one statement at a
 * time in this process and has no timers for them.) 0 means no limit.
 */
export const DEFAULT_STATEMENT_TIMEOUT_MS = 30_000;
export const DEFAULT_LOCK_TIMEOUT_MS = 5_000;
