import { ANOMALY_BANDS, BAND_LABELS, type AnomalyBand } from "@/lib/regions/anomaly";
import type { MapGeometry } from "@/lib/regions/geometry";
import type { RegionRow } from "@/lib/queries/region-map";

function describe(r: RegionRow | undefined, name: string): string {
  if (!r || r.reporters === null) return `${name}: too few reports to show`;
  const ratio =
    r.ratio === null
      ? ""
      : `, ${r.ratio >= 10 ? Math.round(r.ratio) : r.ratio.toFixed(1)} times the usual ${r.expected.toFixed(1)}`;
  return `${name}: ${r.reporters} ${r.reporters === 1 ? "person" : "people"} reporting${ratio}. ${BAND_LABELS[r.band]}.`;
}

/**
 * A choropleth drawn on the server as SVG, shaded by each region against its own baseline. Every
 * region is a link to its table row, so keyboard and screen-reader users reach the same numbers.
 */
export function RegionMap({ geometry, rows, label }: { geometry: MapGeometry; rows: RegionRow[]; label: string }) {
  const byCode = new Map(rows.map((r) => [r.code, r]));
  return (
    <figure className="region-map">
      <svg viewBox={`0 0 ${geometry.width} ${geometry.height}`} role="group" aria-label={label}>
        <defs>
          <pattern id="too-few" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" className="band-too-few-bg" />
            <line x1="0" y1="0" x2="0" y2="6" className="band-too-few-line" />
          </pattern>
        </defs>
        {geometry.shapes.map((s) => {
          const r = byCode.get(s.code);
          const band: AnomalyBand = r?.band ?? "too-few";
          const text = describe(r, s.name);
          return (
            <a key={s.code} href={`#region-${s.code}`} aria-label={text} data-region={s.code} data-band={band}>
              <path d={s.d} className={`region band-${band}`}>
                <title>{text}</title>
              </path>
            </a>
          );
        })}
      </svg>
      <figcaption>
        <ul className="map-legend" aria-label="Legend">
          {ANOMALY_BANDS.map((b) => (
            <li key={b}>
              <svg width="18" height="12" aria-hidden="true" focusable="false">
                <rect width="18" height="12" className={`region band-${b}`} />
              </svg>
              {BAND_LABELS[b]}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}

export function RegionTable({ rows, caption }: { rows: RegionRow[]; caption: string }) {
  const shown = rows.filter((r) => r.reporters !== null);
  const hidden = rows.length - shown.length;
  return (
    <div className="data-table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table className="data" data-testid="region-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Region</th>
            <th scope="col">Status</th>
            <th scope="col" className="num">
              People reporting
            </th>
            <th scope="col" className="num">
              Usual
            </th>
            <th scope="col" className="num">
              Times usual
            </th>
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <tr key={r.code} id={`region-${r.code}`} tabIndex={-1}>
              <th scope="row">{r.name}</th>
              <td>{BAND_LABELS[r.band]}</td>
              <td className="num">{r.reporters}</td>
              <td className="num">{r.expected.toFixed(1)}</td>
              <td className="num">{r.ratio === null ? "–" : r.ratio.toFixed(1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {hidden > 0 ? (
        <p className="hint" style={{ padding: "0 0.75rem 0.5rem" }}>
          {hidden} more {hidden === 1 ? "region has" : "regions have"} too few reports to show.
        </p>
      ) : null}
    </div>
  );
}
