import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

type Span = { worker: number; start: number; end: number; waited: number };

/** Runs a real cluster (primary and workers as processes) through a scenario of ingest-turn.fixture.ts. */
async function run(scenario: string): Promise<Span[]> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ["--import", "tsx", path.join(import.meta.dirname, "ingest-turn.fixture.ts")],
    { env: { ...process.env, TURN_SCENARIO: scenario }, timeout: 20_000 },
  );
  return (JSON.parse(stdout.trim().split("\n").at(-1)!) as { spans: Span[] }).spans;
}

describe("the ingest turn across cluster workers", () => {
  it("lets one worker write at a time, and both get their turns", async () => {
    const spans = (await run("share")).sort((a, b) => a.start - b.start);
    expect(spans).toHaveLength(20);
    expect(new Set(spans.map((s) => s.worker)).size).toBe(2);
    for (let i = 1; i < spans.length; i++) expect(spans[i]!.start).toBeGreaterThanOrEqual(spans[i - 1]!.end);
  });

  it("takes the turn back from a worker that died holding it", async () => {
    const [span] = await run("holder-dies");
    // Well under the one-second wait after which a worker writes without its turn.
    expect(span!.waited).toBeLessThan(500);
  });

  it("writes anyway when the primary does not answer", async () => {
    const [span] = await run("silent");
    expect(span!.waited).toBeGreaterThanOrEqual(900);
    expect(span!.waited).toBeLessThan(3_000);
  });
});
