import { useTranslations } from "next-intl";
import { IntentLink } from "./intent-link";

/** Links from the home page down to the current page, which is the last item and not a link. */
export function Breadcrumb({ trail, current }: { trail: Array<{ href: string; label: string }>; current: string }) {
  const t = useTranslations("Site");
  return (
    <nav className="breadcrumb" aria-label={t("breadcrumb")}>
      <ol>
        <li>
          <IntentLink href="/">{t("services")}</IntentLink>
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
