import type { Symptom } from "@/lib/catalog/constants";
import { countryName } from "@/lib/regions/regions";
import type { ReadableText } from "./schemas";

/**
 * Labels for comments; the ISO name table stays on the server, where it is already loaded. The
 * codes go too, for pages in other languages, which name them in their own (messages and Intl).
 */
export function readableTexts(
  texts: ReadonlyArray<{ id: number; createdAt: string; symptom: string; country: string; text: string }>,
  symptoms: readonly Symptom[],
): ReadableText[] {
  const labels = new Map(symptoms.map((s) => [s.slug, s.label]));
  return texts.map((t) => ({
    id: t.id,
    createdAt: t.createdAt,
    symptom: t.symptom,
    symptomLabel: labels.get(t.symptom) ?? t.symptom,
    country: t.country,
    countryName: countryName(t.country),
    text: t.text,
  }));
}
