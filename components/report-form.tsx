"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { REPORT_TEXT_MAX, type Symptom } from "@/lib/catalog/constants";
import { IDLE, justMeAnswer, unavailableState, type ReportFormState } from "@/lib/services/report-form-state";
import {
  newReportKey,
  QUEUE_CHANGED,
  queueReport,
  reportFromForm,
  sentFromHere,
  type SendResult,
} from "@/lib/pwa/report-queue";
import { showSnapshot } from "./live-snapshot";
import { HydratedForm } from "./hydrated-form";
import { periodArgs } from "@/lib/text/duration";
import { useTranslations } from "next-intl";
import styles from "./report-form.module.css";
import parts from "./form-parts.module.css";
import { FieldError } from "./field-error";

interface Region {
  code: string;
  name: string;
}

/** One form for everyone: a server action that also works as a plain POST without JavaScript. */
export function ReportForm({
  action,
  service,
  countryOptions,
  defaultCountry,
  defaultSubdivisions,
  cooldownMinutes,
}: {
  action: (previous: ReportFormState, form: FormData) => Promise<ReportFormState>;
  service: { slug: string; name: string; symptoms: Symptom[] };
  /** The country select's options as HTML (lib/regions/regions.ts countryOptionsIn). */
  countryOptions: string;
  defaultCountry: string;
  defaultSubdivisions: Region[];
  /** How long a person's report counts alone (REPORT_COOLDOWN_MINUTES), for the words under the button. */
  cooldownMinutes: number;
}) {
  const t = useTranslations("ReportForm");
  const time = useTranslations("Time");
  const symptomName = useTranslations("Symptoms");
  // Without JavaScript the form posts to the server action itself (React renders its reference into
  // the form), and the page comes back with its answer. Once hydrated it goes through the function
  // below, which can keep a report made offline.
  const [serverState, serverFormAction] = useActionState(action, IDLE);
  const [clientState, formAction, pending] = useActionState<ReportFormState, FormData>(async (previous, form) => {
    // One key per report, the same whichever way it goes: the action, or the queue if that fails.
    form.set("idempotencyKey", newReportKey());
    if (navigator.onLine) {
      try {
        return await action(previous, form);
      } catch (error) {
        // A TypeError is fetch failing: the connection dropped. Anything else, the server said no.
        if (!(error instanceof TypeError)) return unavailableState(formValues(form));
      }
    }
    // No connection: keep the report in this browser, under the key this form sent it with (if the
    // request did arrive and only the answer was lost, the resend is recognised and counted once).
    try {
      const report = reportFromForm(form, service.name);
      await queueReport(report);
      return { kind: "queued", serviceName: service.name, key: report.key };
    } catch {
      return unavailableState(formValues(form));
    }
  }, IDLE);
  const state = clientState.kind === "idle" ? serverState : clientState;
  const values = state.kind === "error" ? state.values : {};
  const faulty = new Set(state.kind === "error" ? state.fields : []);
  // One sentence per field at fault, saying what it needs.
  const errors = Object.fromEntries(
    ["symptom", "country", "subdivision", "text", "website"]
      .filter((f) => faulty.has(f))
      .map((f) => [f, t(`field.${f}`, { max: REPORT_TEXT_MAX })]),
  ) as Record<string, string | undefined>;
  const justMeText = useTranslations("JustMe");
  const justMe = state.kind === "saved" ? justMeAnswer(state, justMeText) : null;
  const [country, setCountry] = useState(values.country || defaultCountry);
  const countrySelect = useRef<HTMLSelectElement>(null);
  // The options are the server's markup, taken as it is: React neither creates nor hydrates 250
  // elements. It marks the first choice itself (so the page works without JavaScript), and React
  // keeps the select's value from then on.
  const [countryMarkup] = useState(() =>
    countryOptions.replace(`<option value="${country}">`, `<option value="${country}" selected>`),
  );
  const [subdivisions, setSubdivisions] = useState(defaultSubdivisions);
  /** The subdivision our lookup of the visitor's address suggests, pre-selected until they choose. */
  const [guessedSubdivision, setGuessedSubdivision] = useState("");
  const touched = useRef(false);
  const [textLength, setTextLength] = useState([...(values.text ?? "")].length);
  const noticeRef = useRef<HTMLDivElement>(null);
  /** The key of a queued report since sent, so the notice stops saying it waits. */
  const [sentKey, setSentKey] = useState<string | null>(null);
  // Sent from another component, perhaps before this one listened (when the connection never dropped).
  const queuedAndSent = state.kind === "queued" && (sentKey === state.key || sentFromHere(state.key));

  useEffect(() => {
    if (state.kind !== "queued") return;
    const onChange = (event: Event) => {
      const result = (event as CustomEvent<SendResult | undefined>).detail;
      if (result?.sent.some((r) => r.key === state.key)) setSentKey(state.key);
    };
    window.addEventListener(QUEUE_CHANGED, onChange);
    return () => window.removeEventListener(QUEUE_CHANGED, onChange);
  }, [state]);

  useEffect(() => {
    if (state.kind === "idle") return;
    noticeRef.current?.focus();
    if (state.kind === "saved" && state.snapshot) showSnapshot(state.snapshot);
  }, [state]);

  async function changeCountry(code: string) {
    setCountry(code);
    setSubdivisions([]);
    try {
      const response = await fetch(`/api/v1/regions/${code}`);
      if (response.ok) setSubdivisions((await response.json()) as Region[]);
    } catch {
      // Offline: the whole country it is, which the report may still say.
    }
  }

  // The page is the same for everyone (and cached so); where this visitor is comes afterwards, from a
  // private answer, and only fills in what they have not chosen themselves.
  useEffect(() => {
    if (values.country) return;
    const controller = new AbortController();
    void (async () => {
      try {
        const response = await fetch("/api/v1/location", { signal: controller.signal });
        if (!response.ok || touched.current) return;
        const guess = (await response.json()) as { country: string | null; subdivision: string | null };
        const known = [...(countrySelect.current?.options ?? [])].some((o) => o.value === guess.country);
        if (!guess.country || !known) return;
        if (guess.country !== country) await changeCountry(guess.country);
        if (!touched.current) setGuessedSubdivision(guess.subdivision ?? "");
      } catch {
        // No guess: the form keeps the one it was drawn with.
      }
    })();
    return () => controller.abort();
    // Once, when the form appears.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const describedBy = (field: string, hint?: string) =>
    [errors[field] ? `${field}-error` : null, hint].filter(Boolean).join(" ") || undefined;

  return (
    <HydratedForm
      serverAction={serverFormAction}
      clientAction={formAction}
      className="form"
      id="report"
      aria-labelledby="report-heading"
      data-testid="report-form"
    >
      <h2 id="report-heading">{t("heading", { name: service.name })}</h2>
      <div ref={noticeRef} tabIndex={-1} aria-live="polite" className={parts["notice-slot"]}>
        {state.kind === "saved" ? (
          <div className={`notice ${parts["notice-ok"]}`} data-testid="report-result">
            <strong>{state.counted ? t("thanksCounted") : t("thanksRepeat")}</strong>
            {state.counted ? (
              state.withText ? (
                <p>{t.rich("commentListed", { link: (chunks) => <a href="#texts-heading">{chunks}</a> })}</p>
              ) : null
            ) : state.notCounted === "network_cap" ? (
              <p>
                {t("networkCap", { name: service.name })}
                {state.withText ? ` ${t("networkCapComment")}` : null}
              </p>
            ) : (
              <p>
                {t("repeat", { name: service.name, period: time("inLast", periodArgs(cooldownMinutes)) })}
                {state.withText ? ` ${t("repeatComment")}` : null}
              </p>
            )}
            {justMe ? <p data-testid="just-me">{justMe}</p> : null}
          </div>
        ) : state.kind === "queued" ? (
          <div className={`notice ${parts["notice-ok"]}`} data-testid="report-queued">
            {queuedAndSent ? (
              <strong>{t("queuedSent")}</strong>
            ) : (
              <>
                <strong>{t("queued")}</strong>
                <p>{t("queuedNext")}</p>
              </>
            )}
          </div>
        ) : state.kind === "error" ? (
          <div className={`notice ${parts["notice-error"]}`} role="alert">
            <strong>
              {t(`problem.${state.problem}`, {
                seconds: state.retryAfterSeconds ?? 60,
                period: time("per", periodArgs(cooldownMinutes)),
              })}
            </strong>
          </div>
        ) : null}
      </div>
      <input type="hidden" name="service" value={service.slug} />
      <fieldset aria-describedby={describedBy("symptom")}>
        <legend>{t("whatIsWrong")}</legend>
        <div className={`${parts.choices} ${styles.choices}`}>
          {service.symptoms.map((s) => (
            <label className={parts.choice} key={s.slug}>
              <input type="radio" name="symptom" value={s.slug} required defaultChecked={values.symptom === s.slug} />
              {symptomName.has(s.slug) ? symptomName(s.slug) : s.label}
            </label>
          ))}
        </div>
        <FieldError id="symptom-error" message={errors.symptom} />
      </fieldset>
      <div>
        <label className="label" htmlFor="report-country">
          {t("country")}
        </label>
        <select
          id="report-country"
          name="country"
          ref={countrySelect}
          value={country}
          onChange={(e) => {
            touched.current = true;
            setGuessedSubdivision("");
            void changeCountry(e.target.value);
          }}
          aria-invalid={errors.country ? true : undefined}
          aria-describedby={describedBy("country")}
          dangerouslySetInnerHTML={{ __html: countryMarkup }}
        />
        <FieldError id="country-error" message={errors.country} />
      </div>
      <div>
        <label className="label" htmlFor="report-subdivision">
          {t("region")} <span className="muted">{t("optional")}</span>
        </label>
        <select
          id="report-subdivision"
          name="subdivision"
          key={`${country} ${guessedSubdivision} ${subdivisions.length}`}
          defaultValue={values.subdivision ?? guessedSubdivision}
          onChange={() => (touched.current = true)}
          aria-invalid={errors.subdivision ? true : undefined}
          aria-describedby={describedBy("subdivision")}
        >
          <option value="">{t("wholeCountry")}</option>
          {subdivisions.map((s) => (
            <option key={s.code} value={s.code}>
              {s.name}
            </option>
          ))}
        </select>
        <FieldError id="subdivision-error" message={errors.subdivision} />
        <p className={`muted ${styles.hint}`}>
          {t("guessed")}{" "}
          <a href="https://db-ip.com" rel="noopener external">
            IP Geolocation by DB-IP
          </a>
        </p>
      </div>
      <div>
        <label className="label" htmlFor="report-text">
          {t("whatHappened")} <span className="muted">{t("optional")}</span>
        </label>
        <textarea
          id="report-text"
          name="text"
          maxLength={REPORT_TEXT_MAX * 2}
          defaultValue={values.text ?? ""}
          onChange={(e) => setTextLength([...e.target.value].length)}
          aria-invalid={errors.text ? true : undefined}
          aria-describedby={describedBy("text", "report-text-hint")}
        />
        <p className="hint" id="report-text-hint">
          {t("textHint", { length: textLength, max: REPORT_TEXT_MAX })}
        </p>
        <FieldError id="text-error" message={errors.text} />
      </div>
      {/* A honeypot: out of sight and out of the accessibility tree, so only a bot filling every field fills it. */}
      <div className={styles.honeypot} aria-hidden="true">
        <label>
          {t("honeypot")} <input type="text" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
        </label>
      </div>
      <button className="button" type="submit" disabled={pending}>
        {pending ? t("sending") : t("submit")}
      </button>
      <p className="hint">{t("countRule", { period: time("per", periodArgs(cooldownMinutes)) })}</p>
    </HydratedForm>
  );
}

/** What was typed, to put back in the form when it could not be sent. */
function formValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of form) if (typeof value === "string") values[name] = value;
  return values;
}
