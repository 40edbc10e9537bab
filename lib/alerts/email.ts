import escapeHtml from "escape-html";
import type { Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import type { AlertLevel } from "./levels";
import type { Mail } from "./mailer";
import type { AlertMessage } from "./message";

export interface AlertLinks {
  /** The subscription's page: what it follows and what was sent. */
  manage: string;
  /** A page whose one button unsubscribes (a link scanner opening it changes nothing). */
  unsubscribe: string;
  /** Where a mail client POSTs "List-Unsubscribe=One-Click" (RFC 8058). */
  oneClick: string;
}

/** A plain page (`footer` is HTML the caller built): readable in every client, no images, no tracking, no remote content. */
function page(
  locale: Locale,
  title: string,
  paragraphs: string[],
  button: { href: string; label: string },
  footer: string[],
) {
  const p = (html: string) => `<p style="margin:0 0 16px;line-height:1.5">${html}</p>`;
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${escapeHtml(title)}</title></head>
<body style="margin:0;padding:24px;background:#f4f5f7;font-family:system-ui,-apple-system,'Segoe UI',sans-serif;color:#1d2330">
<div style="max-width:560px;margin:0 auto;background:#fff;border-radius:8px;padding:24px">
<h1 style="font-size:20px;margin:0 0 16px">${escapeHtml(title)}</h1>
${paragraphs.map((t) => p(escapeHtml(t))).join("\n")}
<p style="margin:24px 0"><a href="${escapeHtml(button.href)}" style="background:#1f5fbf;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none;display:inline-block">${escapeHtml(button.label)}</a></p>
</div>
<div style="max-width:560px;margin:16px auto 0;font-size:13px;color:#4a5263">
${footer.map(p).join("\n")}
</div>
</body></html>`;
}

const link = (href: string, label: string) =>
  `<a href="${escapeHtml(href)}" style="color:#1f5fbf">${escapeHtml(label)}</a>`;

/** The double opt-in message: nothing else is sent to the address until its link is used. */
export function confirmationMail(
  to: string,
  what: { services: string[]; level: AlertLevel; countries: string[] },
  confirmUrl: string,
  hours: number,
  locale: Locale = "en",
): Mail {
  const t = translator(locale, "AlertMail");
  const subject = t("confirmSubject");
  const services = what.services.join(", ");
  const ask = what.countries.length
    ? t("confirmAskIn", { services, level: what.level, countries: what.countries.join(", ") })
    : t("confirmAsk", { services, level: what.level });
  const act = t("confirmAct", { hours });
  return {
    to,
    subject,
    text: `${ask}\n\n${act}\n\n${t("confirmLine", { url: confirmUrl })}\n`,
    html: page(locale, subject, [ask, act], { href: confirmUrl, label: t("confirmButton") }, [t("confirmFooter")]),
    headers: {},
  };
}

/**
 * An alert, in its message's language. The unsubscribe link works in one click, and the
 * List-Unsubscribe headers (RFC 2369, RFC 8058) let the mail client offer it too, as the large
 * providers require of bulk senders.
 */
export function alertMail(to: string, message: AlertMessage, links: AlertLinks): Mail {
  const t = translator(message.locale, "AlertMail");
  const footer = t("footer");
  return {
    to,
    subject: message.title,
    text: `${message.body}\n\n${t("details", { url: message.url })}\n\n--\n${footer}\n${t("manageLine", { url: links.manage })}\n${t("unsubscribeLine", { url: links.unsubscribe })}\n`,
    html: page(message.locale, message.title, [message.body], { href: message.url, label: t("seeDetails") }, [
      footer,
      `${link(links.manage, t("manage"))} · ${link(links.unsubscribe, t("unsubscribe"))}`,
    ]),
    headers: {
      "List-Unsubscribe": `<${links.oneClick}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
  };
}
