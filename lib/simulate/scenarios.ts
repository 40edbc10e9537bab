import type { SimOutage, SimService } from "./outages";

/**
 * Scripted outages for demos and end-to-end checks, placed relative to the moment the demo starts.
 * `germany`: WhatsApp fails in Germany only, from 40 minutes before start for three hours, while
 * busier countries (the US has five times Germany's users) carry on as usual.
 */
export const DEMO_SCENARIOS = ["germany"] as const;
export type DemoScenario = (typeof DEMO_SCENARIOS)[number];

export function scenarioOutages(
  name: DemoScenario | undefined,
  start: number,
  services: readonly SimService[],
): SimOutage[] {
  if (name !== "germany") return [];
  const whatsapp = services.find((s) => s.slug === "whatsapp");
  if (!whatsapp) return [];
  return [
    {
      slug: "whatsapp",
      start: start - 40 * 60_000,
      end: start + 3 * 3_600_000,
      magnitude: 12,
      country: "DE",
      symptom: whatsapp.symptoms[0] ?? "",
    },
  ];
}
