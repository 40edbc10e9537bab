// A child of bench/live.ts: holds many open event streams (as many browser tabs would) and notes
// when each "status" event arrives. Its own process, so its event loop does not share the server's.
import { request, type ClientRequest } from "node:http";
import { createParser } from "eventsource-parser";

export type ToClients =
  | { kind: "connect"; origin: string; path: string; count: number; sources: string[] }
  | { kind: "collect" }
  | { kind: "close" };
export type FromClients =
  | { kind: "connected"; open: number; failed: number; firstError: string | null }
  /** Arrival times (epoch ms) of the events heard since the last collect, by the tick minute they carry. */
  | { kind: "collected"; arrivals: Record<string, number[]>; open: number };

const CONNECT_TIMEOUT_MS = 10_000;
const open = new Set<ClientRequest>();
let arrivals = new Map<number, number[]>();
let next = 0;

function connectOne(origin: URL, path: string, source: string): Promise<string | null> {
  return new Promise((resolve) => {
    const req = request(
      {
        host: origin.hostname,
        port: origin.port,
        path,
        localAddress: source,
        agent: false,
        headers: { accept: "text/event-stream" },
      },
      (res) => {
        req.setTimeout(0); // open: a stream is quiet between events
        if (res.statusCode !== 200) {
          res.resume();
          return resolve(`HTTP ${res.statusCode}`);
        }
        open.add(req);
        const parser = createParser({
          onEvent(event) {
            if (event.event !== "status") return;
            const at = Date.now();
            const t = (JSON.parse(event.data) as { t: number }).t;
            let list = arrivals.get(t);
            if (!list) arrivals.set(t, (list = []));
            list.push(at);
          },
        });
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => parser.feed(chunk));
        res.on("close", () => open.delete(req));
        resolve(null);
      },
    );
    // A server out of file descriptors leaves new connections in the kernel's queue, unanswered.
    req.setTimeout(CONNECT_TIMEOUT_MS, () => req.destroy(new Error(`no answer within ${CONNECT_TIMEOUT_MS / 1000} s`)));
    req.on("error", (e) => {
      open.delete(req);
      resolve(e.message);
    });
    req.end();
  });
}

process.on("message", async (m: ToClients) => {
  if (m.kind === "connect") {
    const origin = new URL(m.origin);
    let failed = 0;
    let firstError: string | null = null;
    // In waves, as a crowd arrives, not all in one instant.
    for (let i = 0; i < m.count; i += 500) {
      const wave = Array.from({ length: Math.min(500, m.count - i) }, () =>
        connectOne(origin, m.path, m.sources[next++ % m.sources.length]!),
      );
      for (const error of await Promise.all(wave))
        if (error) {
          failed++;
          firstError ??= error;
        }
    }
    process.send!({ kind: "connected", open: open.size, failed, firstError } satisfies FromClients);
  } else if (m.kind === "collect") {
    const out = Object.fromEntries([...arrivals].map(([t, list]) => [String(t), list]));
    arrivals = new Map();
    process.send!({ kind: "collected", arrivals: out, open: open.size } satisfies FromClients);
  } else {
    for (const req of open) req.destroy();
    open.clear();
    process.exit(0);
  }
});
