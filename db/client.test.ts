import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { preparedRows, rows } from "./client";
import { testTargets, type TestDb } from "@/test/db";

describe.each(testTargets())("preparedRows on $name", (target) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await target.open();
  });
  afterAll(() => t.drop());

  // A statement sees itself in pg_prepared_statements only when it runs as a named prepared statement.
  const selfPrepared = (tag: string) =>
    sql`select count(*)::int as n, ${"x"}::text as echo from pg_prepared_statements where statement = current_query() and ${tag} <> ''`;

  it("gives the same rows as rows(), and on a server runs as a prepared statement", async () => {
    const prepared = await preparedRows<{ n: number; echo: string }>(t.handle.db, selfPrepared("a"));
    const unnamed = await rows<{ n: number; echo: string }>(t.handle.db, sql`${selfPrepared("b")} and true`);
    expect(unnamed).toEqual([{ n: 0, echo: "x" }]);
    expect(prepared).toEqual([{ n: target.name === "postgres" ? 1 : 0, echo: "x" }]);
  });
});
