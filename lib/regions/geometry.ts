import { geoEqualEarth, geoPath } from "d3-geo";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import world from "world-atlas/countries-110m.json";
import usStates from "us-atlas/states-albers-10m.json";
import { iso31661 } from "iso-3166/1";
import { subdivisionsOf } from "./regions";

/** One region's outline as an SVG path, keyed by its ISO code (alpha-2, or ISO 3166-2 for US states). */
export interface RegionShape {
  code: string;
  name: string;
  d: string;
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
 * and are left out rather than guessed.
 */
export function worldGeometry(): MapGeometry {
  if (worldCache) return worldCache;
  const topology = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const countries = feature(topology, topology.objects.countries);
  const width = 960;
  const height = 470;
  const path = geoPath(geoEqualEarth().fitSize([width, height], countries)).digits(1);
  const shapes: RegionShape[] = [];
  for (const f of countries.features) {
    const code = f.id === undefined ? undefined : alpha2ByNumeric.get(String(f.id));
    const d = path(f);
    if (code && d) shapes.push({ code, name: f.properties.name, d });
  }
  worldCache = { width, height, shapes };
  return worldCache;
}

let usCache: MapGeometry | undefined;
/** US states and DC from us-atlas, already projected (Albers USA, 975×610), keyed by ISO 3166-2. */
export function usStatesGeometry(): MapGeometry {
  if (usCache) return usCache;
  const topology = usStates as unknown as Topology<{ states: GeometryCollection<{ name: string }> }>;
  const states = feature(topology, topology.objects.states);
  const byName = new Map(subdivisionsOf("US").map((s) => [s.name, s.code]));
  const path = geoPath().digits(1);
  const shapes: RegionShape[] = [];
  for (const f of states.features) {
    const code = byName.get(f.properties.name);
    const d = path(f);
    if (code && d) shapes.push({ code, name: f.properties.name, d });
  }
  usCache = { width: 975, height: 610, shapes };
  return usCache;
}
