import { geoArea, geoEqualEarth, geoPath, type GeoPath, type GeoProjection } from "d3-geo";
import type { Feature, Geometry } from "geojson";
import { feature } from "topojson-client";
import { presimplify, simplify } from "topojson-simplify";
import type { GeometryCollection, Topology } from "topojson-specification";
import world from "world-atlas/countries-110m.json";
import usStates from "us-atlas/states-albers-10m.json";
import { iso31661 } from "iso-3166/1";
import { countryName, subdivisionsOf } from "./regions";
import { CompactPathData } from "./path-data";

/** One region's outline as an SVG path, keyed by its ISO code (alpha-2, or ISO 3166-2 for US states). */
export interface RegionShape {
  code: string;
  name: string;
  d: string;
  /** The projected bounding box [x0, y0, x1, y1] of its largest part: France, not France and Guiana. */
  box: [number, number, number, number];
}

/** Bounds of a feature's largest polygon, so that zooming to a country is not thrown off by overseas parts. */
function mainlandBox(path: GeoPath, f: Feature<Geometry>): RegionShape["box"] {
  const g = f.geometry;
  let target: Feature<Geometry> = f;
  if (g.type === "MultiPolygon") {
    let best = -1;
    for (const coordinates of g.coordinates) {
      const part: Feature<Geometry> = { type: "Feature", properties: {}, geometry: { type: "Polygon", coordinates } };
      const area = geoArea(part);
      if (area > best) [best, target] = [area, part];
    }
  }
  const [[x0, y0], [x1, y1]] = path.bounds(target);
  return [x0, y0, x1, y1];
}

/** A region's outline as compact SVG path data (whole pixels, relative steps); "" when nothing is left. */
function outline(projection: GeoProjection | null, f: Feature<Geometry>): string {
  const context = new CompactPathData();
  geoPath(projection, context)(f);
  return context.toString();
}

export interface MapGeometry {
  width: number;
  height: number;
  shapes: RegionShape[];
}

const alpha2ByNumeric = new Map(iso31661.map((c) => [c.numeric, c.alpha2]));

let worldCache: MapGeometry | undefined;
/**
 * Countries from Natural Earth 1:110m (world-atlas), projected once with Equal Earth, which keeps
 * areas honest. Shapes without an ISO number (Kosovo, N. Cyprus, Somaliland) are not in ISO 3166-1
 * and are left out rather than guessed. Names are the same CLDR names the tables use.
 */
export function worldGeometry(): MapGeometry {
  if (worldCache) return worldCache;
  const topology = world as unknown as Topology<{ countries: GeometryCollection }>;
  const countries = feature(topology, topology.objects.countries);
  const width = 960;
  const height = 470;
  const projection = geoEqualEarth().fitSize([width, height], countries);
  const path = geoPath(projection);
  const shapes: RegionShape[] = [];
  for (const f of countries.features) {
    const code = f.id === undefined ? undefined : alpha2ByNumeric.get(String(f.id));
    const d = outline(projection, f);
    if (code && d) shapes.push({ code, name: countryName(code), d, box: mainlandBox(path, f) });
  }
  worldCache = { width, height, shapes };
  return worldCache;
}

let usCache: MapGeometry | undefined;
/**
 * US states and DC from us-atlas, already projected (Albers USA, 975×610), keyed by ISO 3166-2.
 * The 1:10m outlines are simplified (topology-preserving, so borders still meet) to a quarter of
 * their size: detail nobody sees at this scale would otherwise be most of the page.
 */
export function usStatesGeometry(): MapGeometry {
  if (usCache) return usCache;
  type States = Topology<{ states: GeometryCollection<{ name: string }> }>;
  const topology = simplify(presimplify(structuredClone(usStates) as unknown as States), 2) as States;
  const states = feature(topology, topology.objects.states);
  const byName = new Map(subdivisionsOf("US").map((s) => [s.name, s.code]));
  const path = geoPath();
  const shapes: RegionShape[] = [];
  for (const f of states.features) {
    const code = byName.get(f.properties.name);
    const d = outline(null, f);
    if (code && d) shapes.push({ code, name: f.properties.name, d, box: mainlandBox(path, f) });
  }
  usCache = { width: 975, height: 610, shapes };
  return usCache;
}

/** The drill-down map for a country where an npm package ships its subdivisions (only the US today). */
export function subdivisionGeometry(country: string): MapGeometry | null {
  return country === "US" ? usStatesGeometry() : null;
}
