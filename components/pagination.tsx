import { useTranslations } from "next-intl";
import { IntentLink } from "./intent-link";

/** Previous / next links that keep the other query parameters. */
export function Pagination({
  page,
  pages,
  basePath,
  params,
}: {
  page: number;
  pages: number;
  basePath: string;
  params: Record<string, string | undefined>;
}) {
  const t = useTranslations("Pagination");
  if (pages <= 1) return null;
  const href = (p: number) => {
    const q = new URLSearchParams(Object.entries({ ...params, page: String(p) }).filter(([, v]) => v) as string[][]);
    return `${basePath}?${q}`;
  };
  return (
    <nav className="pagination" aria-label={t("label")}>
      {page > 1 ? <IntentLink href={href(page - 1)}>{t("newer")}</IntentLink> : <span />}
      <span>{t("page", { page, pages })}</span>
      {page < pages ? <IntentLink href={href(page + 1)}>{t("older")}</IntentLink> : <span />}
    </nav>
  );
}
