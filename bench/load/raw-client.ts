// A minimal HTTP/1.1 client for load generation: one request in flight per keep-alive connection,
// requests written as bytes and responses framed by Content-Length. It costs a fraction of a
// general-purpose client's CPU, which matters when the load generator shares two cores with the
// server and Postgres it measures.
import { connect, type Socket } from "node:net";

export interface RawRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface RawResponse {
  status: number;
  latencyMs: number;
}

const HEADER_END = Buffer.from("\r\n\r\n");

export function serialize(host: string, r: RawRequest): Buffer {
  const body = r.body ?? "";
  let head = `${r.method} ${r.path} HTTP/1.1\r\nhost: ${host}\r\nconnection: keep-alive\r\n`;
  for (const [k, v] of Object.entries(r.headers)) head += `${k}: ${v}\r\n`;
  head += `content-length: ${Buffer.byteLength(body)}\r\n\r\n`;
  return Buffer.from(head + body);
}

/**
 * Keeps one connection busy until `shouldContinue()` turns false, then resolves once the request
 * in flight has been answered. Reconnects after a dropped connection (counted as an error).
 */
export function runConnection(opts: {
  host: string;
  port: number;
  /** The next request, already serialized (see `serialize`), or null to stop. */
  next: () => Buffer | null | Promise<Buffer | null>;
  onResponse: (r: RawResponse) => void;
  onError: () => void;
}): Promise<void> {
  return new Promise((resolve) => {
    let socket: Socket;
    let buffer: Buffer = Buffer.alloc(0);
    let sentAt = 0;
    let awaiting = false;
    let finished = false;

    const finish = () => {
      if (finished) return;
      finished = true;
      socket.destroy();
      resolve();
    };
    const write = (request: Buffer | null) => {
      if (!request) return finish();
      awaiting = true;
      sentAt = performance.now();
      socket.write(request);
    };
    const send = () => {
      const request = opts.next();
      if (request instanceof Promise) void request.then(write);
      else write(request);
    };
    const open = () => {
      buffer = Buffer.alloc(0);
      socket = connect({ host: opts.host, port: opts.port, noDelay: true }, send);
      socket.on("data", (chunk: Buffer) => {
        buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
        for (;;) {
          const end = buffer.indexOf(HEADER_END);
          if (end === -1) return;
          const head = buffer.subarray(0, end).toString("latin1");
          const match = /\r\ncontent-length:\s*(\d+)/i.exec(head);
          const length = match ? Number(match[1]) : 0;
          if (buffer.length < end + 4 + length) return;
          buffer = buffer.subarray(end + 4 + length);
          awaiting = false;
          opts.onResponse({ status: Number(head.slice(9, 12)), latencyMs: performance.now() - sentAt });
          if (/\r\nconnection:\s*close/i.test(head)) {
            socket.destroy();
            return open();
          }
          send();
        }
      });
      socket.on("error", () => {});
      socket.on("close", () => {
        if (finished) return;
        if (awaiting) opts.onError();
        awaiting = false;
        // The server went away: back off briefly, then try again.
        setTimeout(open, 50);
      });
    };
    open();
  });
}
