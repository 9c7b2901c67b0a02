// The font files next to the stylesheet, and the one to preload (src/fonts.ts says which and why).
import { readFileSync } from "node:fs";
import type { UserConfig } from "@11ty/eleventy";
import { FONT_FILES, FONT_PACKAGE, FONT_VERSION } from "../fonts.ts";

export function fontsPlugin(eleventyConfig: UserConfig, { css = "layouts/assets/site.css" } = {}): void {
  const stylesheet = readFileSync(css, "utf8");
  for (const file of FONT_FILES) {
    // The stylesheet names the files by hand: fail the build, not the reader, when they drift apart.
    if (!stylesheet.includes(`fonts/${file.name}`)) throw new Error(`${css} does not load fonts/${file.name} (${FONT_PACKAGE} ${FONT_VERSION}); update its @font-face rules`);
    eleventyConfig.addPassthroughCopy({ [file.source]: `assets/fonts/${file.name}` });
  }
  eleventyConfig.addGlobalData("fonts", { preload: FONT_FILES.filter((file) => file.preload).map((file) => `/assets/fonts/${file.name}`) });
}
