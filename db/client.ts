import "server-only";
import path from "node:path";
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { PgDialect, type PgDatabase, type PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { SQL } from "drizzle-orm";
import postgres from "postgres";
import * as schema from "./schema";
import { DEFAULT_LOCK_TIMEOUT_MS, DEFAULT_STATEMENT_TIMEOUT_MS } from "./timeouts";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export interface DbHandle {
  db: Db;
  driver: "pglite" | "postgres";
  /** A connection of its own, for session state such as advisory locks. */
  session(): Promise<DbSession>;
  /**
   * Calls `onPayload` with every NOTIFY on `channel` once its transaction commits, and `onListen`
   * each time the listening starts (postgres.js keeps a connection of its own for it and listens
   * again after a reconnect: notifications sent in between are lost); resolves to the unlisten.
   */
  listen(channel: string, onPayload: (payload: string) => void, onListen?: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export interface DbSession {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Returns the connection; session locks it held are released with it. */
  release(): Promise<void>;
}

/** How long a request waits for a connection to a Postgres server before it is refused. */
export const CONNECT_TIMEOUT_SECONDS = 2;

/** `url` → a Postgres server; otherwise PGlite in `dataDir` (or in memory when dataDir is "memory://"). */
export function createDb(opts: {
  url?: string;
  dataDir?: string;
  statementTimeoutMs?: number;
  lockTimeoutMs?: number;
}): DbHandle {
  if (opts.url) {
    // Sent with each connection's startup, so every connection of the pool has them from its first query.
    const settings = {
      TimeZone: "UTC",
      statement_timeout: opts.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS,
      lock_timeout: opts.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS,
    };
    // A database that does not answer fails a request in two seconds rather than the default thirty,
    // and one that went away is asked again within a quarter second: postgres.js's default backoff
    // grows to 20 s, holding every query in a queue (an unanswered request) while it waits.
    const client = postgres(opts.url, {
      max: 10,
      connect_timeout: CONNECT_TIMEOUT_SECONDS,
      backoff: (attempt) => Math.min(0.05 * attempt, 0.25),
      onnotice: () => {},
      connection: settings,
    });
    return {
      db: drizzlePostgres(client, { schema }) as unknown as Db,
      driver: "postgres",
      async session() {
        // Its own client rather than one reserved from the pool: when it closes, its session
        // locks go with it, and the pool is never a connection short.
        const own = postgres(opts.url!, { max: 1, onnotice: () => {}, idle_timeout: 0, connection: settings });
        return {
          query: async <T>(text: string, params: unknown[] = []) =>
            (await own.unsafe(text, params as never[])) as unknown as T[],
          release: () => own.end({ timeout: 1 }),
        };
      },
      async listen(channel, onPayload, onListen) {
        const { unlisten } = await client.listen(channel, onPayload, onListen);
        return unlisten;
      },
      close: () => client.end(),
    };
  }
  const dir = opts.dataDir ?? "memory://";
  // The data directory is chosen at run time; the ignore comments keep Next's file tracing from
  // pulling the whole project into the build output because of it.
  if (!dir.startsWith("memory://")) mkdirSync(path.resolve(/* turbopackIgnore: true */ dir), { recursive: true });
  const client = new PGlite(dir.startsWith("memory://") ? undefined : path.resolve(/* turbopackIgnore: true */ dir));
  return {
    db: drizzlePglite(client, { schema }) as unknown as Db,
    driver: "pglite",
    // PGlite is one connection in one process: its session is the only one there is.
    async session() {
      return {
        query: async <T>(text: string, params: unknown[] = []) => (await client.query<T>(text, params)).rows,
        release: async () => {},
      };
    },
    async listen(channel, onPayload, onListen) {
      const unlisten = await client.listen(channel, onPayload);
      onListen?.();
      return unlisten;
    },
    close: () => client.close(),
  };
}

/** Raw SQL returning rows, the same shape on both drivers. */
export async function rows<T>(db: Db | Tx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

const dialect = new PgDialect();

/**
 * `rows` for a statement run many times a second: on a server it becomes a named prepared statement,
 * parsed and planned once per connection. drizzle's `execute` sends every statement unnamed, which
 * costs a planning of the whole statement and an extra round trip (Parse and Describe, then Bind)
 * on each call. PGlite is in-process, with nothing of the kind to save.
 */
export async function preparedRows<T>(db: Db, query: SQL): Promise<T[]> {
  const client = (db as { $client?: unknown }).$client;
  if (typeof (client as { unsafe?: unknown } | undefined)?.unsafe !== "function") return rows<T>(db, query);
  const { sql: text, params } = dialect.sqlToQuery(query);
  return (await (client as postgres.Sql).unsafe(text, params as postgres.ParameterOrJSON<never>[], {
    prepare: true,
  })) as unknown as T[];
}

/** SQLSTATE of a database error, whether the driver's own or wrapped by drizzle. */
export function pgErrorCode(error: unknown): string | undefined {
  const e = error as { code?: unknown; cause?: { code?: unknown } } | undefined;
  const code = typeof e?.code === "string" ? e.code : e?.cause?.code;
  return typeof code === "string" ? code : undefined;
}
