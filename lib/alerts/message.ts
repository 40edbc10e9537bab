import type { StatusLevel } from "@/lib/catalog/constants";
import { localePrefix, type Locale } from "@/lib/i18n/locales";
import { symptomName, translator } from "@/lib/i18n/translator";
import { regionNameIn } from "@/lib/regions/regions";
import { formatDuration } from "@/lib/text/duration";
import { formatUtcTime } from "@/lib/text/format";
import { nameList } from "@/lib/text/name-list";

/** What happened to an incident that subscribers hear about. */
export type AlertChange = "opened" | "escalated" | "resolved";

/** An incident as a message tells it: names, not ids, and the numbers people can weigh. */
export interface AlertIncident {
  id: number;
  service: { slug: string; name: string };
  level: Exclude<StatusLevel, "ok">;
  startedAt: string;
  endedAt: string | null;
  /** Distinct reporters per minute at the peak. */
  peakRate: number | null;
  /** ISO 3166 codes (countries, or subdivisions such as US-NY). */
  regions: readonly string[];
  /** The symptoms, with the catalog's names for those the messages do not translate. */
  symptoms: readonly { slug: string; label: string }[];
}

/** One message in words, the same for every channel: each channel only lays it out. */
export interface AlertMessage {
  /** A line that stands alone: an e-mail's subject, a notification's title, a chat message's heading. */
  title: string;
  /** Sentences with the numbers, the regions and the symptoms. */
  body: string;
  /** Where to read more: the incident page, or for a digest the home page (in the message's language). */
  url: string;
  /** The language it is written in: the subscription's. */
  locale: Locale;
}

/** A page of the site in the reader's language. */
export const sitePage = (origin: string, locale: Locale, path: string) => `${origin}${localePrefix(locale)}${path}`;

/** What one incident's change means, in sentences, in the subscriber's language. */
export function alertMessage(
  change: AlertChange,
  incident: AlertIncident,
  origin: string,
  locale: Locale = "en",
): AlertMessage {
  const t = translator(locale, "AlertMessages");
  const name = incident.service.name;
  const since = formatUtcTime(incident.startedAt, true, locale);
  const regions = incident.regions.map((r) => regionNameIn(r, locale));
  const symptoms = incident.symptoms.map((s) => symptomName(locale, s));
  const peak = incident.peakRate;
  const opening =
    change === "opened"
      ? t("opened", { name, since, level: incident.level })
      : change === "escalated"
        ? t("escalated", { name, since })
        : t("resolved", {
            name,
            since,
            lasted:
              incident.endedAt === null
                ? "none"
                : formatDuration((Date.parse(incident.endedAt) - Date.parse(incident.startedAt)) / 60_000, locale),
          });
  const title =
    change === "resolved"
      ? t("backTitle", { name })
      : change === "opened" && incident.level === "possible"
        ? t("possibleTitle", { name })
        : t("downTitle", { name });
  return {
    title,
    body: [
      opening,
      peak === null ? "" : t("peak", { rate: peak >= 10 ? Math.round(peak) : Math.round(peak * 10) / 10 }),
      regions.length ? t("where", { list: nameList(regions, 5, "and", locale) }) : "",
      symptoms.length ? t("what", { list: nameList(symptoms, 5, "and", locale) }) : "",
    ]
      .filter(Boolean)
      .join(" "),
    url: sitePage(origin, locale, `/incidents/${incident.id}`),
    locale,
  };
}

/**
 * Many subscribed services changing at once (one upstream failure can take out dozens): one
 * message naming them all, instead of one each.
 */
export function digestMessage(
  changes: { change: AlertChange; incident: AlertIncident }[],
  origin: string,
  locale: Locale = "en",
): AlertMessage {
  const t = translator(locale, "AlertMessages");
  const down = changes.filter((c) => c.change !== "resolved").map((c) => c.incident.service.name);
  const back = changes.filter((c) => c.change === "resolved").map((c) => c.incident.service.name);
  const parts = [
    down.length ? t("digestDown", { list: nameList(down, 10, "and", locale) }) : "",
    back.length ? t("digestBack", { list: nameList(back, 10, "and", locale) }) : "",
    down.length > 2 ? t("digestShared") : "",
  ];
  const title =
    down.length && back.length
      ? t("digestBoth", { down: down.length, back: back.length })
      : down.length
        ? t("digestDownTitle", { down: down.length })
        : t("digestBackTitle", { back: back.length });
  return { title, body: parts.filter(Boolean).join(" "), url: sitePage(origin, locale, "/"), locale };
}

/** The first message a chat or push channel gets: it proves the channel works, and says what will come. */
export function welcomeMessage(
  what: { services: string[]; level: "possible" | "outage"; countries: string[]; firstSlug: string },
  origin: string,
  locale: Locale,
): AlertMessage {
  const t = translator(locale, "AlertMessages");
  const names = nameList(what.services, 5, "and", locale);
  const countries = nameList(
    what.countries.map((c) => regionNameIn(c, locale)),
    5,
    "and",
    locale,
  );
  return {
    title: t("welcomeTitle"),
    body: what.countries.length
      ? t("welcomeIn", { level: what.level, names, countries })
      : t("welcome", { level: what.level, names }),
    url: sitePage(origin, locale, `/status/${what.firstSlug}`),
    locale,
  };
}
