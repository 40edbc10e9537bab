import type { Metadata } from "next";
import { SubscribeForm } from "@/components/alerts/subscribe-form";
import { alertSecrets } from "@/lib/alerts/links";
import { vapidKeys } from "@/lib/alerts/vapid";
import { CATEGORIES } from "@/lib/catalog/constants";
import { getDb, getReadDb } from "@/lib/db";
import { COUNTRIES } from "@/lib/regions/regions";
import { cachedServicesOverview } from "@/lib/services/queries";
import { subscribeAction } from "./actions";
import styles from "./alerts.module.css";

export const metadata: Metadata = {
  title: "Outage alerts by e-mail, push or chat",
  description:
    "Get a message when services you depend on have problems, and when they recover: by e-mail, browser notification, Slack, Discord, Teams or a signed webhook. No account needed.",
  alternates: { canonical: "/alerts" },
};

export default async function AlertsPage({ searchParams }: PageProps<"/[locale]/alerts">) {
  const wanted = (await searchParams).service;
  const chosen = (Array.isArray(wanted) ? wanted : wanted ? [wanted] : []).slice(0, 50);
  const [services, keys] = await Promise.all([
    cachedServicesOverview(getReadDb()),
    // The push identity is made on first use, so this reads (and may write) the primary.
    vapidKeys(getDb(), alertSecrets().targets),
  ]);
  const groups = CATEGORIES.map((c) => ({
    label: c.label,
    services: services
      .filter((s) => s.category === c.slug)
      .map((s) => ({ slug: s.slug, name: s.name }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  })).filter((g) => g.services.length);
  const names = services.filter((s) => chosen.includes(s.slug)).map((s) => s.name);

  return (
    <>
      <h1>{names.length === 1 ? `${names[0]} outage alerts` : "Outage alerts"}</h1>
      <p>
        Hear about problems the moment the crowd reports them, and again when they are over — one message per change,
        never a stream.
      </p>
      <div className={`card ${styles.narrow}`}>
        <SubscribeForm
          action={subscribeAction}
          groups={groups}
          chosen={chosen}
          countries={COUNTRIES.map((c) => ({ code: c.code, name: c.name }))}
          pushKey={keys.publicKey}
        />
      </div>
    </>
  );
}
