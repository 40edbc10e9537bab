import { CategoryChips } from "@/components/category-chips";
import { connection } from "next/server";
import { getReadDb } from "@/lib/db";
import { CATEGORIES } from "@/lib/catalog/constants";
import { cachedServicesOverview } from "@/lib/services/queries";
import { ServiceGrid, type ServiceCardData } from "@/components/service-card";
import { ServiceDirectory } from "@/components/service-directory";
import { directoryHref, directoryView } from "@/lib/catalog/directory";
import { directoryTexts } from "@/components/service-directory-texts";
import { formatCount } from "@/lib/text/format";
import { LiveRefresh } from "@/components/live-refresh";
import { cachedOpenCauses } from "@/lib/upstreams/queries";
import { CommonCause } from "@/components/common-causes";
import { cachedOpenIspIncidents } from "@/lib/isp/queries";
import { IspNotice } from "@/components/isp-notice";
import { cachedActiveCountries } from "@/lib/regions/country-services";
import { countryNameIn } from "@/lib/regions/regions";
import { getTranslations } from "next-intl/server";
import { pageLocale } from "@/lib/i18n/routing";
import { localeAlternates } from "@/lib/i18n/alternates";
import { IntentLink } from "@/components/intent-link";
import styles from "./page.module.css";

/** The home page follows every service's changes, re-drawn at most this often. */
const HOME_REFRESH_SECONDS = 30;
/** Countries linked from the home page: the busiest; every other one has its page too, reached from the map. */
const COUNTRY_LINKS = 24;

export async function generateMetadata({ params }: PageProps<"/[locale]">) {
  const locale = pageLocale((await params).locale);
  return { alternates: localeAlternates("/", locale) };
}

export default async function HomePage({ params: route, searchParams }: PageProps<"/[locale]">) {
  await connection();
  const locale = pageLocale((await route).locale);
  const t = await getTranslations({ locale, namespace: "Home" });
  const params = await searchParams;
  const q = typeof params.q === "string" ? params.q.slice(0, 100) : "";
  const category = CATEGORIES.some((c) => c.slug === params.category) ? (params.category as string) : null;
  const showAll = params.all === "1";
  const [all, causes, isps, countries] = await Promise.all([
    cachedServicesOverview(getReadDb()),
    cachedOpenCauses(getReadDb()),
    cachedOpenIspIncidents(getReadDb()),
    cachedActiveCountries(getReadDb()),
  ]);
  const cards: ServiceCardData[] = all.map(
    ({ slug, name, category: c, aliases, status, reportersLastHour, sparkline }) => ({
      slug,
      name,
      category: c,
      aliases,
      status,
      reportersLastHour,
      reportersLastHourText: formatCount(reportersLastHour, locale),
      sparkline,
    }),
  );
  const broken = cards.filter((s) => s.status !== "ok");
  const busiest = cards.filter((s) => s.status === "ok" && s.reportersLastHour > 0).slice(0, 6);
  const directory = directoryView(cards, { query: q, category, showAll });

  return (
    <>
      {/* eslint-disable-next-line react-hooks/purity -- a server component, drawn once per request: this is when */}
      <LiveRefresh seconds={HOME_REFRESH_SECONDS} drawnAt={Date.now()} />
      <section className="hero" aria-labelledby="hero-heading">
        <h1 id="hero-heading">{t("heading")}</h1>
        <p>{t("intro", { count: all.length })}</p>
        <form className="search" role="search" action="/search" method="get">
          {locale === "en" ? null : <input type="hidden" name="locale" value={locale} />}
          <label htmlFor="find-service" className="visually-hidden">
            {t("findLabel")}
          </label>
          <input
            id="find-service"
            type="search"
            name="q"
            list="service-names"
            placeholder={t("findPlaceholder")}
            autoComplete="off"
            required
          />
          <datalist id="service-names">
            {all.map((s) => (
              <option key={s.slug} value={s.name} />
            ))}
          </datalist>
          <button className="button" type="submit">
            {t("check")}
          </button>
        </form>
      </section>

      <section className="section" aria-labelledby="now-heading">
        <div className={styles["section-head"]}>
          <h2 id="now-heading">{t("nowHeading")}</h2>
        </div>
        {causes.map((c) => (
          <CommonCause key={c.id} cause={c} />
        ))}
        {isps.map((i) => (
          <IspNotice key={i.id} incident={i} />
        ))}
        {broken.length > 0 ? (
          <ServiceGrid services={broken} data-testid="broken-now" />
        ) : (
          <>
            <p className="notice notice-info" data-testid="broken-now">
              {t("noProblems")}
              {busiest.length > 0 ? ` ${t("busiest")}` : ""}
            </p>
            {busiest.length > 0 ? <ServiceGrid services={busiest} style={{ marginTop: "0.75rem" }} /> : null}
          </>
        )}
      </section>

      {countries.length > 0 ? (
        <section className="section" aria-labelledby="countries-heading">
          <h2 id="countries-heading">{t("countriesHeading")}</h2>
          <p className="muted">{t("countriesIntro")}</p>
          <ul className="chips" data-testid="country-links">
            {countries.slice(0, COUNTRY_LINKS).map((c) => (
              <li key={c.code}>
                <IntentLink className="chip" href={`/country/${c.code.toLowerCase()}`}>
                  {countryNameIn(c.code, locale)}
                </IntentLink>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className="section" aria-labelledby="all-heading">
        <h2 id="all-heading">{t("allHeading")}</h2>
        <CategoryChips
          label={t("categoriesLabel")}
          current={category}
          href={(c) => directoryHref({ q, category: c })}
        />
        <ServiceDirectory
          services={cards}
          initialQuery={q}
          category={category}
          initialShowAll={showAll}
          initialTexts={directoryTexts(await getTranslations({ locale, namespace: "Directory" }), locale, directory)}
        />
      </section>
    </>
  );
}
