import { IntentLink } from "./intent-link";
import { RadarMark } from "./radar-mark";
import styles from "./site-header.module.css";

export function SiteHeader() {
  return (
    <header className="site-header">
      <a className={styles["skip-link"]} href="#main">
        Skip to content
      </a>
      <div className="container">
        <IntentLink href="/" className={styles.logo}>
          <RadarMark size={26} />
          Outage Radar
        </IntentLink>
        <nav className={styles["site-nav"]} aria-label="Main">
          <ul>
            <li>
              <IntentLink href="/">All services</IntentLink>
            </li>
            <li>
              <IntentLink href="/map">Map</IntentLink>
            </li>
            <li>
              <IntentLink href="/incidents">Incidents</IntentLink>
            </li>
            <li>
              <IntentLink href="/compare">Compare</IntentLink>
            </li>
            <li>
              <IntentLink href="/alerts">Alerts</IntentLink>
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

export function SiteFooter() {
  return (
    <footer className={styles["site-footer"]}>
      <div className="container">
        <p>
          Outage Radar counts problem reports from people like you. A spike in reports means many people are having
          trouble at once; it is not an official statement by the service. We never store IP addresses.{" "}
          <IntentLink href="/about">How Outage Radar works</IntentLink>
        </p>
      </div>
    </footer>
  );
}
