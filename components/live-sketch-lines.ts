"use client";

import { useEffect, useState } from "react";
import type { SeriesPoint } from "@/lib/services/snapshot";
import type { SketchLines } from "./chart-sketch-lines";

export interface DrawnSketch {
  series: SeriesPoint[];
  lines: SketchLines;
}

/**
 * The chart sketch's lines for a live series. The page comes with them drawn for its first series;
 * d3 is fetched the first time a live update brings another, and until it has drawn it the chart
 * keeps the series it has lines for, so lines and labels always match.
 */
export function useLiveSketch(series: SeriesPoint[], first: DrawnSketch): DrawnSketch {
  const [drawn, setDrawn] = useState(first);
  useEffect(() => {
    if (series === drawn.series) return;
    let current = true;
    import("./chart-sketch-lines").then(
      ({ sketchLines }) => current && setDrawn({ series, lines: sketchLines(series) }),
      // Offline, the module may not load: the chart stays as drawn until the next update tries again.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [series, drawn.series]);
  return drawn;
}
