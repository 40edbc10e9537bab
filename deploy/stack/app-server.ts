import { spawn, type ChildProcess } from "node:child_process";

/** The production server (server/main.ts, which builds first if needed) as a child process, for benchmarks and tests. */
export interface AppServer {
  origin: string;
  process: ChildProcess;
  /** SIGTERM, then wait for a clean exit; returns the exit code. */
  stop(): Promise<number | null>;
}

export async function startAppServer(opts: {
  port: number;
  env: Record<string, string>;
  log?: (line: string) => void;
  timeoutMs?: number;
  /** Extra node flags, e.g. `--cpu-prof` to profile the server (not allowed in NODE_OPTIONS). */
  nodeArgs?: string[];
}): Promise<AppServer> {
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), "--import", "tsx", "server/main.ts"], {
    env: {
      ...process.env,
      TSX_TSCONFIG_PATH: "tsconfig.server.json",
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(opts.port),
      // A fixed key for throwaway databases; a deployment sets its own (README).
      WEBHOOK_SECRET_KEY: "0".repeat(64),
      REPORTER_SECRET: "0".repeat(64),
      ...opts.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  // A benchmark that fails half-way must not leave its server running (holding the port, spinning on
  // a closed stdout): the server goes with it.
  const orphanGuard = () => child.kill("SIGKILL");
  process.once("exit", orphanGuard);
  void exited.then(() => process.off("exit", orphanGuard));
  const recent: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    stream.setEncoding("utf8");
    stream.on("data", (chunk: string) => {
      for (const line of chunk.split("\n")) {
        if (!line.trim()) continue;
        recent.push(line);
        if (recent.length > 20) recent.shift();
        opts.log?.(line);
      }
    });
  }
  const origin = `http://127.0.0.1:${opts.port}`;
  const deadline = Date.now() + (opts.timeoutMs ?? 300_000);
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`server exited with ${child.exitCode} before it was ready:\n${recent.join("\n")}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error("server did not become ready in time");
    }
    try {
      if ((await fetch(`${origin}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    origin,
    process: child,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      return exited;
    },
  };
}
