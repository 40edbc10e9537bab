import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { IntentLink as Link } from "@/components/intent-link";
import { pageLocale } from "@/lib/i18n/routing";
import { unsubscribeAction } from "../../actions";

export async function generateMetadata({
  params,
}: PageProps<"/[locale]/alerts/unsubscribe/[token]">): Promise<Metadata> {
  const t = await getTranslations({ locale: pageLocale((await params).locale), namespace: "AlertPages" });
  return { title: t("unsubscribe.title"), robots: { index: false } };
}

/** One button: opening the link alone changes nothing, since mail scanners open links too. */
export default async function UnsubscribePage({
  params,
  searchParams,
}: PageProps<"/[locale]/alerts/unsubscribe/[token]">) {
  const { token, locale: raw } = await params;
  const locale = pageLocale(raw);
  const t = await getTranslations({ locale, namespace: "AlertPages" });
  const done = (await searchParams).done;
  return (
    <>
      <h1>{done ? t("unsubscribe.done") : t("unsubscribe.title")}</h1>
      <div className="card">
        {done ? (
          <>
            <p role="status">{t("unsubscribe.doneBody")}</p>
            <p className="links">
              <Link href="/alerts">{t("unsubscribe.again")}</Link>
            </p>
          </>
        ) : (
          <form action={unsubscribeAction} className="form">
            <input type="hidden" name="token" value={token} />
            <input type="hidden" name="locale" value={locale} />
            <p>{t("unsubscribe.body")}</p>
            <button className="button" type="submit">
              {t("unsubscribe.button")}
            </button>
            <p className="links">
              <Link href={`/alerts/manage/${token}`}>{t("unsubscribe.instead")}</Link>
            </p>
          </form>
        )}
      </div>
    </>
  );
}
