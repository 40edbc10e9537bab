import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { testTargets, type TestDb } from "@/test/db";
import { systemActor } from "./actor";
import { auditLog } from "./audit";
import { authorize, bearerToken, FAILED_SIGN_INS_ALLOWED, resetSignInFailures } from "./authorize";
import { issueToken, listTokens, revokeToken, rotateToken } from "./tokens";

const OPERATOR = systemActor("operator");
const BOOTSTRAP = "a-long-bootstrap-token-of-at-least-32-chars";
const T0 = new Date("2026-06-01T12:00:00Z");
const hours = (h: number) => new Date(T0.getTime() + h * 3_600_000);

describe("bearer header", () => {
  it("takes only a Bearer token", () => {
    expect(bearerToken("Bearer abc")).toBe("abc");
    expect(bearerToken("bearer abc ")).toBe("abc");
    for (const h of [undefined, null, "", "abc", "Basic abc", "Bearer ", "Bearer a b"])
      expect(bearerToken(h)).toBeNull();
  });
});

describe.each(testTargets())("named admin tokens on $name", (target) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await target.open();
  });
  afterAll(async () => {
    await t.drop();
  });
  beforeEach(() => resetSignInFailures());

  const issue = async (name: string, scopes: ("read" | "moderate" | "webhooks" | "tokens")[], at = T0) => {
    const issued = await issueToken(t.handle.db, OPERATOR, { name, scopes }, at);
    if (!issued.ok) throw new Error(issued.message);
    return issued.value;
  };

  it("is off until a bootstrap token is configured or a token issued", async () => {
    const check = await authorize(t.handle.db, "ort_whatever", "read", "198.51.100.0/24", undefined, T0);
    expect(check).toMatchObject({ ok: false, status: 403 });
  });

  it("names the holder, keeps only a hash, and gives each token only its scopes", async () => {
    const alice = await issue("Alice", ["read", "moderate"]);
    expect(alice.token).toMatch(/^ort_[\w-]{43}$/);
    const listed = await listTokens(t.handle.db, T0);
    expect(listed.find((x) => x.id === alice.id)).toMatchObject({ name: "Alice", scopes: ["read", "moderate"] });
    expect(JSON.stringify(listed)).not.toContain(alice.token);

    const ok = await authorize(t.handle.db, alice.token, "moderate", "198.51.100.0/24", undefined, T0);
    expect(ok).toEqual({
      ok: true,
      actor: { name: "Alice", tokenId: alice.id, scopes: ["read", "moderate"], source: "198.51.100.0/24" },
    });
    const denied = await authorize(t.handle.db, alice.token, "tokens", "198.51.100.0/24", undefined, T0);
    expect(denied).toMatchObject({ ok: false, status: 403, message: expect.stringContaining("Alice") });

    const boot = await authorize(t.handle.db, BOOTSTRAP, "tokens", "198.51.100.0/24", BOOTSTRAP, T0);
    expect(boot).toMatchObject({ ok: true, actor: { name: "operator (ADMIN_TOKEN)", tokenId: null } });
  });

  it("keeps the old secret valid through a rotation's grace, then only the new one", async () => {
    const bot = await issue("deploy bot", ["read"]);
    const rotated = await rotateToken(t.handle.db, OPERATOR, bot.id, 2, hours(1));
    if (!rotated.ok) throw new Error(rotated.message);
    expect(rotated.value.token).not.toBe(bot.token);
    const at = async (token: string, h: number) =>
      (await authorize(t.handle.db, token, "read", "203.0.113.0/24", undefined, hours(h))).ok;
    expect([await at(bot.token, 2), await at(rotated.value.token, 2)]).toEqual([true, true]);
    expect([await at(bot.token, 3.5), await at(rotated.value.token, 3.5)]).toEqual([false, true]);

    expect(await revokeToken(t.handle.db, OPERATOR, bot.id, hours(4))).toEqual({ ok: true, value: undefined });
    expect(await at(rotated.value.token, 4)).toBe(false);
    expect(await revokeToken(t.handle.db, OPERATOR, bot.id, hours(4))).toMatchObject({ ok: false, kind: "not_found" });
    expect((await listTokens(t.handle.db, hours(4))).some((x) => x.id === bot.id)).toBe(false);
  });

  it("logs every failed sign-in with its network, and refuses a network that keeps guessing", async () => {
    await issue("Carol", ["read"]);
    const source = "192.0.2.0/24";
    const at = hours(10);
    for (let i = 0; i < FAILED_SIGN_INS_ALLOWED; i++) {
      expect(await authorize(t.handle.db, `ort_guess${i}`, "read", source, undefined, at)).toMatchObject({
        ok: false,
        status: 401,
      });
    }
    const refused = await authorize(t.handle.db, "ort_guess-more", "read", source, undefined, at);
    expect(refused).toMatchObject({ ok: false, status: 429 });
    expect(refused.ok ? 0 : refused.retryAfterSeconds).toBeGreaterThan(0);
    // Another network is not held up by this one.
    expect(await authorize(t.handle.db, "ort_x", "read", "192.0.3.0/24", undefined, at)).toMatchObject({ status: 401 });

    const failed = (await auditLog(t.handle.db, 100)).filter((e) => e.action === "auth.failed" && e.source === source);
    expect(failed).toHaveLength(FAILED_SIGN_INS_ALLOWED);
    expect(failed[0]).toMatchObject({ actor: "unknown", target: "token" });
  });

  it("names the owner and the network of every change in the audit log", async () => {
    const dana = await issue("Dana", ["tokens"]);
    const check = await authorize(t.handle.db, dana.token, "tokens", "2001:db8:1::/48", undefined, T0);
    if (!check.ok) throw new Error(check.message);
    const erin = await issueToken(t.handle.db, check.actor, { name: "Erin", scopes: ["read"] }, T0);
    if (!erin.ok) throw new Error(erin.message);
    const [entry] = await auditLog(t.handle.db, 1);
    expect(entry).toMatchObject({
      action: "token.issue",
      target: `token:${erin.value.id}`,
      actor: "Dana",
      source: "2001:db8:1::/48",
      details: { name: "Erin", scopes: ["read"] },
    });
    expect(JSON.stringify(entry)).not.toContain(erin.value.token);
  });
});
