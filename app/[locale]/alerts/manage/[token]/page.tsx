import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { IntentLink as Link } from "@/components/intent-link";
import { subscriptionView } from "@/lib/alerts/view";
import { getDb } from "@/lib/db";
import { pageLocale } from "@/lib/i18n/routing";
import { countryNameIn } from "@/lib/regions/regions";
import { formatUtcTime } from "@/lib/text/format";
import { nameList } from "@/lib/text/name-list";
import { dropServiceAction, unsubscribeAction } from "../../actions";
import styles from "../../alerts.module.css";

export async function generateMetadata({ params }: PageProps<"/[locale]/alerts/manage/[token]">): Promise<Metadata> {
  const t = await getTranslations({ locale: pageLocale((await params).locale), namespace: "AlertPages" });
  return { title: t("manage.title"), robots: { index: false } };
}

const CHANGES = ["opened", "escalated", "resolved"] as const;

/** Whoever holds the link sees what the subscription follows and what was sent, and can stop it. */
export default async function ManagePage({ params, searchParams }: PageProps<"/[locale]/alerts/manage/[token]">) {
  const { token, locale: raw } = await params;
  const locale = pageLocale(raw);
  const [t, channels] = await Promise.all([
    getTranslations({ locale, namespace: "AlertPages" }),
    getTranslations({ locale, namespace: "Subscribe" }),
  ]);
  const flags = await searchParams;
  // The primary: right after confirming or changing, a replica may not have the row yet.
  const view = await subscriptionView(getDb(), token);
  if (!view)
    return (
      <>
        <h1>{t("manage.noneTitle")}</h1>
        <div className="card">
          <p>{t("manage.noneBody")}</p>
          <p className="links">
            <Link href="/alerts">{t("manage.subscribe")}</Link>
          </p>
        </div>
      </>
    );
  const time = (iso: string) => formatUtcTime(iso, true, locale);
  const follows = {
    channel: channels(`channel.${view.channel}`),
    target: view.target,
    level: t("levelPhrase", { level: view.level }),
    countries: nameList(
      view.countries.map((c) => countryNameIn(c, locale)),
      5,
      "and",
      locale,
    ),
    since: time(view.createdAt),
    strong: (chunks: React.ReactNode) => <strong>{chunks}</strong>,
  };
  return (
    <>
      <h1>{t("manage.title")}</h1>
      {flags.confirmed ? (
        <div className="notice notice-info" role="status">
          <strong>{t("manage.on")}</strong>
          <p>{t("manage.keep")}</p>
        </div>
      ) : null}
      <section className="card" aria-labelledby="what-heading">
        <h2 id="what-heading">{t("manage.what")}</h2>
        <p>{t.rich(view.countries.length ? "manage.followsIn" : "manage.follows", follows)}</p>
        <ul className={styles.services}>
          {view.services.map((s) => (
            <li key={s.slug}>
              <form action={dropServiceAction}>
                <input type="hidden" name="token" value={token} />
                <input type="hidden" name="service" value={s.slug} />
                <input type="hidden" name="locale" value={locale} />
                <Link href={`/status/${s.slug}`}>{s.name}</Link>{" "}
                <button className={styles.stop} type="submit" aria-label={t("manage.stopLabel", { name: s.name })}>
                  {t("manage.stop")}
                </button>
              </form>
            </li>
          ))}
        </ul>
        <p className="links">
          <Link href="/alerts">{t("manage.add")}</Link>
        </p>
        <form action={unsubscribeAction}>
          <input type="hidden" name="token" value={token} />
          <input type="hidden" name="locale" value={locale} />
          <button className="button" type="submit">
            {t("manage.unsubscribeAll")}
          </button>
        </form>
      </section>
      <section className="card" aria-labelledby="log-heading">
        <h2 id="log-heading">{t("manage.sent")}</h2>
        {view.deliveries.length ? (
          <div className="data-table-wrap" tabIndex={0} role="region" aria-labelledby="log-heading">
            <table className="data">
              <caption className="visually-hidden">{t("manage.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("manage.when")}</th>
                  <th scope="col">{t("manage.service")}</th>
                  <th scope="col">{t("manage.change")}</th>
                  <th scope="col">{t("manage.message")}</th>
                  <th scope="col">{t("manage.sentAt")}</th>
                </tr>
              </thead>
              <tbody>
                {view.deliveries.map((d) => (
                  <tr key={d.id}>
                    <td>{time(d.changedAt)}</td>
                    <td>
                      <Link href={`/incidents/${d.incidentId}`}>{d.service}</Link>
                    </td>
                    <td>
                      {(CHANGES as readonly string[]).includes(d.change)
                        ? t(`manage.changes.${d.change as (typeof CHANGES)[number]}`)
                        : d.change}
                    </td>
                    <td>
                      {t(`manage.states.${d.state}`)}
                      {d.note ? `: ${d.note}` : ""}
                      {d.attempts > 1 ? ` ${t("manage.tries", { count: d.attempts })}` : ""}
                    </td>
                    <td>{d.sentAt ? time(d.sentAt) : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>{t("manage.nothing")}</p>
        )}
      </section>
    </>
  );
}
