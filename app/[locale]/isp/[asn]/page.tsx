import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { connection } from "next/server";
import { Breadcrumb } from "@/components/breadcrumb";
import { IntentLink } from "@/components/intent-link";
import { LocalTime } from "@/components/local-time";
import { StatusIcon } from "@/components/status-icon";
import { getReadDb } from "@/lib/db";
import { pathId } from "@/lib/http/path-id";
import { localeAlternates } from "@/lib/i18n/alternates";
import { pageLocale } from "@/lib/i18n/routing";
import { networkPage } from "@/lib/isp/queries";
import { MIN_SERVICES, OPEN_RATIO, WINDOW_MINUTES } from "@/lib/isp/detect";
import { MIN_REGION_REPORTERS } from "@/lib/regions/anomaly";
import { formatDuration } from "@/lib/text/duration";
import { formatCount } from "@/lib/text/format";
import { nameList } from "@/lib/text/name-list";
import { NetworkDataCredit } from "@/components/network-data-credit";
import styles from "./page.module.css";

export async function generateMetadata({ params }: PageProps<"/[locale]/isp/[asn]">): Promise<Metadata> {
  const p = await params;
  const locale = pageLocale(p.locale);
  const t = await getTranslations({ locale, namespace: "IspPage" });
  const asn = pathId(p.asn);
  const page = asn === undefined ? null : await networkPage(getReadDb(), asn);
  if (!page) return { title: t("notFound") };
  return {
    title: t("title", { name: page.name }),
    description: t("description", { name: page.name, asn: String(page.asn) }),
    alternates: localeAlternates(`/isp/${page.asn}`, locale),
  };
}

/** A network operator, like a service: whether its users are in trouble now, and when they were. */
export default async function NetworkOperatorPage({ params }: PageProps<"/[locale]/isp/[asn]">) {
  await connection();
  const p = await params;
  const locale = pageLocale(p.locale);
  const asn = pathId(p.asn);
  const page = asn === undefined ? null : await networkPage(getReadDb(), asn);
  if (!page) notFound();
  const t = await getTranslations({ locale, namespace: "IspPage" });
  const name = page.name;
  const level = page.open ? "possible" : "ok";
  return (
    <>
      <Breadcrumb trail={[]} current={name} />
      <h1>{t("heading", { name })}</h1>
      <p className="muted">{t("network", { fullName: page.fullName, asn: String(page.asn) })}</p>
      <section
        className={`${styles.banner} level-${level}`}
        aria-label={t("current")}
        data-testid="isp-status"
        data-level={level}
      >
        <p role="status">
          <span className={`level-${level}`}>
            <StatusIcon level={level} size={22} />
          </span>{" "}
          {page.open
            ? t.rich("open", {
                name,
                count: page.open.services.length,
                list: nameList(
                  page.open.services.map((s) => s.name),
                  5,
                  "and",
                  locale,
                ),
                strong: (chunks) => <strong>{chunks}</strong>,
                since: () => <LocalTime iso={page.open!.startedAt.toISOString()} />,
              })
            : t.rich("quiet", { name, strong: (chunks) => <strong>{chunks}</strong> })}
        </p>
      </section>

      <section className="card" aria-labelledby="hour-heading">
        <h2 id="hour-heading">{t("hourHeading")}</h2>
        {page.lastHour.length ? (
          <div className="data-table-wrap" tabIndex={0} role="region" aria-labelledby="hour-caption">
            <table className="data" data-testid="isp-services">
              <caption id="hour-caption">{t("hourCaption", { name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("service")}</th>
                  <th scope="col" className="num">
                    {t("reporting")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {page.lastHour.map((s) => (
                  <tr key={s.slug}>
                    <th scope="row">
                      <IntentLink href={`/status/${s.slug}`}>{s.name}</IntentLink>
                    </th>
                    <td className="num">{formatCount(s.reporters, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>{t("tooFew", { min: MIN_REGION_REPORTERS })}</p>
        )}
      </section>

      <section className="card" aria-labelledby="history-heading">
        <h2 id="history-heading">{t("historyHeading")}</h2>
        {page.recent.length ? (
          <div className="data-table-wrap" tabIndex={0} role="region" aria-labelledby="history-caption">
            <table className="data" data-testid="isp-incidents">
              <caption id="history-caption">{t("historyCaption", { name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("began")}</th>
                  <th scope="col">{t("lasted")}</th>
                  <th scope="col">{t("services")}</th>
                  <th scope="col" className="num">
                    {t("peak")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {page.recent.map((i) => (
                  <tr key={i.id}>
                    <td>
                      <LocalTime iso={i.startedAt.toISOString()} withDate />
                    </td>
                    <td>
                      {i.endedAt
                        ? formatDuration(Math.round((i.endedAt.getTime() - i.startedAt.getTime()) / 60_000), locale)
                        : t("ongoing")}
                    </td>
                    <td>
                      {nameList(
                        i.services.map((s) => s.name),
                        5,
                        "and",
                        locale,
                      )}
                    </td>
                    <td className="num">
                      {formatCount(i.peakReporters, locale)} ({formatCount(Math.round(i.expected), locale)})
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>{t("none", { name })}</p>
        )}
        <p className="muted">
          {t("rule", { minutes: WINDOW_MINUTES, services: MIN_SERVICES, ratio: OPEN_RATIO })} <NetworkDataCredit />
        </p>
      </section>
    </>
  );
}
