import "server-only";
import { createTranslator, type AbstractIntlMessages } from "next-intl";
import de from "./messages/de.json";
import en from "./messages/en.json";
import es from "./messages/es.json";
import fr from "./messages/fr.json";
import hi from "./messages/hi.json";
import ptBR from "./messages/pt-BR.json";
import { DEFAULT_LOCALE, LOCALES, type Locale } from "./locales";

const CATALOGUES: Record<Locale, AbstractIntlMessages> = { en, es, de, fr, "pt-BR": ptBR, hi };

/** A stored or requested language, or English when it is none of ours. */
export const knownLocale = (value: string | null | undefined): Locale =>
  (LOCALES as readonly string[]).includes(value ?? "") ? (value as Locale) : DEFAULT_LOCALE;

/**
 * Messages outside a page request (alert e-mails, chat messages, notifications), in the language
 * their reader chose: the same catalogue and ICU rules the pages use.
 */
export function translator(locale: Locale, namespace: string): Translate {
  const t = createTranslator({ locale, messages: CATALOGUES[locale], namespace });
  // The catalogue is typed loosely here (any namespace, any key): messages.test.ts checks its keys and values.
  return (key, values) => t(key as never, values as never);
}

export type Translate = (key: string, values?: Record<string, string | number | Date>) => string;

/** A symptom's name in `locale`, or the catalog's own label for a symptom the messages do not name. */
export function symptomName(locale: Locale, symptom: { slug: string; label: string }): string {
  const names = CATALOGUES[locale].Symptoms as Record<string, string> | undefined;
  return names?.[symptom.slug] ?? symptom.label;
}
