import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { TestDb } from "@/db/testing";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createFront } from "./front";
import type { PageCache } from "./page-cache";
import { checkHealth } from "./health";

/**
 * The Node front (lean report endpoint, health, security headers) on a free port of 127.0.0.1 over
 * a test database, trusting X-Forwarded-For so each request can be a different client; anything
 * meant for Next.js gets a 404. For tests that must go over real HTTP.
 */
export async function listenFront(t: TestDb): Promise<{ base: string; close: () => Promise<void> }> {
  const server = createServer(
    createFront({
      db: () => t.handle.db,
      clientIpHeader: "x-forwarded-for",
      health: () => checkHealth(t.handle.db, "leader", 0),
      next: (_req, res) => void res.writeHead(404).end(),
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * The front with no database behind it (for what happens past the report endpoint: compression,
 * the page cache), before `next`, on a free port of 127.0.0.1.
 */
export async function listenFrontWithout(
  next: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>,
  cache?: PageCache,
): Promise<{ base: string; close: () => Promise<void> }> {
  const server = createServer(
    createFront({
      db: () => {
        throw new Error("no database in these tests");
      },
      health: async () => ({ ok: true, detector: "leader", queued: 0 }),
      next,
      pages: cache ? { cache, regionHeaders: [] } : undefined,
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
