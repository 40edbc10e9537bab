import { readFile } from "node:fs/promises";
import path from "node:path";

// Noto Sans, in the two weights link previews use (the renderer's bundled face is regular only, so
// headlines came out regular). It was Geist, whose spacing the renderer misreads: some words were
// followed by a double-width gap ("TikTok  down?"). Noto is also the face Hindi
// previews are shaped in (lib/og/shaped-text.ts), so the languages match. Each subset is a family of
// its own, listed in order: the renderer draws a family's glyphs from the first file given under
// that name only, so subsets sharing one name drew every Cyrillic, Vietnamese or Polish letter as a box.
const SUBSETS = ["latin", "latin-ext", "cyrillic", "cyrillic-ext", "vietnamese"];
const FAMILIES = SUBSETS.map((subset) => `Noto Sans ${subset}`);

/** The CSS font-family for a preview image: every subset, Latin first. */
export const OG_FONT_FAMILY = FAMILIES.join(", ");

export type OgFont = { name: string; data: Buffer; weight: 400 | 700 };

let fonts: Promise<OgFont[]> | undefined;

/**
 * The font files, read once per process. Without them (a deployment that left node_modules out) the
 * caller passes none and the renderer's bundled regular face is used.
 */
export function ogFonts(): Promise<OgFont[]> {
  const dir = path.join(process.cwd(), "node_modules", "@fontsource", "noto-sans", "files");
  return (fonts ??= Promise.all(
    SUBSETS.flatMap((subset, i) =>
      ([400, 700] as const).map(async (weight) => ({
        name: FAMILIES[i]!,
        data: await readFile(path.join(dir, `noto-sans-${subset}-${weight}-normal.woff`)),
        weight,
      })),
    ),
  ));
}
