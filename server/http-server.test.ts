import { connect, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createHttpServer } from "./http-server";
import type { Server } from "node:http";

let server: Server | undefined;
const sockets: Socket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

async function start(limits: Parameters<typeof createHttpServer>[1]) {
  server = createHttpServer((req, res) => {
    req.resume();
    req.on("end", () => res.end("ok"));
  }, limits);
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

/** A raw connection, and everything the server sends on it until it closes. */
function open(port: number) {
  const socket = connect(port, "127.0.0.1");
  sockets.push(socket);
  let received = "";
  socket.on("data", (d) => (received += d.toString()));
  socket.on("error", () => {});
  const closed = new Promise<string>((resolve) => socket.on("close", () => resolve(received)));
  return { socket, closed, ready: new Promise<void>((resolve) => socket.on("connect", () => resolve())) };
}

describe("the HTTP server's connection limits", () => {
  it("answers 408 and disconnects a client that trickles its body past the request timeout", async () => {
    const port = await start({ headersTimeoutMs: 1_000, requestTimeoutMs: 1_500, maxConnections: 10 });
    const slow = open(port);
    await slow.ready;
    slow.socket.write("POST /api/v1/reports HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{");
    const drip = setInterval(() => slow.socket.writable && slow.socket.write(" "), 200);
    try {
      expect(await slow.closed).toMatch(/^HTTP\/1\.1 408/);
    } finally {
      clearInterval(drip);
    }
  });

  it("answers 408 to a client that never finishes its headers", async () => {
    const port = await start({ headersTimeoutMs: 1_000, requestTimeoutMs: 5_000, maxConnections: 10 });
    const slow = open(port);
    await slow.ready;
    slow.socket.write("GET / HTTP/1.1\r\nHost: x\r\n");
    expect(await slow.closed).toMatch(/^HTTP\/1\.1 408/);
  });

  it("turns away connections past the cap and serves again once one closes", async () => {
    const port = await start({ headersTimeoutMs: 5_000, requestTimeoutMs: 5_000, maxConnections: 2 });
    const held = [open(port), open(port)];
    await Promise.all(held.map((h) => h.ready));
    // Accepting happens after connect on the client side; let the server count both.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const extra = open(port);
    expect(await extra.closed).toBe("");
    held[0]!.socket.destroy();
    await held[0]!.closed;
    await new Promise((resolve) => setTimeout(resolve, 100));
    const response = await fetch(`http://127.0.0.1:${port}/`, { method: "POST", body: "x" });
    expect(await response.text()).toBe("ok");
  });
});
