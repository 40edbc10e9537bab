"use client";

import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import { SUBSCRIBE_IDLE, type SubscribeFormState } from "@/lib/alerts/form-state";
import { ALERT_LEVEL_LABELS, ALERT_LEVELS, CHANNEL_LABELS, type AlertChannel } from "@/lib/alerts/levels";
import { browserPushSubscription } from "./push-subscription";
import styles from "./subscribe-form.module.css";
import parts from "../form-parts.module.css";
import { FieldError } from "../field-error";

interface Option {
  slug: string;
  name: string;
}

const CHANNEL_HINTS: Record<AlertChannel, string> = {
  email: "We send a confirmation link first; nothing else until you open it.",
  push: "Your browser asks for permission; alerts arrive even when this site is closed.",
  slack: "An incoming webhook URL from Slack (https://hooks.slack.com/…). We post a test message first.",
  discord: "A channel webhook URL from Discord (https://discord.com/api/webhooks/…). We post a test message first.",
  teams: "An incoming webhook or Workflows URL from Microsoft Teams. We post a test message first.",
  webhook: "Any https URL: we POST signed JSON, as our webhooks do. We post a test message first.",
};

/**
 * Services, level, an optional country and a channel. Works as a plain POST without JavaScript for
 * e-mail and chat; browser notifications need it (the browser makes the push subscription).
 */
