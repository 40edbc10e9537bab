import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SubscribeForm } from "@/components/alerts/subscribe-form";
import { WithMessages } from "@/components/with-messages";
import { localeAlternates } from "@/lib/i18n/alternates";
import { pageLocale } from "@/lib/i18n/routing";
import { alertSecrets } from "@/lib/alerts/links";
import { vapidKeys } from "@/lib/alerts/vapid";
import { CATEGORIES } from "@/lib/catalog/constants";
import { getDb, getReadDb } from "@/lib/db";
import { countriesIn } from "@/lib/regions/regions";
import { cachedServicesOverview } from "@/lib/services/queries";
import { subscribeAction } from "./actions";
import styles from "./alerts.module.css";

export async function generateMetadata({ params }: PageProps<"/[locale]/alerts">): Promise<Metadata> {
  const locale = pageLocale((await params).locale);
  const t = await getTranslations({ locale, namespace: "AlertPages" });
  return { title: t("title"), description: t("description"), alternates: localeAlternates("/alerts", locale) };
}

export default async function AlertsPage({ params, searchParams }: PageProps<"/[locale]/alerts">) {
  const locale = pageLocale((await params).locale);
  const wanted = (await searchParams).service;
  const chosen = (Array.isArray(wanted) ? wanted : wanted ? [wanted] : []).slice(0, 50);
  const [services, keys, t, categories] = await Promise.all([
    cachedServicesOverview(getReadDb()),
    // The push identity is made on first use, so this reads (and may write) the primary.
    vapidKeys(getDb(), alertSecrets().targets),
    getTranslations({ locale, namespace: "AlertPages" }),
    getTranslations({ locale, namespace: "Categories" }),
  ]);
  const groups = CATEGORIES.map((c) => ({
    label: categories(c.slug),
    services: services
      .filter((s) => s.category === c.slug)
      .map((s) => ({ slug: s.slug, name: s.name }))
      .sort((a, b) => a.name.localeCompare(b.name, locale)),
  })).filter((g) => g.services.length);
  const names = services.filter((s) => chosen.includes(s.slug)).map((s) => s.name);

  return (
    <>
      <h1>{names.length === 1 ? t("headingOne", { name: names[0]! }) : t("heading")}</h1>
      <p>{t("lead")}</p>
      <div className={`card ${styles.narrow}`}>
        <WithMessages namespaces={["Subscribe"]}>
          <SubscribeForm
            action={subscribeAction}
            groups={groups}
            chosen={chosen}
            countries={countriesIn(locale)}
            pushKey={keys.publicKey}
          />
        </WithMessages>
      </div>
    </>
  );
}
