import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { config } from "@/lib/config";
import { getDb } from "@/lib/db";
import { outboxMail } from "@/lib/alerts/view";
import { pageLocale } from "@/lib/i18n/routing";
import { formatUtcTime } from "@/lib/text/format";
import { MailText } from "@/components/alerts/mail-text";
import styles from "../alerts.module.css";

export async function generateMetadata({ params }: PageProps<"/[locale]/alerts/outbox">): Promise<Metadata> {
  const t = await getTranslations({ locale: pageLocale((await params).locale), namespace: "AlertPages" });
  return { title: t("outbox.title"), robots: { index: false } };
}

/** Without SMTP_URL (the demo), e-mails wait here instead of being sent, for a day. */
export default async function OutboxPage({ params }: PageProps<"/[locale]/alerts/outbox">) {
  await connection();
  if (config().SMTP_URL) notFound();
  const locale = pageLocale((await params).locale);
  const t = await getTranslations({ locale, namespace: "AlertPages" });
  const mails = await outboxMail(getDb());
  return (
    <>
      <h1>{t("outbox.title")}</h1>
      <p>{t.rich("outbox.body", { code: (chunks) => <code>{chunks}</code> })}</p>
      {mails.length ? (
        mails.map((m) => (
          <article className="card" key={m.id} aria-labelledby={`mail-${m.id}`}>
            <h2 id={`mail-${m.id}`}>{m.subject}</h2>
            <p className="muted">
              {t("outbox.to", { to: m.to, time: formatUtcTime(m.createdAt.toISOString(), true, locale) })}
            </p>
            <MailText text={m.text} className={styles.mail} />
          </article>
        ))
      ) : (
        <div className="card">
          <p>{t("outbox.none")}</p>
        </div>
      )}
    </>
  );
}
