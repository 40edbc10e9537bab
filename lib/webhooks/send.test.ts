import { createServer as createTcpServer, type Server as TcpServer, type Socket } from "node:net";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { postDelivery, targetProblem } from "./send";

const STRICT = { allowInsecure: false };
const LOCAL = { allowInsecure: true };
const open: Array<Server | TcpServer> = [];
const sockets: Socket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  for (const s of open.splice(0)) await new Promise((resolve) => s.close(resolve));
});
const portOf = (s: Server | TcpServer) => (s.address() as AddressInfo).port;
async function listen<T extends Server | TcpServer>(server: T): Promise<T> {
  open.push(server);
  server.on("connection", (socket: Socket) => sockets.push(socket));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return server;
}
const send = (url: string, policy = STRICT, timeoutMs = 2_000) =>
  postDelivery(url, '{"event":"ping"}', { "content-type": "application/json" }, policy, timeoutMs);

describe("where a webhook may point", () => {
  it("takes https URLs on public hosts", () => {
    expect(targetProblem("https://hooks.example.com/outage", STRICT)).toBeNull();
    expect(targetProblem("https://93.184.215.14:8443/x", STRICT)).toBeNull();
  });

  it.each([
    ["http://hooks.example.com/", "must be an https:// URL"],
    ["ftp://hooks.example.com/", "must be an https:// URL"],
    ["https://user:pw@hooks.example.com/", "must not carry a user name or password"],
    ["https://127.0.0.1/", "private"],
    ["https://[::1]/", "private"],
    ["https://169.254.169.254/latest/meta-data", "private"],
    ["https://10.1.2.3/", "private"],
    ["https://172.16.0.1/", "private"],
    ["https://192.168.1.1/", "private"],
    ["https://100.64.0.1/", "private"], // carrier-grade NAT
    ["https://[fd00::1]/", "private"], // unique local
    ["https://[fe80::1]/", "private"], // link-local
    ["https://224.0.0.1/", "private"], // multicast
    ["https://0.0.0.0/", "private"],
    ["https://[::ffff:127.0.0.1]/", "private"], // IPv4-mapped loopback
  ])("refuses %s", (url, problem) => {
    expect(targetProblem(url, STRICT)).toContain(problem);
  });

  it("lets a development deployment use http and its own machine", () => {
    expect(targetProblem("http://127.0.0.1:9000/hook", LOCAL)).toBeNull();
  });
});

describe("sending a delivery", () => {
  it("checks the address a name resolves to when it sends, and never connects to a refused one", async () => {
    let connections = 0;
    const inside = await listen(createTcpServer((socket) => (connections++, socket.destroy())));
    // A name, not an address: it passes registration; only the lookup at send time shows where it goes.
    const result = await send(`https://localhost:${portOf(inside)}/hook`);
    expect(result).toEqual({
      status: null,
      error: "the address is not allowed: it is private, loopback, link-local or reserved",
    });
    expect(connections).toBe(0);
  });

  it("does not follow a redirect", async () => {
    let reachedTarget = false;
    const target = await listen(createServer((_req, res) => ((reachedTarget = true), res.end())));
    const redirector = await listen(
      createServer((req, res) => {
        req.resume();
        res.writeHead(302, { location: `http://127.0.0.1:${portOf(target)}/` }).end();
      }),
    );
    const result = await send(`http://127.0.0.1:${portOf(redirector)}/hook`, LOCAL);
    expect(result).toEqual({ status: 302, error: "the receiver answered 302; redirects are not followed" });
    expect(reachedTarget).toBe(false);
  });

  it("says what went wrong without naming addresses", async () => {
    const closed = await listen(createTcpServer());
    const port = portOf(closed);
    await new Promise((resolve) => closed.close(resolve));
    open.splice(open.indexOf(closed), 1);
    expect(await send(`http://127.0.0.1:${port}/`, LOCAL)).toEqual({ status: null, error: "connection refused" });

    const silent = await listen(createTcpServer(() => {}));
    expect(await send(`http://127.0.0.1:${portOf(silent)}/`, LOCAL, 300)).toEqual({
      status: null,
      error: "timed out after 0.3 s",
    });
    expect(await send("http://hooks.example.com/", STRICT)).toEqual({
      status: null,
      error: "the webhook URL must be an https:// URL",
    });
  });

  it("delivers to a receiver that answers 2xx", async () => {
    let body = "";
    const receiver = await listen(
      createServer((req, res) => {
        req.on("data", (c: Buffer) => (body += c.toString()));
        req.on("end", () => res.writeHead(204).end());
      }),
    );
    expect(await send(`http://127.0.0.1:${portOf(receiver)}/hook`, LOCAL)).toEqual({ status: 204, error: null });
    expect(body).toBe('{"event":"ping"}');
  });
});
