import type { DemoScenario } from "@/lib/config";
import { UPSTREAMS } from "@/db/upstreams";
import type { SimOutage, SimService } from "./outages";

/**
 * Scripted outages for demos and end-to-end checks, placed relative to the moment the demo starts
 * and lasting three hours from their start.
 * - `germany`: from 40 minutes before start, WhatsApp fails in Germany only, while busier
 *   countries (the US has five times Germany's users) carry on as usual.
 * - `california`: from 90 minutes before start (a quiet state needs longer to stand out),
 *   Spectrum fails in California only: nine times the state's usual reports at that hour (at least
 *   53 more people an hour), while the US total (Spectrum's whole traffic) rises by about two thirds,
 *   under what the service-wide detector asks for. Six times was too close to the map's "far above
 *   usual" line: a quiet hour's draw fell under it now and then, and the state read "above usual".
 * - `aws`: from 30 minutes before start, twelve services that run on AWS fail at once (eight times
 *   their usual reports), and so do AWS's own users, whose status page the demo's vendor marks:
 *   what the upstream correlation names "Likely common cause: Amazon Web Services".
 * - `comcast`: from an hour before start (so a network page's last hour holds it whole: at 25
 *   minutes, a quiet service showed under the five people a table lists), people on Comcast
 *   (addresses in 73.0.0.0/8) report ten unrelated services, thirty more people an hour each, while
 *   everyone else reports as usual: an ISP incident, "Problems reported by Comcast users across 10
 *   services". None of them is one the
 *   other scenarios break, so each scenario's own signal stays clean (WhatsApp stays German-only).
 */
const COMCAST_SERVICES = [
  "youtube",
  "tiktok",
  "instagram",
  "threads",
  "gmail",
  "facebook",
  "steam",
  "telegram",
  "messenger",
  "google-drive",
];

export function scenarioOutages(
  names: readonly DemoScenario[] | undefined,
  start: number,
  services: readonly SimService[],
): SimOutage[] {
  return (names ?? []).flatMap((name) => scenarioOutage(name, start, services));
}

function scenarioOutage(name: DemoScenario, start: number, services: readonly SimService[]): SimOutage[] {
  if (name === "comcast")
    return COMCAST_SERVICES.flatMap((slug) => {
      const service = services.find((s) => s.slug === slug);
      if (!service) return [];
      const from = start - 60 * 60_000;
      return [
        {
          slug,
          start: from,
          end: from + 3 * 3_600_000,
          magnitude: 1,
          country: "US",
          symptom: service.symptoms[0] ?? "",
          network: { firstOctet: 73, perHour: 30 },
        },
      ];
    });
  if (name === "aws")
    return ["aws", ...UPSTREAMS.aws!.dependents.slice(0, 12)].flatMap((slug) => {
      const service = services.find((s) => s.slug === slug);
      if (!service) return [];
      const from = start - 30 * 60_000;
      return [
        {
          slug,
          start: from,
          end: from + 3 * 3_600_000,
          magnitude: 8,
          country: null,
          symptom: service.symptoms[0] ?? "",
        },
      ];
    });
  const script = {
    germany: { slug: "whatsapp", magnitude: 12, country: "DE", subdivision: undefined, lead: 40 },
    california: { slug: "spectrum", magnitude: 9, country: "US", subdivision: "US-CA", lead: 90 },
  } as const;
  const { slug, magnitude, country, subdivision, lead } = script[name];
  const service = services.find((s) => s.slug === slug);
  if (!service) return [];
  return [
    {
      slug,
      start: start - lead * 60_000,
      end: start - lead * 60_000 + 3 * 3_600_000,
      magnitude,
      country,
      ...(subdivision ? { subdivision } : {}),
      symptom: service.symptoms[0] ?? "",
    },
  ];
}
