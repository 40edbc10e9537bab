import { getTranslations } from "next-intl/server";
import { IntentLink } from "./intent-link";
import { LanguageSwitcher } from "./language-switcher";
import { RadarMark } from "./radar-mark";
import styles from "./site-header.module.css";

export async function SiteHeader() {
  const t = await getTranslations("Site");
  return (
    <header className="site-header">
      <a className={styles["skip-link"]} href="#main">
        {t("skipLink")}
      </a>
      <div className="container">
        <IntentLink href="/" className={styles.logo}>
          <RadarMark size={26} />
          Outage Radar
        </IntentLink>
        <LanguageSwitcher />
        <nav className={styles["site-nav"]} aria-label={t("nav.label")}>
          <ul>
            <li>
              <IntentLink href="/">{t("nav.allServices")}</IntentLink>
            </li>
            <li>
              <IntentLink href="/map">{t("nav.map")}</IntentLink>
            </li>
            <li>
              <IntentLink href="/incidents">{t("nav.incidents")}</IntentLink>
            </li>
            <li>
              <IntentLink href="/compare">{t("nav.compare")}</IntentLink>
            </li>
            <li>
              <IntentLink href="/alerts">{t("nav.alerts")}</IntentLink>
            </li>
            <li>
              <a href="/api/v1/openapi.json">API</a>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}

export async function SiteFooter() {
  const t = await getTranslations("Site");
  return (
    <footer className={styles["site-footer"]}>
      <div className="container">
        <p>
          {t("footer")} <IntentLink href="/about">{t("howItWorks")}</IntentLink>
        </p>
      </div>
    </footer>
  );
}
