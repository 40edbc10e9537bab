import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { PLATFORMS } from "./platforms";
import { MalformedFeed } from "./platforms/shared";
import type { FeedReading } from "./types";

// Each platform's reader against a payload in that platform's published format.
const NOW = new Date("2026-11-20T14:06:00Z");
const fixture = (name: string) => readFileSync(path.join(__dirname, "../../test/fixtures/official", name), "utf8");
const json = (name: string) => JSON.parse(fixture(name)) as unknown;

function read(platform: keyof typeof PLATFORMS, url: string, bodies: unknown[]): FeedReading[] {
  const feeds = PLATFORMS[platform].feeds(url);
  expect(feeds).toHaveLength(bodies.length);
  return feeds.map((f, i) => f.read(bodies[i], NOW));
}

describe("official platform readers", () => {
  it("Statuspage: status from the indicator, components without groups, history with resolution", () => {
    const feeds = PLATFORMS.statuspage.feeds("https://www.githubstatus.com/api/v2/summary.json");
    expect(feeds.map((f) => f.url)).toEqual([
      "https://www.githubstatus.com/api/v2/summary.json",
      "https://www.githubstatus.com/api/v2/incidents.json",
    ]);
    const [summary, history] = read("statuspage", "https://www.githubstatus.com/api/v2/summary.json", [
      json("statuspage-summary.json"),
      json("statuspage-incidents.json"),
    ]);
    expect(summary!.status).toEqual({
      status: "degraded",
      description: "Minor Service Outage",
      components: [
        { name: "Git Operations", status: "operational" },
        { name: "Actions", status: "degraded" },
      ],
    });
    expect(summary!.activeOnly).toBe(true);
    expect(summary!.incidents).toEqual([
      {
        externalId: "yb6tq0x2rf9c",
        title: "Incident with Actions",
        impact: "minor",
        url: "https://stspg.io/yb6tq0x2",
        startedAt: new Date("2026-11-20T13:48:00.000Z"),
        postedAt: new Date("2026-11-20T13:52:39.811Z"),
        resolvedAt: null,
        updatedAt: new Date("2026-11-20T13:59:02.446Z"),
      },
    ]);
    expect(history!.activeOnly).toBe(false);
    expect(history!.status).toBeUndefined();
    expect(history!.incidents.map((i) => [i.externalId, i.impact, i.resolvedAt?.toISOString() ?? null])).toEqual([
      ["yb6tq0x2rf9c", "minor", null],
      ["m3n0r1c2x9pq", "major", "2026-11-18T10:44:51.366Z"],
      // Impact "none" is still an acknowledgement; a postmortem is over.
      ["pm0rtem00001", "minor", "2026-11-10T23:15:00.000Z"],
    ]);
  });

  it("incident.io: the worst ongoing impact, affected components, first sighting when unpublished", () => {
    const [r] = read("incidentio", "https://status.openai.com/proxy/status.openai.com", [json("incidentio.json")]);
    expect(r!.status).toEqual({
      status: "degraded",
      description: "Elevated error rates in ChatGPT",
      components: [
        { name: "Conversations", status: "degraded" },
        { name: "Login", status: "operational" },
      ],
    });
    expect(r!.incidents[0]).toMatchObject({
      externalId: "01JQ8Z3R6N7C4TB1V0K2W5S9HX",
      impact: "major",
      postedAt: new Date("2026-11-20T13:40:12.512Z"),
      resolvedAt: null,
    });
    const bare = structuredClone(json("incidentio.json")) as {
      summary: { ongoing_incidents: Record<string, unknown>[] };
    };
    delete bare.summary.ongoing_incidents[0]!.published_at;
    delete bare.summary.ongoing_incidents[0]!.url;
    const [seen] = read("incidentio", "https://status.openai.com/proxy/status.openai.com", [bare]);
    expect(seen!.incidents[0]!.postedAt).toEqual(NOW);
    expect(seen!.incidents[0]!.url).toBe("https://status.openai.com/incidents/01JQ8Z3R6N7C4TB1V0K2W5S9HX");
  });

  it("Instatus, status.io and Slack: active incidents only", () => {
    const [i] = read("instatus", "https://status.kagi.com/summary.json", [json("instatus.json")]);
    expect(i!.status!.status).toBe("degraded");
    expect(i!.incidents.map((x) => [x.title, x.impact])).toEqual([["Search is slow for some users", "minor"]]);

    const [s] = read("statusio", "https://api.status.io/1.0/status/5b36dc6502d06804c08349f7", [json("statusio.json")]);
    expect(s!.status).toMatchObject({ status: "degraded", description: "Partial Service Disruption" });
    expect(s!.status!.components).toEqual([
      { name: "Website", status: "degraded" },
      { name: "API", status: "operational" },
    ]);
    expect(s!.incidents[0]).toMatchObject({ externalId: "673d8f1e2b8c5a0001a1b2c3", impact: "minor" });

    const [k] = read("slack", "https://slack-status.com/api/v2.0.0/current", [json("slack.json")]);
    // The scheduled notice is information, not an incident.
    expect(k!.incidents.map((x) => [x.externalId, x.impact, x.postedAt.toISOString()])).toEqual([
      ["2531", "minor", "2026-11-20T13:35:11.000Z"],
    ]);
    expect(k!.status!.components.map((c) => c.name)).toEqual(["Messaging", "Connections"]);
    expect([i, s, k].every((r) => r!.activeOnly)).toBe(true);
  });

  it("Google Cloud: ongoing incidents set the status; years-old history is left out", () => {
    const [r] = read("gcp", "https://status.cloud.google.com/incidents.json", [json("gcp.json")]);
    expect(r!.status).toEqual({
      status: "degraded",
      description: "Cloud Run: elevated latency in us-central1",
      components: [{ name: "Cloud Run", status: "degraded" }],
    });
    expect(r!.incidents.map((x) => [x.externalId, x.impact, x.url])).toEqual([
      ["Vm3Tq1xRz8aB2cD4eF6g", "major", "https://status.cloud.google.com/incidents/Vm3Tq1xRz8aB2cD4eF6g"],
      ["Qe9Wr2tYu3iO4pA5sD6f", "critical", "https://status.cloud.google.com/incidents/Qe9Wr2tYu3iO4pA5sD6f"],
    ]);
    expect(r!.incidents[1]!.resolvedAt).toEqual(new Date("2026-11-15T10:02:00Z"));
    expect(r!.activeOnly).toBe(false);
  });

  it("AWS: items grouped into events per service and region, closed by 'operating normally'", () => {
    const [r] = read("aws", "https://status.aws.amazon.com/rss/all.rss", [fixture("aws.rss")]);
    expect(r!.incidents.map((x) => [x.title, x.impact, x.resolvedAt !== null])).toEqual([
      ["Increased API error rates (lambda-eu-west-1)", "minor", true],
      ["Increased connectivity issues (ec2-us-east-1)", "major", false],
    ]);
    expect(r!.incidents[0]!.postedAt).toEqual(new Date("2026-11-18T10:31:00Z"));
    expect(r!.status).toMatchObject({ status: "major", components: [{ name: "ec2-us-east-1", status: "major" }] });
  });

  it("Azure: an item is an incident in progress; an empty feed is operational", () => {
    const [r] = read("azure", "https://azure.status.microsoft/en-us/status/feed/", [fixture("azure.rss")]);
    expect(r!.incidents).toHaveLength(1);
    expect(r!.incidents[0]).toMatchObject({
      externalId: "https://azure.status.microsoft/en-us/status#TRKD-9T8",
      impact: "minor",
    });
    expect(r!.status!.status).toBe("degraded");
    const [quiet] = read("azure", "https://azure.status.microsoft/en-us/status/feed/", [fixture("azure-empty.rss")]);
    expect(quiet).toMatchObject({ incidents: [], status: { status: "operational" }, activeOnly: true });
  });

  it("names the field at fault in a malformed feed", () => {
    const bad = { status: { indicator: "minor" }, components: [] };
    expect(() => read("statuspage", "https://x.example/api/v2/summary.json", [bad, { incidents: [] }])).toThrow(
      MalformedFeed,
    );
    expect(() => read("statuspage", "https://x.example/api/v2/summary.json", [bad, { incidents: [] }])).toThrow(
      /summary\.json: status\.description/,
    );
    expect(() => read("aws", "https://status.aws.amazon.com/rss/all.rss", ["<html>not a feed"])).toThrow(MalformedFeed);
    expect(() =>
      read("gcp", "https://status.cloud.google.com/incidents.json", [
        [{ id: "x", external_desc: "y", begin: "yesterday" }],
      ]),
    ).toThrow(/not a date/);
  });
});
