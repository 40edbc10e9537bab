import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Font } from "fontkit";

// The preview renderer (satori) draws each character's glyph on its own: scripts whose letters join
// and reorder (Devanagari's vowel signs and conjuncts) come out wrong. Such lines are shaped here
// with fontkit, a real OpenType shaper, and drawn as vector paths the renderer takes as an image.

/** Languages whose script needs shaping: the face, its subset for that script, and what the script's letters are. */
const FACES: Record<string, { family: string; subset: string; letters: RegExp }> = {
  // Devanagari, its extensions, and the joiners that sit between its letters.
  hi: {
    family: "noto-sans-devanagari",
    subset: "devanagari",
    letters: /([\u0900-\u097F\u1CD0-\u1CFF\uA8E0-\uA8FF\u200C\u200D]+)/,
  },
};

const fonts = new Map<string, Promise<Font>>();
function face(family: string, subset: string, weight: 400 | 700): Promise<Font> {
  const name = `${family}-${subset}-${weight}-normal.woff2`;
  let font = fonts.get(name);
  if (!font) {
    // Loaded only when an image needs it (the page's metadata imports the image's module too).
    font = Promise.all([
      import("fontkit"),
      readFile(path.join(process.cwd(), "node_modules", "@fontsource", family, "files", name)),
    ]).then(([fontkit, data]) => fontkit.create(data) as Font);
    fonts.set(name, font);
  }
  return font;
}

export const needsShaping = (locale: string) => locale in FACES;

export interface ShapedLine {
  /** An SVG image of the line, as a data: URL. */
  src: string;
  width: number;
  height: number;
}

/** One line of text, shaped and drawn in `color` at `size` pixels; null when its language needs no shaping. */
export async function shapedLine(
  text: string,
  locale: string,
  { size, color, weight = 400 }: { size: number; color: string; weight?: 400 | 700 },
): Promise<ShapedLine | null> {
  const script = FACES[locale];
  if (!script) return null;
  // The script's letters in its own subset; names, digits and punctuation in the same family's Latin.
  const [own, latin] = await Promise.all([
    face(script.family, script.subset, weight),
    face(script.family, "latin", weight),
  ]);
  const scale = size / own.unitsPerEm;
  const ascent = own.ascent * scale;
  const height = Math.ceil((own.ascent - own.descent) * scale);
  let x = 0;
  const paths: string[] = [];
  text.split(script.letters).forEach((part, i) => {
    if (!part) return;
    const font = i % 2 ? own : latin;
    const run = font.layout(part);
    run.glyphs.forEach((glyph, g) => {
      const p = run.positions[g]!;
      const d = glyph.path.toSVG();
      if (d)
        paths.push(
          `<path transform="translate(${(x + p.xOffset * scale).toFixed(2)} ${(ascent - p.yOffset * scale).toFixed(2)}) scale(${scale.toFixed(5)} ${(-scale).toFixed(5)})" d="${d}"/>`,
        );
      x += p.xAdvance * scale;
    });
  });
  const width = Math.ceil(x);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><g fill="${color}">${paths.join("")}</g></svg>`;
  return { src: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`, width, height };
}
