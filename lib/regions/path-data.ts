import type { GeoContext } from "d3-geo";

/**
 * A d3-geo path context that writes SVG path data in whole pixels with relative steps ("l3-1 2,4"),
 * the shortest form: a map's outlines are most of its page, and each page carries them twice (in
 * the HTML and again in the React payload that hydrates it). Points that round onto the one before
 * are dropped, and so are rings left with fewer than three points: islands smaller than a pixel.
 */
export class CompactPathData implements GeoContext {
  private out = "";
  /** The ring being drawn, as whole-pixel points without repeats. */
  private ring: Array<[number, number]> = [];
  /** Where the pen is once the last ring written is closed: its first point. */
  private pen: [number, number] | null = null;

  beginPath(): void {}

  moveTo(x: number, y: number): void {
    this.flush();
    this.ring = [[Math.round(x), Math.round(y)]];
  }

  lineTo(x: number, y: number): void {
    const p: [number, number] = [Math.round(x), Math.round(y)];
    const last = this.ring.at(-1);
    if (!last || last[0] !== p[0] || last[1] !== p[1]) this.ring.push(p);
  }

  closePath(): void {
    this.flush();
  }

  /** Points (d3 draws them as circles) are not on these maps. */
  arc(): void {}

  /** The path data so far. */
  toString(): string {
    this.flush();
    return this.out;
  }

  private flush(): void {
    const ring = this.ring;
    this.ring = [];
    const first = ring[0];
    const closing = ring.at(-1);
    // A ring that came back to its start says so with "z", not a last step.
    if (ring.length > 1 && first && closing && first[0] === closing[0] && first[1] === closing[1]) ring.pop();
    if (ring.length < 3 || !first) return;
    this.out += this.pen ? `m${step(first, this.pen)}` : `M${first[0]},${first[1]}`;
    let steps = "";
    for (let i = 1; i < ring.length; i++) {
      const s = step(ring[i]!, ring[i - 1]!);
      steps += i === 1 || s.startsWith("-") ? s : ` ${s}`;
    }
    this.out += `l${steps}z`;
    this.pen = first;
  }
}

function step([x, y]: [number, number], [fromX, fromY]: [number, number]): string {
  const dx = x - fromX;
  const dy = y - fromY;
  return dy < 0 ? `${dx}${dy}` : `${dx},${dy}`;
}
