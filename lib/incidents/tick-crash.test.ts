import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testTargets, type TestDb } from "@/test/db";
import { crashTickHalfway } from "@/test/crash-scenario";

describe.each(testTargets())("a detector tick that crashes half-way on $name", (target) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await target.open();
  });
  afterAll(() => t.drop());

  it("leaves incidents, status and detector state as they were, and the next tick does the whole job", async () => {
    const outcome = await crashTickHalfway(t.handle.db);
    expect(outcome.checks).toEqual(Object.fromEntries(Object.keys(outcome.checks).map((k) => [k, true])));
    expect(outcome.consistent).toBe(true);
  }, 120_000);
});
