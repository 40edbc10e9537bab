import Link from "next/link";

export function SiteHeader() {
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <div className="container">
        <Link href="/" className="logo">
          <svg width="26" height="26" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" strokeWidth="2" />
            <circle cx="12" cy="12" r="5.5" fill="none" stroke="currentColor" strokeWidth="2" opacity="0.6" />
            <path d="M12 12L19 5" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" />
            <circle cx="12" cy="12" r="1.8" fill="currentColor" />
          </svg>
          Outage Radar
        </Link>
        <nav className="site-nav" aria-label="Main">
          <ul>
            <li>
              <Link href="/">All services</Link>
            </li>
            <li>
              <Link href="/map">Map</Link>
            </li>
            <li>
              <Link href="/incidents">Incidents</Link>
            </li>
            <li>
              <Link href="/compare">Compare</Link>
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
    <footer className="site-footer">
      <div className="container">
        <p>
          Outage Radar counts problem reports from people like you. A spike in reports means many people are having
          trouble at once; it is not an official statement by the service. We never store IP addresses.
        </p>
      </div>
    </footer>
  );
}
