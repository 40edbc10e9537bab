import { request, type IncomingMessage, type RequestListener, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { TestDb } from "./db";
import { createFront } from "@/server/front/front";
import { createHttpServer } from "@/server/http-server";
import type { PageCache } from "@/server/front/page-cache";
import { checkHealth } from "@/server/front/health";
import { proxyTrust } from "@/server/front/client-address";
import type { LiveHub } from "@/server/front/live-events";
import type { StaticAssets } from "@/server/front/static-assets";

/**
 * The Node front (lean report endpoint, health, security headers) on a free port of 127.0.0.1 over
 * a test database, trusting X-Forwarded-For from loopback (this test's own requests) so each request can be a different client; anything
 * meant for Next.js gets a 404. For tests that must go over real HTTP.
 */
export function listenFront(t: TestDb, proxies = proxyTrust(["loopback"]), live?: LiveHub): Promise<Listening> {
  return listen(
    createFront({
      db: () => t.handle.db,
      proxies,
      live,
      health: () => checkHealth(t.handle.db, "leader", 0, undefined),
      next: (_req, res) => void res.writeHead(404).end(),
    }),
  );
}

/**
 * The front with no database behind it (for what happens past the report endpoint: compression,
 * the page cache), before `next`, on a free port of 127.0.0.1.
 */
export function listenFrontWithout(
  next: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>,
  cache?: PageCache,
  staticAssets?: StaticAssets,
): Promise<Listening> {
  return listen(
    createFront({
      db: () => {
        throw new Error("no database in these tests");
      },
      health: async () => ({ ok: true, detector: "leader", queued: 0 }),
      next,
      pages: cache ? { cache, regionHeaders: [] } : undefined,
      staticAssets,
    }),
  );
}

interface Listening {
  base: string;
  close: () => Promise<void>;
}

async function listen(handler: RequestListener): Promise<Listening> {
  const server = createHttpServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * A JSON POST from a chosen local address (127.0.0.2 and up are loopback too): a client other than
 * "our proxy" at 127.0.0.1. Answers the status.
 */
export function postFrom(
  localAddress: string,
  url: string,
  opts: { headers: Record<string, string>; body: string },
): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: "POST", localAddress, headers: { "content-type": "application/json", ...opts.headers } },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", reject);
    req.end(opts.body);
  });
}
