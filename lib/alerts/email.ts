import escapeHtml from "escape-html";
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

const FOOTER = "You get this because you asked Outage Radar to tell you about these services.";

/** A plain page (`footer` is HTML the caller built): readable in every client, no images, no tracking, no remote content. */
function page(title: string, paragraphs: string[], button: { href: string; label: string }, footer: string[]) {
  const p = (html: string) => `<p style="margin:0 0 16px;line-height:1.5">${html}</p>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
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
  what: { services: string[]; level: string; countries: string[] },
  confirmUrl: string,
  hours: number,
): Mail {
  const subject = "Confirm your Outage Radar alerts";
  const ask = `Someone, hopefully you, asked Outage Radar to e-mail this address about problems at ${what.services.join(", ")} (${what.level.toLowerCase()}${what.countries.length ? `, in ${what.countries.join(", ")}` : ""}).`;
  const act = `To start the alerts, open the link below within ${hours} hours. If you did not ask, ignore this e-mail: nothing more will be sent and the address is not kept.`;
  return {
    to,
    subject,
    text: `${ask}\n\n${act}\n\nConfirm: ${confirmUrl}\n`,
    html: page(subject, [ask, act], { href: confirmUrl, label: "Confirm alerts" }, [
      "Outage Radar sends no other e-mail and keeps no address that was not confirmed.",
    ]),
    headers: {},
  };
}

/**
 * An alert. The unsubscribe link works in one click, and the List-Unsubscribe headers (RFC 2369, RFC
 * 8058) let the mail client offer it too, as the large providers require of bulk senders.
 */
export function alertMail(to: string, message: AlertMessage, links: AlertLinks): Mail {
  return {
    to,
    subject: message.title,
    text: `${message.body}\n\nDetails: ${message.url}\n\n--\n${FOOTER}\nManage or see what was sent: ${links.manage}\nUnsubscribe: ${links.unsubscribe}\n`,
    html: page(message.title, [message.body], { href: message.url, label: "See the details" }, [
      FOOTER,
      `${link(links.manage, "Manage your alerts")} · ${link(links.unsubscribe, "Unsubscribe")}`,
    ]),
    headers: {
      "List-Unsubscribe": `<${links.oneClick}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
  };
}
