// Page metadata filters: each layout asks src/site/seo.ts for its page's Open Graph, X card and JSON-LD
// values instead of assembling them in Nunjucks.
import type { UserConfig } from "@11ty/eleventy";
import { homeMeta, listHeading, listMeta, storyMeta } from "../site/seo.ts";

export function seoPlugin(eleventyConfig: UserConfig): void {
  eleventyConfig.addFilter("storyMeta", storyMeta);
  eleventyConfig.addFilter("listMeta", listMeta);
  eleventyConfig.addFilter("homeMeta", homeMeta);
  eleventyConfig.addFilter("listHeading", listHeading);
}
