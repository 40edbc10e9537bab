import { describe, expect, it } from "vitest";
import { z } from "zod";
import { failure } from "@/lib/errors";
import { parseRequest } from "./parse-request";
import { idPath } from "./path-id";
import { failureAnswer, outcomeResponse } from "./responses";

const json = (body: string, type = "application/json") =>
  new Request("http://x/api/v1/thing/7?limit=5", { method: "POST", headers: { "content-type": type }, body });
const error = async (r: Response) =>
  ((await r.json()) as { error: { code: string; message: string; issues: unknown[] } }).error;

describe("parseRequest", () => {
  const body = z.object({ name: z.string().min(1, "is required") });
  const query = z.object({ limit: z.coerce.number().int().max(10, "is at most 10") });

  it("gives params, query and body, each parsed by its schema", async () => {
    const input = await parseRequest(json('{"name":"a"}'), {
      params: idPath(Promise.resolve({ id: "7" }), "thing"),
      query,
      body,
    });
    expect(input).toMatchObject({ ok: true, params: { id: 7 }, query: { limit: 5 }, body: { name: "a" } });
  });

  it("answers 404 for a path id that names nothing, before reading anything else", async () => {
    const input = await parseRequest(json("not json"), {
      params: idPath(Promise.resolve({ id: "0x1" }), "thing"),
      body,
    });
    if (input.ok) throw new Error("accepted a bad id");
    expect(input.response.status).toBe(404);
    expect(await error(input.response)).toMatchObject({ code: "not_found", message: "thing 0x1 does not exist" });
  });

  it("answers one 400 naming every field at fault, in the query and the body", async () => {
    const request = new Request("http://x/?limit=50", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"name":""}',
    });
    const input = await parseRequest(request, { query, body });
    if (input.ok) throw new Error("accepted bad input");
    expect(input.response.status).toBe(400);
    expect(await error(input.response)).toEqual({
      code: "invalid_input",
      message: "limit: is at most 10; name: is required",
      issues: [
        { field: "limit", message: "is at most 10" },
        { field: "name", message: "is required" },
      ],
    });
  });

  it.each([
    ['{"name":"a"}', "text/plain", 415, "unsupported_media_type"],
    [`{"name":"${"a".repeat(20_000)}"}`, "application/json", 413, "payload_too_large"],
    ['{"name":', "application/json", 400, "invalid_input"],
    ["\u00ff", "application/json", 400, "invalid_input"],
  ])("refuses the body %#: %s", async (text, type, status, code) => {
    const input = await parseRequest(json(text, type), { body });
    if (input.ok) throw new Error("accepted a bad body");
    expect(input.response.status).toBe(status);
    expect((await error(input.response)).code).toBe(code);
  });
});

describe("failures as HTTP answers", () => {
  it("maps each failure kind to its status in one place, with Retry-After when there is one", () => {
    expect(failureAnswer(failure("not_found", "x")).status).toBe(404);
    expect(failureAnswer(failure("conflict", "x")).status).toBe(409);
    expect(failureAnswer(failure("invalid_input", "x")).status).toBe(400);
    expect(failureAnswer(failure("forbidden", "x")).status).toBe(403);
    const limited = failureAnswer({ ...failure("rate_limited", "slow down"), retryAfterSeconds: 30 });
    expect(limited).toMatchObject({ status: 429, headers: { "retry-after": "30" } });
    expect(limited.body).toEqual({ error: { code: "rate_limited", message: "slow down", issues: [] } });
  });

  it("answers a success with what the route asks for, 204 by default", async () => {
    expect(outcomeResponse({ ok: true, value: undefined }).status).toBe(204);
    const created = outcomeResponse({ ok: true, value: { id: 3 } }, (v) => Response.json(v, { status: 201 }));
    expect([created.status, await created.json()]).toEqual([201, { id: 3 }]);
  });
});
