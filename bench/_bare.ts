import { spawn } from "node:child_process";
import { runLoad, throughput } from "./load/run";
async function main() {
  const child = spawn(process.execPath, ["--import", "tsx", "bench/load/bare-server.ts"], { stdio: ["ignore", "pipe", "inherit"] });
  const port: number = await new Promise((r) => child.stdout!.once("data", (d) => r(Number(String(d).trim()))));
  for (let i = 0; i < 3; i++) {
    const r = await runLoad({ origin: `http://127.0.0.1:${port}`, connections: 256, durationMs: 4000, seed: 1, work: { kind: "reports", services: [{ slug: "x", symptoms: ["login"] }] } } as Parameters<typeof runLoad>[0]);
    console.log("bare 204/s", Math.round(throughput(r, 204)));
  }
  child.kill("SIGTERM");
}
main();
