// A real cluster for ingest-turn.test.ts: the primary hands out the turn (or, in "silent", never
// does), workers take it, and the primary prints what happened as one JSON line.
import cluster from "node:cluster";
import { grantIngestTurns, ingestTurns } from "./ingest-turn";

type Report = { kind: "span"; worker: number; start: number; end: number; waited: number } | { kind: "holding" };
const scenario = process.env.TURN_SCENARIO ?? "share";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function worker() {
  const take = ingestTurns()!;
  const turns = scenario === "share" ? 10 : 1;
  for (let i = 0; i < turns; i++) {
    const asked = Date.now();
    const giveBack = await take();
    const start = Date.now();
    if (process.env.TURN_HOLD) {
      process.send!({ kind: "holding" } satisfies Report);
      await sleep(60_000); // killed by the primary while holding the turn
    }
    await sleep(5);
    process.send!({
      kind: "span",
      worker: cluster.worker!.id,
      start,
      end: Date.now(),
      waited: start - asked,
    } satisfies Report);
    giveBack();
  }
  // Let the last message reach the primary before exiting.
  process.disconnect();
}

function primary() {
  if (scenario !== "silent") grantIngestTurns();
  const spans: Array<Extract<Report, { kind: "span" }>> = [];
  const done = () => {
    console.log(JSON.stringify({ spans }));
    process.exit(0);
  };
  cluster.on("message", (w, message: Report) => {
    if (message.kind === "span") spans.push(message);
    // The holder dies with the turn; the next worker must not wait for the fallback.
    if (message.kind === "holding") {
      w.process.kill("SIGKILL");
      cluster.fork();
    }
  });
  if (scenario === "holder-dies") cluster.fork({ TURN_HOLD: "1" });
  else for (let i = 0; i < (scenario === "share" ? 2 : 1); i++) cluster.fork();
  const expected = scenario === "share" ? 20 : 1;
  const check = setInterval(() => {
    if (spans.length >= expected) {
      clearInterval(check);
      done();
    }
  }, 20);
}

if (cluster.isPrimary) primary();
else void worker();
