import type { DemoScenario } from "@/lib/config";
import type { SimOutage, SimService } from "./outages";

/**
 * Scripted outages for demos and end-to-end checks, placed relative to the moment the demo starts
 * and lasting three hours from their start.
 * - `germany`: from 40 minutes before start, WhatsApp fails in Germany only, while busier
 *   countries (the US has five times Germany's users) carry on as usual.
 * - `california`: from 90 minutes before start (a quiet state needs longer to stand out),
 *   Spectrum fails in California only: six times the state's usual reports at that hour (at least
 *   33 more people an hour), while the US total (Spectrum's whole traffic) rises by about two fifths,
 *   under what the service-wide detector asks for.
 */

export function scenarioOutages(
  names: readonly DemoScenario[] | undefined,
  start: number,
  services: readonly SimService[],
): SimOutage[] {
  return (names ?? []).flatMap((name) => scenarioOutage(name, start, services));
}

function scenarioOutage(name: DemoScenario, start: number, services: readonly SimService[]): SimOutage[] {
  const script = {
    germany: { slug: "whatsapp", magnitude: 12, country: "DE", subdivision: undefined, lead: 40 },
    california: { slug: "spectrum", magnitude: 6, country: "US", subdivision: "US-CA", lead: 90 },
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
