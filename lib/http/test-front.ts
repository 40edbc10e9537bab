import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { TestDb } from "@/db/testing";
import { createFront } from "./front";
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
