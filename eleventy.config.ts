// khabar: the site is wired here; each concern is a plugin in src/eleventy/ over pure modules in src/.
import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import { assetsPlugin } from "./src/eleventy/assets.ts";
import { contentPlugin } from "./src/eleventy/content.ts";
import { pagesPlugin } from "./src/eleventy/pages.ts";

export default function (eleventyConfig: UserConfig): void {
  eleventyConfig.addPlugin(contentPlugin); // stories: load, validate, render, publish rule
  eleventyConfig.addPlugin(pagesPlugin); // story, category, home, latest, sitemap pages
  eleventyConfig.addPlugin(assetsPlugin); // theme files and editors' pictures
}

// The content folder is `content/` unless KHABAR_CONTENT names another (test fixtures do): a `dir`
// set here overrides the Eleventy constructor's arguments. Output stays Eleventy's default (_site)
// for the same reason, so the build script can write into a temporary folder.
const input = process.env.KHABAR_CONTENT ?? "content";

export const config = {
  dir: { input, data: "_data", includes: path.relative(input, "layouts"), layouts: path.relative(input, "layouts") },
  // Only the engine's own templates are rendered; stories are Markdown the engine renders itself.
  templateFormats: ["njk"],
  htmlTemplateEngine: "njk",
  markdownTemplateEngine: false,
};
