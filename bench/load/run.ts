import { fork } from "node:child_process";
import path from "node:path";
import type { LoadConfig, LoadResult } from "./protocol";

/** Runs one load phase in a separate process and resolves with its figures. */
export function runLoad(cfg: LoadConfig): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(__dirname, "load-process.ts"), [], {
      execArgv: ["--import", "tsx"],
      env: { ...process.env, TSX_TSCONFIG_PATH: "tsconfig.server.json" },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    let result: LoadResult | undefined;
    child.once("message", (m) => (result = m as LoadResult));
    child.once("error", reject);
    child.once("exit", (code) =>
      result ? resolve(result) : reject(new Error(`load process exited with ${code} and no result`)),
    );
    child.send(cfg);
  });
}

export function throughput(r: LoadResult, status?: number): number {
  const n = status === undefined ? Object.values(r.statuses).reduce((a, b) => a + b, 0) : (r.statuses[status] ?? 0);
  return n / (r.elapsedMs / 1000);
}
