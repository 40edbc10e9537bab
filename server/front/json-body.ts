import type { IncomingHttpHeaders } from "node:http";

/** Largest JSON body a report endpoint reads; a report is a few hundred bytes. */
export const MAX_JSON_BODY_BYTES = 4 * 1024;

export type BodyResult = { ok: true; value: unknown } | { ok: false; status: 400 | 413 | 415; message: string };

/** What reading a body needs from a request: Node's IncomingMessage is one. */
export interface BodySource extends NodeJS.ReadableStream {
  headers: IncomingHttpHeaders;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

function collect(request: BodySource, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    // Plain events rather than an async iterator: this runs for every report in a flood. The handlers
    // are passed inline, unnamed: the server runs under tsx, which gives every named closure its name
    // with Object.defineProperty each time one is made. Nothing needs removing: after "end" or "error"
    // the stream is done, and past the limit it is paused and its connection closed.
    request.on("data", (chunk: Buffer | string) => {
      if (over) return;
      const buffer = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
      size += buffer.byteLength;
      if (size > limit) {
        over = true;
        request.pause();
        return resolve(null);
      }
      chunks.push(buffer);
    });
    request.on("end", () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    request.on("error", reject);
  });
}

/** Reads a JSON body without ever buffering more than `limit` bytes. */
export async function readJsonBody(request: BodySource, limit = MAX_JSON_BODY_BYTES): Promise<BodyResult> {
  const type = request.headers["content-type"] ?? "";
  if (!/^application\/(.+\+)?json\b/i.test(type)) {
    return { ok: false, status: 415, message: 'send the report as JSON with "Content-Type: application/json"' };
  }
  const declared = Number(request.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) {
    return { ok: false, status: 413, message: `body is larger than ${limit} bytes` };
  }
  const body = await collect(request, limit);
  if (body === null) return { ok: false, status: 413, message: `body is larger than ${limit} bytes` };
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    return { ok: false, status: 400, message: "body is not valid UTF-8" };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, status: 400, message: "body is not valid JSON" };
  }
}
