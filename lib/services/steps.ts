import "server-only";
import { getTranslations } from "next-intl/server";
import { GENERIC_STEPS } from "@/db/catalog";
import type { Locale } from "@/lib/i18n/routing";

/**
 * A service's troubleshooting steps in the page's language. The catalog keeps them in English (its
 * own steps first, then the generic ones); the generic steps have their translations in the
 * "Steps.generic" messages, a service's own in "Steps.services.{slug}", and a step with none is
 * shown as written rather than left out.
 */
export async function stepsOf(service: { slug: string; troubleshooting: string[] }, locale: Locale): Promise<string[]> {
  if (locale === "en") return service.troubleshooting;
  const t = await getTranslations({ locale, namespace: "Steps" });
  let own = 0;
  return service.troubleshooting.map((step) => {
    const generic = GENERIC_STEPS.indexOf(step);
    if (generic >= 0) return t(`generic.${generic}`);
    const key = `services.${service.slug}.${own++}`;
    return t.has(key) ? t(key) : step;
  });
}
