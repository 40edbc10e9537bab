import { describe, expect, it } from "vitest";
import { CATALOG, GENERIC_STEPS } from "@/db/catalog";
import en from "@/lib/i18n/messages/en.json";

// The catalog keeps each service's steps in English; the messages translate them by position. The
// English messages must say the same, or a changed step would show its old translation.
describe("troubleshooting steps", () => {
  const services = en.Steps.services as Record<string, Record<string, string>>;

  it("are in the messages exactly as the catalog has them, for every service", () => {
    for (const s of CATALOG) {
      const own = s.troubleshooting.filter((t) => !GENERIC_STEPS.includes(t));
      expect(Object.values(services[s.slug] ?? {}), s.slug).toEqual(own);
    }
    expect(Object.values(en.Steps.generic)).toEqual(GENERIC_STEPS);
  });
});
