// khabar: the site is wired here; each concern is a plugin in src/eleventy/ over pure modules in src/.
import type { UserConfig } from "@11ty/eleventy";
import { assetsPlugin } from "./src/eleventy/assets.ts";
import { contentPlugin } from "./src/eleventy/content.ts";
import { pagesPlugin } from "./src/eleventy/pages.ts";

export default function (eleventyConfig: UserConfig): void {
  eleventyConfig.addPlugin(contentPlugin); // stories: load, validate, render, publish rule
  eleventyConfig.addPlugin(pagesPlugin); // story, category, home, latest, sitemap pages
  eleventyConfig.addPlugin(assetsPlugin); // theme files and editors' pictures
}

export const config = {
  // output stays Eleventy's default (_site); set here it would override the build script's temporary folder
  dir: { input: "content", data: "_data", includes: "../layouts", layouts: "../layouts" },
  // Only the engine's own templates are rendered; stories are Markdown the engine renders itself.
  templateFormats: ["njk"],
  htmlTemplateEngine: "njk",
  markdownTemplateEngine: false,
};
