"use client";

import { useLocale, useTranslations } from "next-intl";
import { Link, usePathname } from "@/lib/i18n/navigation";
import { LANGUAGE_NAMES, routing, type Locale } from "@/lib/i18n/routing";
import styles from "./language-switcher.module.css";

/**
 * The same page in another language: a disclosure of plain links (it works before and without
 * JavaScript). Choosing one is remembered (next-intl's NEXT_LOCALE cookie), so the site's
 * unprefixed addresses stop sending this visitor to the language their browser prefers.
 */
export function LanguageSwitcher() {
  const locale = useLocale() as Locale;
  const pathname = usePathname();
  const t = useTranslations("LanguageSwitcher");
  return (
    <details className={styles.switcher}>
      <summary aria-label={t("label", { language: LANGUAGE_NAMES[locale] })}>
        <span aria-hidden="true">{LANGUAGE_NAMES[locale]}</span>
      </summary>
      <ul className={styles.list}>
        {routing.locales.map((l) => (
          <li key={l}>
            <Link href={pathname} locale={l} hrefLang={l} lang={l} aria-current={l === locale ? "page" : undefined}>
              {LANGUAGE_NAMES[l]}
            </Link>
          </li>
        ))}
      </ul>
    </details>
  );
}
