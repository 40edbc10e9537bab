import { describe, expect, it } from "vitest";
import { checkAdminToken } from "./token";

const TOKEN = "a-long-admin-token-of-at-least-32-chars";

describe("admin token", () => {
  it("is off when no token is configured, whatever is sent", () => {
    expect(checkAdminToken(`Bearer ${TOKEN}`, undefined)).toMatchObject({ ok: false, status: 403 });
    expect(checkAdminToken(undefined, "")).toMatchObject({ ok: false, status: 403 });
  });
  it("accepts only the exact token as a Bearer header", () => {
    expect(checkAdminToken(`Bearer ${TOKEN}`, TOKEN)).toEqual({ ok: true });
    expect(checkAdminToken(`bearer ${TOKEN}`, TOKEN)).toEqual({ ok: true });
    for (const header of [
      undefined,
      "",
      TOKEN,
      `Basic ${TOKEN}`,
      `Bearer ${TOKEN}x`,
      `Bearer ${TOKEN.slice(1)}`,
      "Bearer ",
    ])
      expect(checkAdminToken(header, TOKEN)).toMatchObject({ ok: false, status: 401 });
  });
});
