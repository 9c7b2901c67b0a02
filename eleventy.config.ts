// khabar: the site is wired here; each concern is a plugin in src/eleventy/ over pure modules in src/.
import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import { readPathPrefix } from "./src/site.ts";
import { assetsPlugin } from "./src/eleventy/assets.ts";
import { bidiPlugin } from "./src/eleventy/bidi.ts";
import { cardsPlugin } from "./src/eleventy/cards.ts";
import { contentPlugin } from "./src/eleventy/content.ts";
import { feedsPlugin } from "./src/eleventy/feeds.ts";
import { fontsPlugin } from "./src/eleventy/fonts.ts";
import { hostingPlugin } from "./src/eleventy/hosting.ts";
import { imagesPlugin } from "./src/eleventy/images.ts";
import { pagesPlugin } from "./src/eleventy/pages.ts";
import { pageWriterPlugin } from "./src/eleventy/page-writer.ts";
import { searchPlugin } from "./src/eleventy/search.ts";
import { seoPlugin } from "./src/eleventy/seo.ts";

export default function (eleventyConfig: UserConfig): void {
  eleventyConfig.addPlugin(contentPlugin); // stories: load, validate, render, publish rule
  eleventyConfig.addPlugin(pagesPlugin); // home, index, search and 404 pages; feeds; sitemaps
  eleventyConfig.addPlugin(pageWriterPlugin); // story and list pages, rendered with the same layouts and written one by one
  eleventyConfig.addPlugin(bidiPlugin); // <bdi dir> for Latin names inside Arabic text
  eleventyConfig.addPlugin(cardsPlugin); // each story card rendered once, reused in every list
  eleventyConfig.addPlugin(seoPlugin); // Open Graph, X cards, JSON-LD
  eleventyConfig.addPlugin(feedsPlugin); // date and absolute-URL filters for feeds (@11ty/eleventy-plugin-rss)
  eleventyConfig.addPlugin(imagesPlugin); // responsive pictures, share pictures (@11ty/eleventy-img, cached in .cache/images)
  eleventyConfig.addPlugin(assetsPlugin); // hashed theme files and editors' pictures
  eleventyConfig.addPlugin(fontsPlugin); // Readex Pro woff2 files (Arabic and Latin subsets), the Arabic one preloaded
  eleventyConfig.addPlugin(hostingPlugin); // robots.txt, _headers (CSP, caching), _redirects
  eleventyConfig.addPlugin(searchPlugin); // Pagefind index over the finished output (production builds)
}

// The content folder is `content/` unless KHABAR_CONTENT names another (test fixtures do): a `dir`
// set here overrides the Eleventy constructor's arguments. Output stays Eleventy's default (_site)
// for the same reason, so the build script can write into a temporary folder.
const input = process.env.KHABAR_CONTENT ?? "content";

export const config = {
  // Sites served under a sub-path: site.json's pathPrefix, or KHABAR_PATH_PREFIX (`npm run build -- --pathprefix /news/`).
  pathPrefix: readPathPrefix(input),
  dir: { input, data: "_data", includes: path.relative(input, "layouts"), layouts: path.relative(input, "layouts") },
  // Only the engine's own templates are rendered; stories are Markdown the engine renders itself.
  templateFormats: ["njk"],
  htmlTemplateEngine: "njk",
  markdownTemplateEngine: false,
};
