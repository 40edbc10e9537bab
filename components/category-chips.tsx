import { useTranslations } from "next-intl";
import { IntentLink } from "./intent-link";
import { CATEGORIES } from "@/lib/catalog/constants";

/** "All" and one chip per category; the current one is marked for screen readers as well as by style. */
export function CategoryChips({
  label,
  current,
  href,
}: {
  label: string;
  current: string | null;
  href: (category: string | null) => string;
}) {
  const t = useTranslations("Categories");
  return (
    <nav aria-label={label}>
      <ul className="chips">
        <li>
          <IntentLink className="chip" href={href(null)} aria-current={current === null ? "page" : undefined}>
            {t("all")}
          </IntentLink>
        </li>
        {CATEGORIES.map((c) => (
          <li key={c.slug}>
            <IntentLink className="chip" href={href(c.slug)} aria-current={c.slug === current ? "page" : undefined}>
              {t(c.slug)}
            </IntentLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
