import type { Metadata } from "next";
import { IncidentList } from "@/components/incident-list";
import { Pagination } from "@/components/pagination";
import { getReadDb } from "@/lib/db";
import { CATEGORIES } from "@/lib/catalog/constants";
import { incidentQuery } from "@/lib/incidents/filter";
import { listIncidents } from "@/lib/incidents/queries";
import { serviceNames } from "@/lib/services/queries";
import { getTranslations } from "next-intl/server";
import { pageLocale } from "@/lib/i18n/routing";
import { localeAlternates } from "@/lib/i18n/alternates";
import styles from "./page.module.css";

export async function generateMetadata({ params }: PageProps<"/[locale]/incidents">): Promise<Metadata> {
  const locale = pageLocale((await params).locale);
  const t = await getTranslations({ locale, namespace: "IncidentHistory" });
  return {
    title: t("title"),
    description: t("metaDescription"),
    // Languages only: a filtered or later page is not a copy of the first, so it names no canonical.
    alternates: {
      languages: localeAlternates("/incidents", locale).languages,
      types: { "application/atom+xml": [{ url: "/incidents/feed.atom", title: t("feedTitle") }] },
    },
  };
}

const PAGE_SIZE = 25;

export default async function IncidentsPage({ params, searchParams }: PageProps<"/[locale]/incidents">) {
  const locale = pageLocale((await params).locale);
  const [t, categories, levels] = await Promise.all([
    getTranslations({ locale, namespace: "IncidentHistory" }),
    getTranslations({ locale, namespace: "Categories" }),
    getTranslations({ locale, namespace: "Levels" }),
  ]);
  const raw = await searchParams;
  const { filter, page } = incidentQuery(raw);
  const db = getReadDb();
  const [{ items, total }, names] = await Promise.all([listIncidents(db, filter, page, PAGE_SIZE), serviceNames(db)]);
  const value = (k: string) => (typeof raw[k] === "string" ? (raw[k] as string) : "");
  return (
    <>
      <h1>{t("title")}</h1>
      <form className={`${styles.filters} card`} method="get" role="search" aria-label={t("filters")}>
        <label>
          {t("service")}
          <select name="service" defaultValue={filter.service ?? ""}>
            <option value="">{t("allServices")}</option>
            {[...names]
              .sort((a, b) => a.name.localeCompare(b.name, locale))
              .map((s) => (
                <option key={s.slug} value={s.slug}>
                  {s.name}
                </option>
              ))}
          </select>
        </label>
        <label>
          {t("category")}
          <select name="category" defaultValue={filter.category ?? ""}>
            <option value="">{t("allCategories")}</option>
            {CATEGORIES.map((c) => (
              <option key={c.slug} value={c.slug}>
                {categories(c.slug)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("level")}
          <select name="level" defaultValue={filter.level ?? ""}>
            <option value="">{t("anyLevel")}</option>
            <option value="outage">{levels("outage.label")}</option>
            <option value="possible">{levels("possible.label")}</option>
          </select>
        </label>
        <label>
          {t("from")}
          <input type="date" name="from" defaultValue={value("from")} />
        </label>
        <label>
          {t("to")}
          <input type="date" name="to" defaultValue={value("to")} />
        </label>
        <button type="submit" className="button">
          {t("show")}
        </button>
      </form>
      <p className="muted" data-testid="incident-count" aria-live="polite">
        {t("count", { count: total })}
      </p>
      <IncidentList items={items} caption={t("caption")} />
      <Pagination
        page={page}
        pages={Math.ceil(total / PAGE_SIZE)}
        basePath="/incidents"
        params={{
          service: filter.service,
          category: filter.category,
          level: filter.level,
          from: value("from"),
          to: value("to"),
        }}
      />
    </>
  );
}
