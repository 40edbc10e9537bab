import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/intent-link";
import { ALERT_LEVEL_LABELS } from "@/lib/alerts/levels";
import { pendingSummary } from "@/lib/alerts/view";
import { getReadDb } from "@/lib/db";
import { countryName } from "@/lib/regions/regions";
import { formatUtcTime } from "@/lib/text/format";
import { nameList } from "@/lib/text/name-list";
import { confirmAction } from "../actions";

export const metadata: Metadata = { title: "Confirm your alerts", robots: { index: false } };

/** Opening the link shows what it would start; only the button starts it (mail scanners open links too). */
export default async function ConfirmPage({ searchParams }: PageProps<"/[locale]/alerts/confirm">) {
  const raw = (await searchParams).token;
  const token = typeof raw === "string" ? raw : "";
  const pending = token ? await pendingSummary(getReadDb(), token) : null;
  if (pending === null || pending === "expired")
    return (
      <>
        <h1>{pending === "expired" ? "This link has expired" : "This link does not work"}</h1>
        <div className="card">
          <p>
            {pending === "expired"
              ? "Confirmation links work for 24 hours, and we forgot the request after that."
              : "It may have been cut short when it was copied. Try opening it straight from the e-mail."}
          </p>
          <p className="links">
            <Link href="/alerts">Subscribe again</Link>
          </p>
        </div>
      </>
    );
  return (
    <>
      <h1>Confirm your alerts</h1>
      <div className="card">
        <p>
          Send alerts to <strong>{pending.email}</strong> about {nameList(pending.services)}:{" "}
          {ALERT_LEVEL_LABELS[pending.level].toLowerCase()}
          {pending.countries.length ? ` in ${nameList(pending.countries.map(countryName))}` : ""}.
        </p>
        <form action={confirmAction} className="form">
          <input type="hidden" name="token" value={token} />
          <button className="button" type="submit">
            Confirm alerts
          </button>
        </form>
        <p className="hint">
          This link works until {formatUtcTime(pending.expiresAt, true)}. If you did not ask for alerts, close this
          page.
        </p>
      </div>
    </>
  );
}
