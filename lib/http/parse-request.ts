import "server-only";
import type { z } from "zod";
import { fieldIssues, invalidInput, notFound, type FieldIssue } from "@/lib/errors";
import { errorResponse, failureResponse } from "./responses";

/** Admin and API bodies are small JSON documents. */
const MAX_BODY_BYTES = 16 * 1024;
const utf8 = new TextDecoder("utf-8", { fatal: true });

export interface RequestSpec<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> {
  /** The route's path parameters and their schema; a value that fails is a 404 naming `what`. */
  params?: { value: Promise<Record<string, string>> | Record<string, string>; schema: P; what: string };
  /** The query string, as an object of its first values. */
  query?: Q;
  /** A JSON body (Content-Type application/json, at most 16 KiB). */
  body?: B;
}

type Parsed<S> = S extends z.ZodType ? z.infer<S> : undefined;

/**
 * The one way a route handler reads its input: path parameters, query and body, each checked by its
 * schema. A failure is the answer to send: 404 for a path that names nothing, 400 with every field at
 * fault for a bad query or body (the same body as every other 400), 413 or 415 for a body that is
 * too large or not JSON.
 */
export async function parseRequest<
  P extends z.ZodType = z.ZodNever,
  Q extends z.ZodType = z.ZodNever,
  B extends z.ZodType = z.ZodNever,
>(
  request: Request,
  spec: RequestSpec<P, Q, B>,
): Promise<{ ok: true; params: Parsed<P>; query: Parsed<Q>; body: Parsed<B> } | { ok: false; response: Response }> {
  let params: unknown;
  if (spec.params) {
    const raw = await spec.params.value;
    const parsed = spec.params.schema.safeParse(raw);
    if (!parsed.success) {
      const shown = Object.values(raw).join("/");
      return { ok: false, response: failureResponse(notFound(`${spec.params.what} ${shown}`)) };
    }
    params = parsed.data;
  }
  const issues: FieldIssue[] = [];
  let query: unknown;
  if (spec.query) {
    const parsed = spec.query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (parsed.success) query = parsed.data;
    else issues.push(...fieldIssues(parsed.error));
  }
  let body: unknown;
  if (spec.body) {
    const read = await readJson(request);
    if (!read.ok) return read;
    const parsed = spec.body.safeParse(read.value);
    if (parsed.success) body = parsed.data;
    else issues.push(...fieldIssues(parsed.error));
  }
  if (issues.length) return { ok: false, response: failureResponse(invalidInput(issues)) };
  return { ok: true, params: params as Parsed<P>, query: query as Parsed<Q>, body: body as Parsed<B> };
}

async function readJson(request: Request): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  if (!/^application\/(.+\+)?json\b/i.test(request.headers.get("content-type") ?? "")) {
    return {
      ok: false,
      response: errorResponse(415, "unsupported_media_type", 'send JSON with "Content-Type: application/json"'),
    };
  }
  const bytes = await readLimited(request, MAX_BODY_BYTES);
  if (bytes === null) {
    return {
      ok: false,
      response: errorResponse(413, "payload_too_large", `body is larger than ${MAX_BODY_BYTES} bytes`),
    };
  }
  try {
    return { ok: true, value: JSON.parse(utf8.decode(bytes)) };
  } catch {
    return { ok: false, response: errorResponse(400, "invalid_input", "body is not valid UTF-8 JSON") };
  }
}

async function readLimited(request: Request, limit: number): Promise<Uint8Array | null> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
