import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { Breadcrumb } from "@/components/breadcrumb";
import { IncidentList } from "@/components/incident-list";
import { IntentLink } from "@/components/intent-link";
import { CountryServiceTable } from "@/components/country-service-table";
import { getReadDb } from "@/lib/db";
import { pageLocale } from "@/lib/i18n/routing";
import { localeAlternates } from "@/lib/i18n/alternates";
import { listIncidents } from "@/lib/incidents/queries";
import { cachedCountryServices } from "@/lib/regions/country-services";
import { countryNameIn, country as findCountry } from "@/lib/regions/regions";
import { nameList } from "@/lib/text/name-list";

export async function generateMetadata({ params }: PageProps<"/[locale]/country/[code]">): Promise<Metadata> {
  const p = await params;
  const locale = pageLocale(p.locale);
  const t = await getTranslations({ locale, namespace: "Country" });
  const c = findCountry(p.code.toUpperCase());
  if (!c) return { title: t("notFound") };
  const country = countryNameIn(c.code, locale);
  return {
    title: t("metaTitle", { country }),
    description: t("metaDescription", { country }),
    alternates: localeAlternates(`/country/${c.code.toLowerCase()}`, locale),
  };
}

export default async function CountryHomePage({ params }: PageProps<"/[locale]/country/[code]">) {
  await connection();
  const p = await params;
  const locale = pageLocale(p.locale);
  const c = findCountry(p.code.toUpperCase());
  if (!c) notFound();
  const t = await getTranslations({ locale, namespace: "Country" });
  const country = countryNameIn(c.code, locale);
  const db = getReadDb();
  const [services, incidents] = await Promise.all([
    cachedCountryServices(db, c.code),
    listIncidents(db, { country: c.code }, 1, 10),
  ]);
  const list = (rows: typeof services) => nameList(rows.map((s) => s.name), 5, "and", locale);
  const unusual = services.filter((s) => s.band === "high" || s.band === "severe");
  const above = services.filter((s) => s.band === "elevated");

  return (
    <>
      <Breadcrumb trail={[]} current={country} />
      <h1>{t("title", { country })}</h1>
      <p data-testid="country-summary">
        {unusual.length > 0 ? t("unusual", { country, list: list(unusual) }) : t("nothing", { country })}
        {above.length > 0 ? ` ${t("alsoAbove", { list: list(above) })}` : ""}
      </p>
      <p>
        <IntentLink href={`/map/${c.code}`}>{t("mapLink", { country })}</IntentLink>
      </p>

      <section className="section" aria-labelledby="services-heading">
        <h2 id="services-heading">{t("servicesHeading")}</h2>
        <p className="muted">{t("servicesIntro", { country })}</p>
        <CountryServiceTable rows={services} caption={t("tableCaption", { country })} />
      </section>

      <section className="section" aria-labelledby="incidents-heading">
        <h2 id="incidents-heading">{t("incidentsHeading", { country })}</h2>
        <IncidentList
          items={incidents.items}
          caption={t("incidentsHeading", { country })}
          empty={t("incidentsEmpty", { country })}
        />
      </section>
    </>
  );
}
