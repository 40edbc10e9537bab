import { useLocale, useTranslations } from "next-intl";
import type { CountryServiceRow } from "@/lib/regions/country-services";
import { IntentLink } from "./intent-link";
import { formatRatio, formatUsual } from "./region-describe";

/** A country's services, most unusual first; those under the privacy minimum are counted, not listed. */
export function CountryServiceTable({ rows, caption }: { rows: CountryServiceRow[]; caption: string }) {
  const t = useTranslations("Country");
  const columns = useTranslations("RegionTable");
  const bands = useTranslations("Bands");
  const locale = useLocale();
  const shown = rows.filter((r) => r.reporters !== null);
  const hidden = rows.length - shown.length;
  return (
    <>
      <div className="data-table-wrap" tabIndex={0} role="region" aria-label={caption}>
        <table className="data" data-testid="country-services">
          <caption className="visually-hidden">{columns("unusualFirst", { caption })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("service")}</th>
              <th scope="col">{columns("status")}</th>
              <th scope="col" className="num">
                {columns("reporters")}
              </th>
              <th scope="col" className="num">
                {columns("usual")}
              </th>
              <th scope="col" className="num">
                {columns("ratio")}
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.slug} data-band={r.band}>
                <th scope="row">
                  <IntentLink href={`/status/${r.slug}`}>{r.name}</IntentLink>
                </th>
                <td>{bands(r.band)}</td>
                <td className="num">{r.reporters}</td>
                <td className="num">{r.expected === null ? "–" : formatUsual(r.expected, locale)}</td>
                <td className="num">{r.ratio === null ? "–" : formatRatio(r.ratio, locale)}</td>
              </tr>
            ))}
            {shown.length === 0 ? (
              <tr>
                <td colSpan={5}>{t("none")}</td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      {hidden > 0 ? <p className="muted">{t("hidden", { count: hidden })}</p> : null}
    </>
  );
}
