import { describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "./security-headers";

describe("contentSecurityPolicy", () => {
  it("allows scripts only with the nonce, no framing, no plugins, forms only to us", () => {
    const csp = contentSecurityPolicy("abc123==", { https: false, dev: false });
    const directives = new Map(csp.split("; ").map((d) => [d.split(" ")[0], d] as const));
    expect(directives.get("script-src")).toBe("script-src 'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(directives.get("frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(directives.get("object-src")).toBe("object-src 'none'");
    expect(directives.get("form-action")).toBe("form-action 'self'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).not.toContain("upgrade-insecure-requests");
  });
  it("upgrades requests behind TLS and allows eval only in development", () => {
    expect(contentSecurityPolicy("n", { https: true, dev: false })).toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy("n", { https: false, dev: true })).toContain("'unsafe-eval'");
  });
});
