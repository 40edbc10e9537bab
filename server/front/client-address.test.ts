import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { proxyTrust, resolveClient, rewriteForwardedHeaders } from "./client-address";

const request = (peer: string, headers: Record<string, string | string[]> = {}, encrypted = false) =>
  ({ socket: { remoteAddress: peer, encrypted }, headers: { ...headers } }) as unknown as IncomingMessage;

const ourProxies = proxyTrust(["10.0.0.0/8", "fd00::/8"]);

describe("the client behind the front", () => {
  it("ignores forwarding headers from a peer that is not a trusted proxy", () => {
    const spoofed = request("198.51.100.7", { "x-forwarded-for": "203.0.113.1", "x-forwarded-proto": "https" });
    expect(resolveClient(spoofed, ourProxies)).toEqual({ ip: "198.51.100.7", https: false, proxied: false });
    expect(resolveClient(spoofed, undefined)).toEqual({ ip: "198.51.100.7", https: false, proxied: false });
  });

  it("takes the right-most forwarded address that is not one of our proxies", () => {
    // The client wrote 6.6.6.6 itself; our edge proxy (10.0.0.2) appended the address it saw.
    const chain = request("10.0.0.1", { "x-forwarded-for": "6.6.6.6, 203.0.113.9, 10.0.0.2" });
    expect(resolveClient(chain, ourProxies).ip).toBe("203.0.113.9");
    const one = request("10.0.0.1", { "x-forwarded-for": "203.0.113.9" });
    expect(resolveClient(one, ourProxies)).toEqual({ ip: "203.0.113.9", https: false, proxied: true });
  });

  it("reads a repeated header as one list", () => {
    const repeated = request("10.0.0.1", { "x-forwarded-for": ["6.6.6.6", "203.0.113.9"] });
    expect(resolveClient(repeated, ourProxies).ip).toBe("203.0.113.9");
  });

  it("falls back to the proxy's own address when what it forwarded is not an address", () => {
    expect(resolveClient(request("10.0.0.1", { "x-forwarded-for": "garbage" }), ourProxies).ip).toBe("10.0.0.1");
    expect(resolveClient(request("10.0.0.1"), ourProxies).ip).toBe("10.0.0.1");
  });

  it("reads the header the operator named", () => {
    const trust = proxyTrust(["loopback"], "x-real-ip");
    const req = request("127.0.0.1", { "x-real-ip": "203.0.113.9", "x-forwarded-for": "6.6.6.6" });
    expect(resolveClient(req, trust).ip).toBe("203.0.113.9");
  });

  it("knows an IPv6 client by its /64 and an IPv4-mapped peer as IPv4", () => {
    const v6 = request("fd00::1", { "x-forwarded-for": "2001:db8:1:2:aaaa:bbbb:cccc:dddd" });
    expect(resolveClient(v6, ourProxies).ip).toBe("2001:db8:1:2::");
    expect(resolveClient(request("::ffff:10.0.0.1", { "x-forwarded-for": "203.0.113.9" }), ourProxies).ip).toBe(
      "203.0.113.9",
    );
    expect(resolveClient(request("2001:db8:9:9::5"), ourProxies).ip).toBe("2001:db8:9:9::");
  });

  it("believes X-Forwarded-Proto only from a trusted proxy", () => {
    expect(resolveClient(request("10.0.0.1", { "x-forwarded-proto": "https" }), ourProxies).https).toBe(true);
    expect(resolveClient(request("10.0.0.1", { "x-forwarded-proto": "http" }), ourProxies).https).toBe(false);
    expect(resolveClient(request("198.51.100.7", {}, true), ourProxies).https).toBe(true);
  });

  it("hands Next.js forwarding headers it can trust", () => {
    const spoofed = request("198.51.100.7", {
      "x-forwarded-proto": "https",
      "x-forwarded-host": "evil.example",
      "x-forwarded-for": "6.6.6.6",
      forwarded: "for=6.6.6.6",
    });
    rewriteForwardedHeaders(spoofed, resolveClient(spoofed, ourProxies));
    expect(spoofed.headers).toEqual({ "x-forwarded-proto": "http" });
    const proxied = request("10.0.0.1", { "x-forwarded-proto": "https", "x-forwarded-host": "radar.example" });
    rewriteForwardedHeaders(proxied, resolveClient(proxied, ourProxies));
    expect(proxied.headers).toEqual({ "x-forwarded-proto": "https", "x-forwarded-host": "radar.example" });
  });

  it("refuses a trusted-proxy entry that is not an address or range", () => {
    expect(() => proxyTrust(["10.0.0.0/33"])).toThrow();
    expect(() => proxyTrust(["proxy.example"])).toThrow();
  });
});
