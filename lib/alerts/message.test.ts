import { describe, expect, it } from "vitest";
import { alertMessage, digestMessage, type AlertIncident } from "./message";

const incident = (over: Partial<AlertIncident> = {}): AlertIncident => ({
  id: 42,
  service: { slug: "tiktok", name: "TikTok" },
  level: "possible",
  startedAt: "2026-12-05T14:02:00.000Z",
  endedAt: null,
  peakRate: 12.4,
  regions: ["US", "DE", "US-NY"],
  symptoms: [
    { slug: "login", label: "Login" },
    { slug: "our-own-feed", label: "Feed" },
  ],
  ...over,
});
const ORIGIN = "https://radar.example";

describe("alert messages", () => {
  it("say what started, since when, with the peak, the regions and the symptoms, and link the incident", () => {
    const m = alertMessage("opened", incident(), ORIGIN);
    expect(m.title).toBe("Possible problems at TikTok");
    expect(m.body).toMatch(/^People are reporting possible problems at TikTok, since .*5 Dec.*14:02.* UTC\./);
    expect(m.body).toContain("At the peak, 12 people a minute reported a problem.");
    expect(m.body).toContain("Most reports come from United States, Germany and New York, US.");
    expect(m.body).toContain("Most reported: Login and Feed.");
    expect(m.url).toBe("https://radar.example/incidents/42");
  });

  it("call an outage an outage, and say when possible problems grew into one", () => {
    expect(alertMessage("opened", incident({ level: "outage" }), ORIGIN).title).toBe("TikTok is down");
    const grown = alertMessage("escalated", incident({ level: "outage" }), ORIGIN);
    expect(grown.title).toBe("TikTok is down");
    expect(grown.body).toMatch(/^Reports of problems at TikTok have grown into an outage/);
  });

  it("say how long it lasted when it is over, and leave out what is not known", () => {
    const m = alertMessage(
      "resolved",
      incident({ endedAt: "2026-12-05T15:37:00.000Z", peakRate: null, regions: [], symptoms: [] }),
      ORIGIN,
    );
    expect(m.title).toBe("TikTok is back to normal");
    expect(m.body).toMatch(
      /^Reports at TikTok are back to the usual level after 1 h 35 min; the problems began .* UTC\.$/,
    );
    expect(m.body).not.toContain("peak");
  });

  it("fold many services changing at once into one digest that names them", () => {
    const names = ["Discord", "Slack", "Zoom", "Netflix"];
    const changes = [
      ...names.map((name, i) => ({
        change: "opened" as const,
        incident: incident({ id: i, service: { slug: name, name } }),
      })),
      { change: "resolved" as const, incident: incident({ service: { slug: "x", name: "X" } }) },
    ];
    const d = digestMessage(changes, ORIGIN);
    expect(d.title).toBe("Problems at 4 of your services; 1 recovered");
    expect(d.body).toBe(
      "Problems at Discord, Slack, Zoom and Netflix. Back to normal: X. When many services fail at once, a shared provider is often the cause.",
    );
    expect(d.url).toBe("https://radar.example/");
    expect(digestMessage(changes.slice(4), ORIGIN).title).toBe("1 of your services recovered");
  });

  it("speak the subscriber's language: words, dates, numbers, regions and symptoms, and link its pages", () => {
    const m = alertMessage("opened", incident({ level: "outage", peakRate: 2.5 }), ORIGIN, "de");
    expect(m.locale).toBe("de");
    expect(m.title).toBe("TikTok ist gestört");
    expect(m.body).toContain("Vereinigte Staaten, Deutschland und New York, US");
    expect(m.body).toContain("2,5");
    expect(m.body).toContain("Anmeldung");
    expect(m.url).toBe("https://radar.example/de/incidents/42");
    const digest = digestMessage([{ change: "resolved", incident: incident() }], ORIGIN, "pt-BR");
    expect(digest.url).toBe("https://radar.example/pt-br/");
    expect(digest.title).not.toMatch(/recovered/);
  });
});
