"use client";

import { IntentLink } from "./intent-link";
import { Fragment, useMemo, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { directoryHref, directoryView } from "@/lib/catalog/directory";
import { directoryTexts, type DirectoryTexts } from "./service-directory-texts";
import { useLocale, useTranslations } from "next-intl";
import { getPathname } from "@/lib/i18n/navigation";
import { ServiceGrid, type ServiceCardData } from "./service-card";
import styles from "./service-directory.module.css";

/**
 * Name and category filter over every service, busiest first. Without JavaScript the filter is a
 * GET form and "Show all" a link, both applied by the server; with it, the list narrows as you
 * type and grows in place.
 */
export function ServiceDirectory({
  services,
  initialQuery,
  category,
  initialShowAll,
  initialTexts,
}: {
  services: ServiceCardData[];
  initialQuery: string;
  category: string | null;
  initialShowAll: boolean;
  /** The sentences with numbers for the directory as first drawn, from the server (service-directory-texts.ts). */
  initialTexts: DirectoryTexts;
}) {
  const t = useTranslations("Directory");
  const locale = useLocale();
  const home = getPathname({ href: "/", locale });
  /** "/?all=1" on this language's home page ("/de?all=1"). */
  const inHome = (href: string) => (home === "/" ? href : home + href.slice(1));
  const [query, setQuery] = useState(initialQuery);
  const [showAll, setShowAll] = useState(initialShowAll);
  const listRef = useRef<HTMLUListElement>(null);
  const view = useMemo(
    () => directoryView(services, { query, category, showAll }),
    [services, category, query, showAll],
  );
  const { matching, close, shown, hidden } = view;
  const texts = query === initialQuery && showAll === initialShowAll ? initialTexts : directoryTexts(t, locale, view);

  const replaceUrl = (change: (params: URLSearchParams) => void) => {
    const url = new URL(window.location.href);
    change(url.searchParams);
    window.history.replaceState(null, "", url);
  };

  return (
    <>
      <form className="search" role="search" action={home} method="get">
        <label htmlFor="service-search" className="visually-hidden">
          {t("filterLabel")}
        </label>
        <input
          id="service-search"
          type="search"
          name="q"
          placeholder={t("filterPlaceholder")}
          autoComplete="off"
          value={query}
          onChange={(e) => {
            const value = e.target.value;
            setQuery(value);
            replaceUrl((p) => (value ? p.set("q", value) : p.delete("q")));
          }}
        />
        {category ? <input type="hidden" name="category" value={category} /> : null}
        {showAll ? <input type="hidden" name="all" value="1" /> : null}
        <button className={`button ${styles["button-secondary"]}`} type="submit">
          {t("filter")}
        </button>
      </form>
      <p className="visually-hidden" role="status" aria-live="polite">
        {texts.status}
      </p>
      {matching.length === 0 ? (
        <p className="empty">
          {t("noMatch", { query })}{" "}
          {close.length > 0
            ? t.rich("closeMatches", {
                names: () =>
                  close.map((c, i) => (
                    <Fragment key={c.slug}>
                      {i === 0 ? "" : i === close.length - 1 ? ` ${t("or")} ` : ", "}
                      <IntentLink href={`/status/${c.slug}`}>{c.name}</IntentLink>
                    </Fragment>
                  )),
                link: (chunks) => <IntentLink href="/">{chunks}</IntentLink>,
              })
            : t.rich("tryAnother", { link: (chunks) => <IntentLink href="/">{chunks}</IntentLink> })}
        </p>
      ) : (
        <ServiceGrid services={shown} aria-label={t("listLabel")} ref={listRef} />
      )}
      {hidden > 0 ? (
        <p className={styles["directory-more"]}>
          <span>{texts.showingBusiest}</span>{" "}
          <a
            className={`button ${styles["button-secondary"]}`}
            href={inHome(directoryHref({ q: query, category, all: true }))}
            onClick={(e) => {
              e.preventDefault();
              const firstNew = shown.length;
              // Rendered at once so that focus can go to the first card that was hidden, where the
              // reader was heading (the button itself is gone).
              flushSync(() => setShowAll(true));
              listRef.current?.querySelectorAll<HTMLAnchorElement>("li > a")[firstNew]?.focus();
              replaceUrl((p) => p.set("all", "1"));
            }}
          >
            {texts.showAll}
          </a>
        </p>
      ) : null}
    </>
  );
}
