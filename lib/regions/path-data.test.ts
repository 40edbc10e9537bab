import { describe, expect, it } from "vitest";
import { geoEqualEarth, geoPath } from "d3-geo";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import world from "world-atlas/countries-110m.json";
import { CompactPathData } from "./path-data";

/** The rings a path draws, as absolute points, read the way an SVG renderer reads them. */
function rings(d: string): Array<Array<[number, number]>> {
  const out: Array<Array<[number, number]>> = [];
  let pen: [number, number] = [0, 0];
  let start: [number, number] = [0, 0];
  for (const [, command, args] of d.matchAll(/([MmLlZz])([^MmLlZz]*)/g)) {
    const numbers = (args!.match(/-?\d+(?:\.\d+)?/g) ?? []).map(Number);
    if (command === "Z" || command === "z") {
      pen = start;
      continue;
    }
    for (let i = 0; i < numbers.length; i += 2) {
      const relative = command === "m" || command === "l";
      pen = relative ? [pen[0] + numbers[i]!, pen[1] + numbers[i + 1]!] : [numbers[i]!, numbers[i + 1]!];
      // After a move's first pair, more pairs are lines (SVG's rule).
      if ((command === "M" || command === "m") && i === 0) {
        start = pen;
        out.push([pen]);
      } else out.at(-1)!.push(pen);
    }
  }
  return out;
}

/** The same rings without repeated points, a closing point equal to the first, or fewer than three points. */
function tidy(all: Array<Array<[number, number]>>) {
  return all
    .map((ring) => ring.filter((p, i) => i === 0 || p[0] !== ring[i - 1]![0] || p[1] !== ring[i - 1]![1]))
    .map((ring) => (ring.length > 1 && ring.at(-1)!.join() === ring[0]!.join() ? ring.slice(0, -1) : ring))
    .filter((ring) => ring.length >= 3);
}

describe("compact SVG path data for map outlines", () => {
  it("draws a square with a hole in relative whole-pixel steps, closing each ring with z", () => {
    const c = new CompactPathData();
    c.moveTo(10.2, 10);
    c.lineTo(20, 10);
    c.lineTo(20, 19.6);
    c.lineTo(10, 20);
    c.lineTo(10, 10);
    c.closePath();
    c.moveTo(12, 12);
    c.lineTo(12.4, 12.2); // rounds onto the point before: dropped
    c.lineTo(15, 12);
    c.lineTo(15, 15);
    c.closePath();
    expect(c.toString()).toBe("M10,10l10,0 0,10-10,0zm2,2l3,0 0,3z");
  });

  it("leaves out rings smaller than a pixel", () => {
    const c = new CompactPathData();
    c.moveTo(5, 5);
    c.lineTo(5.3, 5.2);
    c.lineTo(4.9, 5.1);
    c.closePath();
    c.moveTo(0, 0);
    c.lineTo(4, 0);
    c.lineTo(0, 3);
    c.closePath();
    expect(c.toString()).toBe("M0,0l4,0-4,3z");
  });

  it("draws every country's rings at the same points as d3's own whole-pixel path, in half the text", () => {
    const topology = world as unknown as Topology<{ countries: GeometryCollection }>;
    const countries = feature(topology, topology.objects.countries);
    const projection = geoEqualEarth().fitSize([960, 470], countries);
    let absolute = 0;
    let compact = 0;
    for (const f of countries.features) {
      const reference = geoPath(projection).digits(0)(f) ?? "";
      const context = new CompactPathData();
      geoPath(projection, context)(f);
      const d = context.toString();
      expect(rings(d), String(f.id)).toEqual(tidy(rings(reference)));
      absolute += reference.length;
      compact += d.length;
    }
    expect(compact).toBeLessThan(absolute * 0.6);
  });
});
