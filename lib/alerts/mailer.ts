import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import type { Db } from "@/db/client";
import { localMail } from "@/db/schema";
import { config } from "@/lib/config";

/** One e-mail, ready to send: both parts and the headers it needs. */
export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

export interface Mailer {
  /** smtp: sent to the relay; outbox: kept for the outbox page because no SMTP_URL is set. */
  readonly kind: "smtp" | "outbox";
  /** Resolves once the relay accepted the message (or the outbox kept it); rejects otherwise. */
  send(mail: Mail): Promise<void>;
}

const SMTP_TIMEOUT_MS = 10_000;
const transports = new Map<string, Transporter>();

/** The From address: MAIL_FROM, else alerts@ the public host. */
export function mailFrom(cfg = config()): string {
  if (cfg.MAIL_FROM) return cfg.MAIL_FROM;
  const host = cfg.PUBLIC_URL ? new URL(cfg.PUBLIC_URL).hostname : "localhost";
  return `Outage Radar <alerts@${host}>`;
}

/** Sends through SMTP_URL's relay when it is set; else keeps each message in the local outbox. */
export function createMailer(db: Db, cfg = config()): Mailer {
  const url = cfg.SMTP_URL;
  if (!url) {
    return {
      kind: "outbox",
      async send(mail) {
        await db.insert(localMail).values(mail);
      },
    };
  }
  let transport = transports.get(url);
  if (!transport) {
    transport = nodemailer.createTransport({
      url,
      connectionTimeout: SMTP_TIMEOUT_MS,
      greetingTimeout: SMTP_TIMEOUT_MS,
      socketTimeout: SMTP_TIMEOUT_MS,
    });
    transports.set(url, transport);
  }
  const from = mailFrom(cfg);
  const smtp = transport;
  return {
    kind: "smtp",
    async send(mail) {
      await smtp.sendMail({ from, ...mail });
    },
  };
}
