import { IntentLink } from "./intent-link";

/** Links from the home page down to the current page, which is the last item and not a link. */
export function Breadcrumb({ trail, current }: { trail: Array<{ href: string; label: string }>; current: string }) {
  return (
    <nav className="breadcrumb" aria-label="Breadcrumb">
      <ol>
        <li>
          <IntentLink href="/">Services</IntentLink>
        </li>
        {trail.map((t) => (
          <li key={t.href}>
            <IntentLink href={t.href}>{t.label}</IntentLink>
          </li>
        ))}
        <li aria-current="page">{current}</li>
      </ol>
    </nav>
  );
}
