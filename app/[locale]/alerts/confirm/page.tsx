import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { IntentLink as Link } from "@/components/intent-link";
import { CONFIRM_HOURS } from "@/lib/alerts/links";
import { pendingSummary } from "@/lib/alerts/view";
import { getReadDb } from "@/lib/db";
import { pageLocale } from "@/lib/i18n/routing";
import { countryNameIn } from "@/lib/regions/regions";
import { formatUtcTime } from "@/lib/text/format";
import { nameList } from "@/lib/text/name-list";
import { confirmAction } from "../actions";

export async function generateMetadata({ params }: PageProps<"/[locale]/alerts/confirm">): Promise<Metadata> {
  const t = await getTranslations({ locale: pageLocale((await params).locale), namespace: "AlertPages" });
  return { title: t("confirm.title"), robots: { index: false } };
}

/** Opening the link shows what it would start; only the button starts it (mail scanners open links too). */
export default async function ConfirmPage({ params, searchParams }: PageProps<"/[locale]/alerts/confirm">) {
  const locale = pageLocale((await params).locale);
  const t = await getTranslations({ locale, namespace: "AlertPages" });
  const raw = (await searchParams).token;
  const token = typeof raw === "string" ? raw : "";
  const pending = token ? await pendingSummary(getReadDb(), token) : null;
  if (pending === null || pending === "expired")
    return (
      <>
        <h1>{pending === "expired" ? t("confirm.expired") : t("confirm.broken")}</h1>
        <div className="card">
          <p>{pending === "expired" ? t("confirm.expiredBody", { hours: CONFIRM_HOURS }) : t("confirm.brokenBody")}</p>
          <p className="links">
            <Link href="/alerts">{t("confirm.again")}</Link>
          </p>
        </div>
      </>
    );
  const what = {
    email: pending.email,
    services: nameList(pending.services, 5, "and", locale),
    level: t("levelPhrase", { level: pending.level }),
    countries: nameList(
      pending.countries.map((c) => countryNameIn(c, locale)),
      5,
      "and",
      locale,
    ),
    strong: (chunks: React.ReactNode) => <strong>{chunks}</strong>,
  };
  return (
    <>
      <h1>{t("confirm.title")}</h1>
      <div className="card">
        <p>{t.rich(pending.countries.length ? "confirm.sendToIn" : "confirm.sendTo", what)}</p>
        <form action={confirmAction} className="form">
          <input type="hidden" name="token" value={token} />
          <input type="hidden" name="locale" value={locale} />
          <button className="button" type="submit">
            {t("confirm.button")}
          </button>
        </form>
        <p className="hint">{t("confirm.until", { time: formatUtcTime(pending.expiresAt, true, locale) })}</p>
      </div>
    </>
  );
}
