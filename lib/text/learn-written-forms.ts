import "server-only";
import { iso31661 } from "iso-3166";
import { learnClock, learnCount, learnRegionalClocks, utcLocale, type WrittenForms } from "./written-forms";

const REGIONS = iso31661.map((c) => c.alpha2);
const learnt = new Map<string, WrittenForms>();

/**
 * How `locale` writes times and counts, learnt from the server's Intl once per process. UTC times in
 * English read the British way; local times in English the way the visitor's region writes it.
 */
export function learnWrittenForms(locale: string): WrittenForms {
  let forms = learnt.get(locale);
  if (forms === undefined) {
    const utc = learnClock(utcLocale(locale));
    forms = { utc, local: locale === "en" ? learnRegionalClocks(REGIONS) : utc, count: learnCount(locale) };
    learnt.set(locale, forms);
  }
  return forms;
}
