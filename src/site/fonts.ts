// The site's one self-hosted font: Readex Pro (variable, weights 160-700 in one file), from
// @fontsource-variable/readex-pro, in two woff2 subsets chosen by unicode-range: Arabic and basic
// Latin (digits, spaces and punctuation come from the Latin file, so every page uses both, and no
// other font file). The @font-face rules, with font-display: swap and the metric-matched fallback
// faces, are in layouts/assets/site.css; src/eleventy/fonts.ts copies the files next to it, under
// names that carry the package version (so hosts may cache them for a year), and gives base.njk the
// file to preload: the Arabic one, which holds the body weight. bench/fonts.ts measures the
// fallback faces.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
export const FONT_PACKAGE = "@fontsource-variable/readex-pro";
const packageDir = path.dirname(require.resolve(`${FONT_PACKAGE}/package.json`));
export const FONT_VERSION = (JSON.parse(readFileSync(path.join(packageDir, "package.json"), "utf8")) as { version: string }).version;

/** The font files, as copied to /assets/fonts/. */
export const FONT_FILES = [
  { subset: "arabic", source: path.join(packageDir, "files/readex-pro-arabic-wght-normal.woff2"), name: `readex-pro-arabic-wght-${FONT_VERSION}.woff2`, preload: true },
  { subset: "latin", source: path.join(packageDir, "files/readex-pro-latin-wght-normal.woff2"), name: `readex-pro-latin-wght-${FONT_VERSION}.woff2`, preload: false },
];

/** unicode-range of each subset, as @fontsource publishes it. */
export function unicodeRanges(): Record<string, string> {
  return JSON.parse(readFileSync(path.join(packageDir, "unicode.json"), "utf8")) as Record<string, string>;
}
