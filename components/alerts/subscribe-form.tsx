"use client";

import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import { useLocale, useTranslations } from "next-intl";
import { SUBSCRIBE_IDLE, type SubscribeFormState } from "@/lib/alerts/form-state";
import { ALERT_CHANNELS, ALERT_LEVELS } from "@/lib/alerts/levels";
import { browserPushSubscription, type PushProblem } from "./push-subscription";
import styles from "./subscribe-form.module.css";
import parts from "../form-parts.module.css";
import { FieldError } from "../field-error";

interface Option {
  slug: string;
  name: string;
}

/** The URL field's placeholder: a scheme, the same in every language. */
const HTTPS = "https://";

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
  countries: readonly { code: string; name: string }[];
  /** The server's VAPID public key, for the browser's push subscription. */
  pushKey: string;
}) {
  const t = useTranslations("Subscribe");
  const locale = useLocale();
  const [state, formAction, pending] = useActionState(action, SUBSCRIBE_IDLE);
  const values = state.kind === "error" ? state.values : {};
  const faulty = new Set(state.kind === "error" ? state.fields : []);
  // Each field at fault has one sentence saying what it needs: the form's choices leave little else to go wrong.
  const errors = Object.fromEntries(
    ["services", "level", "countries", "channel", "email", "url", "push"]
      .filter((f) => faulty.has(f))
      .map((f) => [f, t(`field.${f}`)]),
  ) as Record<string, string | undefined>;
  const [filter, setFilter] = useState("");
  const [pushProblem, setPushProblem] = useState<PushProblem | null>(null);
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
      <input type="hidden" name="locale" value={locale} />
      <h2 id="subscribe-heading">{t("heading")}</h2>
      <div ref={noticeRef} tabIndex={-1} aria-live="polite" className={parts["notice-slot"]}>
        {state.kind === "done" ? <Done state={state} /> : null}
        {state.kind === "error" || pushProblem ? (
          <div className={`notice ${parts["notice-error"]}`} role="alert">
            <strong>
              {pushProblem ? t(`push.${pushProblem}`) : state.kind === "error" ? problemText(state, t) : ""}
            </strong>
          </div>
        ) : null}
      </div>

      <fieldset aria-describedby={describedBy("services", "services-hint")}>
        <legend>{t("services")}</legend>
        <p className={styles.picked} aria-live="polite" data-testid="picked">
          {picked.length
            ? t("chosen", { list: picked.map((slug) => names.get(slug) ?? slug).join(", ") })
            : t("noneChosen")}
        </p>
        <label className="label" htmlFor="service-filter">
          <span className="visually-hidden">{t("find")}</span>
        </label>
        <input
          id="service-filter"
          type="search"
          placeholder={t("find")}
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
          {t("servicesHint")}
        </p>
        <FieldError id="services-error" message={errors.services} />
      </fieldset>

      <fieldset>
        <legend>{t("tellMe")}</legend>
        <div className={`${parts.choices} ${styles.choices}`}>
          {ALERT_LEVELS.map((level) => (
            <label className={parts.choice} key={level}>
              <input type="radio" name="level" value={level} defaultChecked={(values.level || "possible") === level} />
              {t(`level.${level}`)}
            </label>
          ))}
        </div>
      </fieldset>

      <div>
        <label className="label" htmlFor="subscribe-country">
          {t("onlyIn")} <span className="muted">{t("optional")}</span>
        </label>
        <select
          id="subscribe-country"
          name="country"
          defaultValue={typeof values.country === "string" ? values.country : ""}
          aria-describedby={describedBy("countries")}
        >
          <option value="">{t("anyCountry")}</option>
          {countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
        <FieldError id="countries-error" message={errors.countries} />
      </div>

      <fieldset className={styles.channels} aria-describedby={describedBy("channel")}>
        <legend>{t("sendBy")}</legend>
        <div className={`${parts.choices} ${styles.choices}`}>
          {ALERT_CHANNELS.map((c) => (
            <label className={parts.choice} key={c}>
              <input type="radio" name="channel" value={c} defaultChecked={channel === c} />
              {t(`channel.${c}`)}
            </label>
          ))}
        </div>
        <FieldError id="channel-error" message={errors.channel ?? errors.push} />
        {ALERT_CHANNELS.map((c) => (
          <p className={`hint ${styles.only}`} data-channel={c} key={c}>
            {t(`hint.${c}`)}
          </p>
        ))}
      </fieldset>

      <div className={styles.only} data-channel="email">
        <label className="label" htmlFor="subscribe-email">
          {t("email")}
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
          {t("url")}
        </label>
        <input
          id="subscribe-url"
          type="url"
          name="url"
          inputMode="url"
          placeholder={HTTPS}
          defaultValue={typeof values.url === "string" ? values.url : ""}
          aria-invalid={errors.url ? true : undefined}
          aria-describedby={describedBy("url")}
        />
        <FieldError id="url-error" message={errors.url} />
      </div>

      <button className="button" type="submit" disabled={pending}>
        {pending ? t("sending") : t("submit")}
      </button>
      <p className="hint">{t("noAccount")}</p>
    </form>
  );
}

type Translate = ReturnType<typeof useTranslations<"Subscribe">>;

/** What went wrong, in a sentence: the fields themselves say what each needs. */
function problemText(state: Extract<SubscribeFormState, { kind: "error" }>, t: Translate): string {
  switch (state.problem) {
    case "invalid_input":
    case "rate_limited":
    case "unavailable":
      return t(`problem.${state.problem}`, { minutes: Math.max(1, Math.ceil((state.retryAfterSeconds ?? 60) / 60)) });
    default:
      return t("problem.other");
  }
}

function Done({ state }: { state: Extract<SubscribeFormState, { kind: "done" }> }) {
  const t = useTranslations("Subscribe");
  const { accepted } = state;
  if (accepted.status === "confirmation_sent")
    return (
      <div className={`notice ${parts["notice-ok"]}`} data-testid="subscribe-result">
        <strong>{t("checkInbox")}</strong>
        <p>{t("linkSent", { hours: state.hours })}</p>
        {state.outbox ? <p>{t.rich("outbox", { link: (chunks) => <a href="/alerts/outbox">{chunks}</a> })}</p> : null}
      </div>
    );
  return (
    <div className={`notice ${parts["notice-ok"]}`} data-testid="subscribe-result">
      <strong>{t("on")}</strong>
      <p>{t("testSent", { push: state.channel === "push" ? "yes" : "no" })}</p>
      <p>{t.rich("keep", { link: (chunks) => <a href={accepted.manageUrl}>{chunks}</a> })}</p>
      {accepted.secret ? (
        <p>
          {t("secret")} <code data-testid="webhook-secret">{accepted.secret}</code>
        </p>
      ) : null}
    </div>
  );
}
