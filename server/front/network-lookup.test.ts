import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { rows } from "@/db/client";
import { testTargets, type TestDb } from "@/test/db";
import { listenFront } from "@/test/front";
import { asnDatabase } from "@/lib/networks/asn";
import { ipRegionDatabase } from "@/lib/networks/ip-region";
import { CLIENT_ASN_HEADER } from "@/lib/reports/client-ip";
import { IP_REGION_HEADER } from "@/lib/regions/from-request";
import { GET as location } from "@/app/api/v1/location/route";
import { createFront } from "./front";
import { proxyTrust } from "./client-address";
import { createHttpServer } from "../http-server";
import type { AddressInfo } from "node:net";

// What the front tells the code behind it about a client's address (never the address itself):
// its network operator on POSTs (kept with reports) and its region on the location answer only.

describe("network lookups in the front", () => {
  let base = "";
  let close: () => Promise<void> = async () => {};
  let t: TestDb;
  let reportsFront: Awaited<ReturnType<typeof listenFront>>;

  beforeAll(async () => {
    await Promise.all([asnDatabase(), ipRegionDatabase()]);
    const server = createHttpServer(
      createFront({
        db: () => {
          throw new Error("not used");
        },
        proxies: proxyTrust(["loopback"]),
        health: async () => ({ ok: true, detector: "leader", queued: 0 }),
        // Echoes what Next.js would be told.
        next: (req, res) =>
          void res.writeHead(200, { "content-type": "application/json" }).end(
            JSON.stringify({
              asn: req.headers[CLIENT_ASN_HEADER] ?? null,
              region: req.headers[IP_REGION_HEADER] ?? null,
            }),
          ),
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => new Promise((resolve) => server.close(() => resolve()));
    t = await testTargets()[0]!.open();
    reportsFront = await listenFront(t);
  }, 60_000);
  afterAll(async () => {
    await close();
    await reportsFront.close();
    await t.drop();
  });

  const ask = async (path: string, ip: string, init: RequestInit = {}, forged: Record<string, string> = {}) =>
    (await (await fetch(`${base}${path}`, { ...init, headers: { "x-forwarded-for": ip, ...forged } })).json()) as {
      asn: string | null;
      region: string | null;
    };

  it("names the region on the location answer only, whatever the client claimed", async () => {
    expect(await ask("/api/v1/location", "8.8.8.8", {}, { [IP_REGION_HEADER]: "FR" })).toEqual({
      asn: null,
      region: "US-CA",
    });
    expect(await ask("/api/v1/location", "85.214.132.117")).toEqual({ asn: null, region: "DE-BE" });
    // An address the database does not place: no guess, and the forged one is gone.
    expect(await ask("/api/v1/location", "10.1.2.3", {}, { [IP_REGION_HEADER]: "FR" })).toEqual({
      asn: null,
      region: null,
    });
    // Pages are the same for everyone: they are never told.
    expect(await ask("/status/tiktok", "8.8.8.8", {}, { [IP_REGION_HEADER]: "FR" })).toEqual({
      asn: null,
      region: null,
    });
  });

  it("names the network operator on POSTs, whatever the client claimed", async () => {
    expect(await ask("/status/tiktok", "73.1.2.3", { method: "POST" }, { [CLIENT_ASN_HEADER]: "1" })).toEqual({
      asn: "7922",
      region: null,
    });
    expect(await ask("/status/tiktok", "10.1.2.3", { method: "POST" }, { [CLIENT_ASN_HEADER]: "1" })).toEqual({
      asn: null,
      region: null,
    });
    expect(await ask("/status/tiktok", "73.1.2.3", {}, { [CLIENT_ASN_HEADER]: "1" })).toEqual({
      asn: null,
      region: null,
    });
  });

  it("keeps the operator with a report, and never the address", async () => {
    const res = await fetch(`${reportsFront.base}/api/v1/reports`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": "73.1.2.3" },
      body: JSON.stringify({ service: "tiktok", symptom: "app", country: "US" }),
    });
    expect(res.status).toBe(201);
    const [stored] = await rows<Record<string, unknown>>(
      t.handle.db,
      sql`select * from reports order by id desc limit 1`,
    );
    expect(stored!.asn).toBe(7922);
    expect(JSON.stringify(stored)).not.toContain("73.1.2.3");
  });

  it("the location answer falls back to the edge's country and the browser's language", async () => {
    const guess = async (headers: Record<string, string>) =>
      (await location(new Request("http://x/api/v1/location", { headers }))).json();
    expect(await guess({ [IP_REGION_HEADER]: "US-CA", "cf-ipcountry": "US" })).toEqual({
      country: "US",
      subdivision: "US-CA",
    });
    // The edge says another country: believe the edge, without a subdivision.
    expect(await guess({ [IP_REGION_HEADER]: "US-CA", "cf-ipcountry": "FR" })).toEqual({
      country: "FR",
      subdivision: null,
    });
    expect(await guess({ "accept-language": "de-DE,de;q=0.9" })).toEqual({ country: "DE", subdivision: null });
    expect(await guess({})).toEqual({ country: null, subdivision: null });
    const res = await location(new Request("http://x/api/v1/location"));
    expect(res.headers.get("cache-control")).toBe("private, no-store");
  });
});
