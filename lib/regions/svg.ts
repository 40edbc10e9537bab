import escapeHtml from "escape-html";
import type { MapGeometry } from "./geometry";

// The same palettes as the page's CSS (app/globals.css), repeated here because an SVG shown as an
// image does not see the page's styles. Light and dark follow the viewer's colour scheme.
const STYLE = `
.r{stroke:#fff;stroke-width:.5}
.normal{fill:#c6dbef}.elevated{fill:#fdbe85}.high{fill:#e6550d}.severe{fill:#7f2704}
.share-1{fill:#cbc9e2}.share-2{fill:#9e9ac8}.share-3{fill:#756bb1}.share-4{fill:#54278f}
.too-few,.share-none{fill:url(#h)}#h rect{fill:#f0f2f5}#h line{stroke:#d8dce3;stroke-width:2}
@media (prefers-color-scheme:dark){.r{stroke:#161b24}#h rect{fill:#1e2430}#h line{stroke:#2c3341}}`;

type Box = [number, number, number, number];

/**
 * The part of the map to show so that every one of `codes` is in view, padded and widened to the
 * map's own aspect ratio; the whole map when none is given. A floor on the width keeps one small
 * country from filling the picture with no neighbours to place it.
 */
export function viewBoxAround(geometry: MapGeometry, codes: string[], minWidth = geometry.width / 4): Box {
  const boxes = geometry.shapes.filter((s) => codes.includes(s.code)).map((s) => s.box);
  if (boxes.length === 0) return [0, 0, geometry.width, geometry.height];
  let [x0, y0, x1, y1] = boxes[0]!;
  for (const [a, b, c, d] of boxes)
    [x0, y0, x1, y1] = [Math.min(x0, a), Math.min(y0, b), Math.max(x1, c), Math.max(y1, d)];
  const aspect = geometry.width / geometry.height;
  let w = Math.max((x1 - x0) * 1.3, minWidth);
  let h = Math.max((y1 - y0) * 1.3, w / aspect);
  w = Math.max(w, h * aspect);
  w = Math.min(w, geometry.width);
  h = Math.min(h, geometry.height);
  const cx = Math.min(Math.max((x0 + x1) / 2, w / 2), geometry.width - w / 2);
  const cy = Math.min(Math.max((y0 + y1) / 2, h / 2), geometry.height - h / 2);
  return [cx - w / 2, cy - h / 2, w, h].map((v) => Math.round(v)) as Box;
}

/** A choropleth as a standalone SVG document, for places where the map is a picture, not a control. */
export function choroplethSvg(
  geometry: MapGeometry,
  classOf: (code: string) => string,
  viewBox: Box = [0, 0, geometry.width, geometry.height],
): string {
  const paths = geometry.shapes.map((s) => `<path class="r ${classOf(s.code)}" d="${s.d}"/>`).join("");
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${viewBox.join(" ")}">` +
    `<style>${STYLE}</style>` +
    `<defs><pattern id="h" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
    `<rect width="6" height="6"/><line x1="0" y1="0" x2="0" y2="6"/></pattern></defs>` +
    `${paths}</svg>`
  );
}

/** One region of a page's map: its shape, where it leads, what it says, and its CSS class. */
export interface LinkedRegion {
  code: string;
  d: string;
  href: string;
  label: string;
  /** Said in data-band too, for scripts and tests that read the map. */
  band: string;
  className: string;
}

/**
 * A choropleth for the page itself, styled by the page's CSS: every region a link whose accessible
 * name carries its numbers. Written as markup rather than as React elements, so the browser does not
 * hydrate a few hundred paths that never change by themselves (on a phone that is most of the page's
 * start-up work); `hatch` names the classes of the "too few reports" pattern's two parts.
 */
export function linkedChoroplethMarkup(
  geometry: Pick<MapGeometry, "width" | "height">,
  label: string,
  regions: readonly LinkedRegion[],
  hatch: { background: string; line: string },
): string {
  const links = regions
    .map(
      (r) =>
        `<a href="${escapeHtml(r.href)}" aria-label="${escapeHtml(r.label)}" data-region="${escapeHtml(r.code)}" data-band="${escapeHtml(r.band)}">` +
        `<path d="${r.d}" class="${escapeHtml(r.className)}"/></a>`,
    )
    .join("");
  return (
    `<svg viewBox="0 0 ${geometry.width} ${geometry.height}" role="group" aria-label="${escapeHtml(label)}">` +
    `<defs><pattern id="too-few" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
    `<rect width="6" height="6" class="${escapeHtml(hatch.background)}"/>` +
    `<line x1="0" y1="0" x2="0" y2="6" class="${escapeHtml(hatch.line)}"/></pattern></defs>` +
    `${links}</svg>`
  );
}
