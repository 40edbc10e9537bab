import type { AnomalyBand } from "./anomaly";
import type { MapGeometry } from "./geometry";

// The same palette as the page's CSS (app/globals.css), repeated here because an SVG shown as an
// image does not see the page's styles. Light and dark follow the viewer's colour scheme.
const STYLE = `
.r{stroke:#fff;stroke-width:.5}
.normal{fill:#c6dbef}.elevated{fill:#fdbe85}.high{fill:#e6550d}.severe{fill:#7f2704}
.too-few{fill:url(#h)}#h rect{fill:#f0f2f5}#h line{stroke:#d8dce3;stroke-width:2}
@media (prefers-color-scheme:dark){.r{stroke:#161b24}#h rect{fill:#1e2430}#h line{stroke:#2c3341}}`;

/** A choropleth as a standalone SVG document, for places where the map is a picture, not a control. */
export function choroplethSvg(geometry: MapGeometry, bandOf: (code: string) => AnomalyBand): string {
  const paths = geometry.shapes.map((s) => `<path class="r ${bandOf(s.code)}" d="${s.d}"/>`).join("");
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${geometry.width} ${geometry.height}">` +
    `<style>${STYLE}</style>` +
    `<defs><pattern id="h" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
    `<rect width="6" height="6"/><line x1="0" y1="0" x2="0" y2="6"/></pattern></defs>` +
    `${paths}</svg>`
  );
}
