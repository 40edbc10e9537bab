import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { config } from "@/lib/config";
import { getDb } from "@/lib/db";
import { outboxMail } from "@/lib/alerts/view";
import { formatUtcTime } from "@/lib/text/format";
import { MailText } from "@/components/alerts/mail-text";
import styles from "../alerts.module.css";

export const metadata: Metadata = { title: "Outbox", robots: { index: false } };

/** Without SMTP_URL (the demo), e-mails wait here instead of being sent, for a day. */
export default async function OutboxPage() {
  await connection();
  if (config().SMTP_URL) notFound();
  const mails = await outboxMail(getDb());
  return (
    <>
      <h1>Outbox</h1>
      <p>
        This server has no <code>SMTP_URL</code>, so the e-mails it would send are kept here for a day instead. Set{" "}
        <code>SMTP_URL</code> to send them.
      </p>
      {mails.length ? (
        mails.map((m) => (
          <article className="card" key={m.id} aria-labelledby={`mail-${m.id}`}>
            <h2 id={`mail-${m.id}`}>{m.subject}</h2>
            <p className="muted">
              To {m.to}, {formatUtcTime(m.createdAt.toISOString(), true)}
            </p>
            <MailText text={m.text} className={styles.mail} />
          </article>
        ))
      ) : (
        <div className="card">
          <p>No e-mails yet.</p>
        </div>
      )}
    </>
  );
}
