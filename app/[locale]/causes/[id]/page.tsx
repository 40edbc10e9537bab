import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Breadcrumb } from "@/components/breadcrumb";
import { IntentLink } from "@/components/intent-link";
import { LocalTime } from "@/components/local-time";
import { getReadDb } from "@/lib/db";
import { pathId } from "@/lib/http/path-id";
import { localeAlternates } from "@/lib/i18n/alternates";
import { pageLocale } from "@/lib/i18n/routing";
import { isOfficialStatus } from "@/lib/official/types";
import { TOGETHER_MS, MIN_TOGETHER } from "@/lib/upstreams/correlate";
import { causeById } from "@/lib/upstreams/queries";
import { formatUtcDay } from "@/lib/text/format";

export async function generateMetadata({ params }: PageProps<"/[locale]/causes/[id]">): Promise<Metadata> {
  const p = await params;
  const locale = pageLocale(p.locale);
  const t = await getTranslations({ locale, namespace: "CausePage" });
  const id = pathId(p.id);
  const cause = id === undefined ? null : await causeById(getReadDb(), id);
  if (!cause) return { title: t("notFound") };
  return {
    title: t("title", {
      name: cause.name,
      count: cause.services.length,
      day: formatUtcDay(cause.startedAt.toISOString(), locale),
    }),
    description: t("description", { name: cause.name }),
    alternates: localeAlternates(`/causes/${cause.id}`, locale),
  };
}

/** One upstream event: which services broke together, when, and what the upstream itself said. */
export default async function CausePage({ params }: PageProps<"/[locale]/causes/[id]">) {
  const p = await params;
  const locale = pageLocale(p.locale);
  const id = pathId(p.id);
  const cause = id === undefined ? null : await causeById(getReadDb(), id);
  if (!cause) notFound();
  const [t, site, official] = await Promise.all([
    getTranslations({ locale, namespace: "CausePage" }),
    getTranslations({ locale, namespace: "Site" }),
    getTranslations({ locale, namespace: "Official" }),
  ]);
  const name = cause.name;
  const said = cause.official;
  const status = said && isOfficialStatus(said.status) ? official(`status.${said.status}`) : (said?.status ?? "");
  return (
    <>
      <Breadcrumb
        trail={[{ href: "/incidents", label: site("nav.incidents") }]}
        current={t("crumb", { name, day: formatUtcDay(cause.startedAt.toISOString(), locale) })}
      />
      <h1>{t("heading", { name, count: cause.services.length })}</h1>
      <p>
        {t.rich("summary", {
          name,
          ended: cause.endedAt ? "yes" : "no",
          kind: cause.kind,
          from: () => <LocalTime iso={cause.startedAt.toISOString()} withDate />,
          to: () => (cause.endedAt ? <LocalTime iso={cause.endedAt.toISOString()} withDate /> : null),
        })}
      </p>
      <section className="card" aria-labelledby="evidence-heading">
        <h2 id="evidence-heading">{t("evidence")}</h2>
        <ul data-testid="cause-evidence">
          <li>{t("together", { name, count: cause.services.length, minutes: TOGETHER_MS / 60_000 })}</li>
          {said ? (
            <li>
              {t.rich(said.title ? "officialSaidTitled" : "officialSaid", {
                name,
                status,
                title: said.title ?? "",
                strong: (chunks) => <strong>{chunks}</strong>,
                at: () => <LocalTime iso={said.at} withDate />,
              })}
            </li>
          ) : (
            <li>{t("officialQuiet", { name })}</li>
          )}
          {cause.crowdIncidentId ? (
            <li>
              {t.rich("crowd", {
                name,
                link: (chunks) => <IntentLink href={`/incidents/${cause.crowdIncidentId}`}>{chunks}</IntentLink>,
              })}
            </li>
          ) : null}
        </ul>
        <div className="data-table-wrap" tabIndex={0} role="region" aria-labelledby="cause-services-caption">
          <table className="data" data-testid="cause-services">
            <caption id="cause-services-caption">{t("caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("service")}</th>
                <th scope="col">{t("began")}</th>
                <th scope="col">{t("incident")}</th>
              </tr>
            </thead>
            <tbody>
              {cause.services.map((s) => (
                <tr key={s.incidentId}>
                  <th scope="row">
                    <IntentLink href={`/status/${s.slug}`}>{s.name}</IntentLink>
                  </th>
                  <td>
                    <LocalTime iso={s.startedAt.toISOString()} withDate />
                  </td>
                  <td>
                    <IntentLink href={`/incidents/${s.incidentId}`}>#{s.incidentId}</IntentLink>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="muted">{t("rule", { min: MIN_TOGETHER })}</p>
      </section>
    </>
  );
}