export function SubscribeForm({
  action,
  groups,
  chosen,
  countries,
  pushKey,
}: {
  action: (previous: SubscribeFormState, form: FormData) => Promise<SubscribeFormState>;
  groups: { label: string; services: Option[] }[];
  chosen: string[];
  countries: { code: string; name: string }[];
  /** The server's VAPID public key, for the browser's push subscription. */
  pushKey: string;
}) {
  const [state, formAction, pending] = useActionState(action, SUBSCRIBE_IDLE);
  const values = state.kind === "error" ? state.values : {};
  const errors = state.kind === "error" ? state.fields : {};
  const [filter, setFilter] = useState("");
  const [pushProblem, setPushProblem] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const initial = Array.isArray(values.services) ? values.services : chosen;
  const selected = new Set(initial);
  const [picked, setPicked] = useState(initial);
  const names = new Map(groups.flatMap((g) => g.services.map((s) => [s.slug, s.name] as const)));
  const toggle = (slug: string, on: boolean) =>
    setPicked((now) => (on ? [...now.filter((s) => s !== slug), slug] : now.filter((s) => s !== slug)));
  const channel = (typeof values.channel === "string" && values.channel) || "email";

  useEffect(() => {
    if (state.kind !== "idle") noticeRef.current?.focus();
  }, [state]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    const form = event.currentTarget;
    const data = new FormData(form);
    if (data.get("channel") !== "push") return;
    // The browser must make the subscription first; then the form goes as usual.
    event.preventDefault();
    setPushProblem(null);
    const made = await browserPushSubscription(pushKey);
    if (typeof made === "string") {
      setPushProblem(made);
      noticeRef.current?.focus();
      return;
    }
    data.set("push", JSON.stringify(made));
    startTransition(() => formAction(data));
  }

  const describedBy = (field: string, hint?: string) =>
    [errors[field] ? `${field}-error` : null, hint].filter(Boolean).join(" ") || undefined;
  const matches = (s: Option) => !filter || s.name.toLowerCase().includes(filter.trim().toLowerCase());

  return (
    <form
      action={formAction}
      onSubmit={(e) => void submit(e)}
      className="form"
      aria-labelledby="subscribe-heading"
      id="subscribe"
      data-testid="subscribe-form"
    >
      <h2 id="subscribe-heading">Get an alert when something breaks</h2>
      <div ref={noticeRef} tabIndex={-1} aria-live="polite" className={parts["notice-slot"]}>
        {state.kind === "done" ? <Done state={state} /> : null}
        {state.kind === "error" || pushProblem ? (
          <div className={`notice ${parts["notice-error"]}`} role="alert">
            <strong>{pushProblem ?? (state.kind === "error" ? state.message : "")}</strong>
          </div>
        ) : null}
      </div>

      <fieldset aria-describedby={describedBy("services", "services-hint")}>
        <legend>Services</legend>
        <p className={styles.picked} aria-live="polite" data-testid="picked">
          {picked.length ? `Chosen: ${picked.map((slug) => names.get(slug) ?? slug).join(", ")}` : "None chosen yet"}
        </p>
        <label className="label" htmlFor="service-filter">
          <span className="visually-hidden">Find a service</span>
        </label>
        <input
          id="service-filter"
          type="search"
          placeholder="Find a service"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          autoComplete="off"
        />
        <div className={styles.services}>
          {groups.map((g) => {
            const shown = g.services.filter((s) => matches(s) || selected.has(s.slug));
            return shown.length ? (
              <div key={g.label} role="group" aria-label={g.label}>
                <p className={styles["group-label"]} aria-hidden="true">
                  {g.label}
                </p>
                <div className={`${parts.choices} ${styles.choices}`}>
                  {g.services.map((s) => (
                    <label className={parts.choice} key={s.slug} hidden={!shown.includes(s)}>
                      <input
                        type="checkbox"
                        name="services"
                        value={s.slug}
                        defaultChecked={selected.has(s.slug)}
                        onChange={(e) => toggle(s.slug, e.target.checked)}
                      />
                      {s.name}
                    </label>
                  ))}
                </div>
              </div>
            ) : null;
          })}
        </div>
        <p className="hint" id="services-hint">
          Choose one or more; when several break at once you get one message, not one each.
        </p>
        <FieldError id="services-error" message={errors.services} />
      </fieldset>

      <fieldset>
        <legend>Tell me about</legend>
        <div className={`${parts.choices} ${styles.choices}`}>
          {ALERT_LEVELS.map((level) => (
            <label className={parts.choice} key={level}>
              <input type="radio" name="level" value={level} defaultChecked={(values.level || "possible") === level} />
              {ALERT_LEVEL_LABELS[level]}
            </label>
          ))}
        </div>
      </fieldset>

      <div>
        <label className="label" htmlFor="subscribe-country">
          Only problems in <span className="muted">(optional)</span>
        </label>
        <select
          id="subscribe-country"
          name="country"
          defaultValue={typeof values.country === "string" ? values.country : ""}
          aria-describedby={describedBy("countries")}
        >
          <option value="">Any country</option>
          {countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
        <FieldError id="countries-error" message={errors.countries} />
      </div>

      <fieldset className={styles.channels} aria-describedby={describedBy("channel")}>
        <legend>Send alerts by</legend>
        <div className={`${parts.choices} ${styles.choices}`}>
          {(Object.keys(CHANNEL_LABELS) as AlertChannel[]).map((c) => (
            <label className={parts.choice} key={c}>
              <input type="radio" name="channel" value={c} defaultChecked={channel === c} />
              {CHANNEL_LABELS[c]}
            </label>
          ))}
        </div>
        <FieldError id="channel-error" message={errors.channel ?? errors.push} />
        {(Object.keys(CHANNEL_HINTS) as AlertChannel[]).map((c) => (
          <p className={`hint ${styles.only}`} data-channel={c} key={c}>
            {CHANNEL_HINTS[c]}
          </p>
        ))}
      </fieldset>

      <div className={styles.only} data-channel="email">
        <label className="label" htmlFor="subscribe-email">
          E-mail address
        </label>
        <input
          id="subscribe-email"
          type="email"
          name="email"
          autoComplete="email"
          defaultValue={typeof values.email === "string" ? values.email : ""}
          aria-invalid={errors.email ? true : undefined}
          aria-describedby={describedBy("email")}
        />
        <FieldError id="email-error" message={errors.email} />
      </div>
      <div className={styles.only} data-channel="chat">
        <label className="label" htmlFor="subscribe-url">
          Webhook URL
        </label>
        <input
          id="subscribe-url"
          type="url"
          name="url"
          inputMode="url"
          placeholder="https://"
          defaultValue={typeof values.url === "string" ? values.url : ""}
          aria-invalid={errors.url ? true : undefined}
          aria-describedby={describedBy("url")}
        />
        <FieldError id="url-error" message={errors.url} />
      </div>

      <button className="button" type="submit" disabled={pending}>
        {pending ? "Sending…" : "Notify me"}
      </button>
      <p className="hint">
        No account: every message has a link to change or stop your alerts. Addresses are kept encrypted and deleted
        when you unsubscribe.
      </p>
    </form>
  );
}

function Done({ state }: { state: Extract<SubscribeFormState, { kind: "done" }> }) {
  const { accepted } = state;
  if (accepted.status === "confirmation_sent")
    return (
      <div className={`notice ${parts["notice-ok"]}`} data-testid="subscribe-result">
        <strong>Check your inbox.</strong>
        <p>
          We sent you a confirmation link. Your alerts start when you open it; it works for 24 hours, and nothing else
          is sent until then.
        </p>
        {state.outbox ? (
          <p>
            This server has no mail relay set up, so the e-mail waits on its <a href="/alerts/outbox">outbox page</a>.
          </p>
        ) : null}
      </div>
    );
  return (
    <div className={`notice ${parts["notice-ok"]}`} data-testid="subscribe-result">
      <strong>Alerts are on.</strong>
      <p>We sent a test message{state.channel === "push" ? " to this browser" : " to your channel"}.</p>
      <p>
        Keep this link to see what was sent or to stop the alerts: <a href={accepted.manageUrl}>manage your alerts</a>.
      </p>
      {accepted.secret ? (
        <p>
          Signing secret (shown only now): <code data-testid="webhook-secret">{accepted.secret}</code>
        </p>
      ) : null}
    </div>
  );
}
