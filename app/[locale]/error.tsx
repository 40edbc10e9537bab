"use client";

import { useTranslations } from "next-intl";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("ErrorPage");
  return (
    <section className="hero" role="alert">
      <h1>{t("title")}</h1>
      <p>{t("body")}</p>
      <button className="button" type="button" onClick={reset}>
        {t("retry")}
      </button>
    </section>
  );
}
