// The font files next to the stylesheet, and the one to preload (src/site/fonts.ts says which and why).
import { readFileSync } from "node:fs";
import type { UserConfig } from "@11ty/eleventy";
import { assetUrl } from "../urls.ts";
import { FONT_FILES, FONT_PACKAGE, FONT_VERSION } from "../site/fonts.ts";

export function fontsPlugin(eleventyConfig: UserConfig, { css = "layouts/assets/site.css" } = {}): void {
  const stylesheet = readFileSync(css, "utf8");
  for (const file of FONT_FILES) {
    // The stylesheet names the files by hand: fail the build, not the reader, when they drift apart.
    if (!stylesheet.includes(`fonts/${file.name}`)) throw new Error(`${css} does not load fonts/${file.name} (${FONT_PACKAGE} ${FONT_VERSION}); update its @font-face rules`);
    eleventyConfig.addPassthroughCopy({ [file.source]: assetUrl(`fonts/${file.name}`).slice(1) });
  }
  eleventyConfig.addGlobalData("fonts", { preload: FONT_FILES.filter((file) => file.preload).map((file) => assetUrl(`fonts/${file.name}`)) });
}
