import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { IntentLink } from "@/components/intent-link";
import { CategoryChips } from "@/components/category-chips";
import { CompareTable } from "@/components/compare-table";
import { DowntimeChart } from "@/components/downtime-chart";
import { getReadDb } from "@/lib/db";
import { pageLocale } from "@/lib/i18n/routing";
import { localeAlternates } from "@/lib/i18n/alternates";
import { CATEGORY_SLUGS, type CategorySlug } from "@/lib/catalog/constants";
import { cachedCompareServices, COMPARE_PERIODS } from "@/lib/services/compare";

export async function generateMetadata({ params }: PageProps<"/[locale]/compare">): Promise<Metadata> {
  const locale = pageLocale((await params).locale);
  const t = await getTranslations({ locale, namespace: "Compare" });
  return { title: t("metaTitle"), description: t("metaDescription"), alternates: localeAlternates("/compare", locale) };
}

export default async function ComparePage({ params, searchParams }: PageProps<"/[locale]/compare">) {
  const locale = pageLocale((await params).locale);
  const t = await getTranslations({ locale, namespace: "Compare" });
  const raw = await searchParams;
  const period = COMPARE_PERIODS.find((p) => p.key === raw.period) ?? COMPARE_PERIODS[1];
  const category = CATEGORY_SLUGS.includes(raw.category as CategorySlug) ? (raw.category as CategorySlug) : null;
  const rows = await cachedCompareServices(getReadDb(), period.days, category);
  const worst = rows
    .filter((r) => r.downtimeMinutes > 0)
    .slice(0, 10)
    .map((r) => ({ name: r.name, hours: Math.round((r.downtimeMinutes / 60) * 10) / 10 }));
  const href = (p: string, c: string | null) => `/compare?period=${p}${c ? `&category=${c}` : ""}`;
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      <nav aria-label={t("periodNav")}>
        <ul className="chips">
          {COMPARE_PERIODS.map((p) => (
            <li key={p.key}>
              <IntentLink
                className="chip"
                href={href(p.key, category)}
                aria-current={p.key === period.key ? "page" : undefined}
              >
                {t("period", { period: p.key })}
              </IntentLink>
            </li>
          ))}
        </ul>
      </nav>
      <CategoryChips
        label={t("category")}
        current={category}
        href={(c) => href(period.key, c as CategorySlug | null)}
      />
      <section className="card" aria-labelledby="worst-heading" style={{ marginTop: "1rem" }}>
        <h2 id="worst-heading">{t("worstHeading", { period: period.key })}</h2>
        {worst.length === 0 ? (
          <p className="muted">{t("noIncidents")}</p>
        ) : (
          <DowntimeChart
            data={worst}
            words={{ label: t("chartLabel"), downtime: t("downtime"), hoursUnit: t("hoursUnit") }}
          />
        )}
      </section>
      <section className="card" aria-labelledby="all-heading">
        <h2 id="all-heading">{t("allHeading")}</h2>
        <CompareTable
          rows={rows}
          caption={t("caption", { period: period.key })}
          columns={{
            name: t("columns.name"),
            incidents: t("columns.incidents"),
            downtimeMinutes: t("columns.downtimeMinutes"),
            downtimePerYearMinutes: t("columns.downtimePerYearMinutes"),
            medianResolveMinutes: t("columns.medianResolveMinutes"),
            reporters: t("columns.reporters"),
          }}
        />
      </section>
    </>
  );
}
