import type { Symptom } from "@/lib/catalog/constants";
import { countryName } from "@/lib/regions/regions";
import type { ReadableText } from "./schemas";

/** Labels for comments; the ISO name table stays on the server, where it is already loaded. */
export function readableTexts(
  texts: ReadonlyArray<{ id: number; createdAt: string; symptom: string; country: string; text: string }>,
  symptoms: readonly Symptom[],
): ReadableText[] {
  const labels = new Map(symptoms.map((s) => [s.slug, s.label]));
  return texts.map((t) => ({
    id: t.id,
    createdAt: t.createdAt,
    symptomLabel: labels.get(t.symptom) ?? t.symptom,
    countryName: countryName(t.country),
    text: t.text,
  }));
}
