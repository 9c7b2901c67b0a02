// khabar: the site is wired here; each concern is a plugin in src/eleventy/ over plain modules in src/.
// The build's options are read here, once, and passed to the plugins that need them.
import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import { readPathPrefix } from "./src/content/registries.ts";
import { Pictures } from "./src/images/pictures.ts";
import { PICTURES_PATH } from "./src/urls.ts";
import { engineVersion, fingerprint } from "./src/output/fingerprint.ts";
import { StoryFileCache } from "./src/output/story-cache.ts";
import { assetsPlugin } from "./src/eleventy/assets.ts";
import { bidiPlugin } from "./src/eleventy/bidi.ts";
import { cardsPlugin } from "./src/eleventy/cards.ts";
import { contentPlugin } from "./src/eleventy/content.ts";
import { feedsPlugin } from "./src/eleventy/feeds.ts";
import { fontsPlugin } from "./src/eleventy/fonts.ts";
import { hostingPlugin } from "./src/eleventy/hosting.ts";
import { imagesPlugin } from "./src/eleventy/images.ts";
import { pagesPlugin } from "./src/eleventy/pages.ts";
import { pageWriterPlugin, type PageWriterOptions } from "./src/eleventy/page-writer.ts";
import { publishedFilesPlugin } from "./src/eleventy/published-files.ts";
import { searchPlugin } from "./src/eleventy/search.ts";
import { viewsPlugin } from "./src/eleventy/views.ts";
import { BUILD_ENVIRONMENT } from "./src/eleventy/options.ts";

// `npm run build` (src/cli/build.ts) passes its options in these variables, as `npm start`
// (Eleventy's own command) can pass nothing else; Eleventy sets its run mode.
const env = process.env;
const runMode = env.ELEVENTY_RUN_MODE;
const options = {
  /** The content folder: content/ unless another is named (test fixtures, benchmarks). */
  input: env[BUILD_ENVIRONMENT.content] ?? "content",
  /** `npm run build -- --pathprefix /news/`, else site.json's pathPrefix. */
  pathPrefix: env[BUILD_ENVIRONMENT.pathPrefix],
  search: env[BUILD_ENVIRONMENT.search] !== "off",
  /** The preview shows drafts and scheduled stories, marked. */
  includeUnpublished: runMode !== "build" || env[BUILD_ENVIRONMENT.drafts] === "1",
  serving: runMode === "serve" || runMode === "watch",
  /** `npm run build -- --now 2025-12-03T10:00:00Z`: build as of that time (scheduled stories, the news sitemap's window). */
  now: env[BUILD_ENVIRONMENT.now],
  /** Encoded pictures are kept here between builds (git-ignored). */
  imageCache: env[BUILD_ENVIRONMENT.imageCache] ?? ".cache/images",
  /** Incremental builds (`npm run build`): its cache folder and the output it updates. */
  buildCache: env[BUILD_ENVIRONMENT.buildCache],
  buildTarget: env[BUILD_ENVIRONMENT.buildTarget],
  clean: env[BUILD_ENVIRONMENT.clean] === "1",
};
const pathPrefix = readPathPrefix(options.input, options.pathPrefix);

/**
 * Stories are built and pages rendered again only when what they show changed, in `npm run build`
 * and in the preview; the engine's version is part of that. Stories built before are shared by
 * every output (their keys hold everything they were built from): the preview starts from the build's.
 */
function incremental(): { pages?: PageWriterOptions["incremental"]; storyCache?: StoryFileCache } {
  const { buildCache, buildTarget, clean, serving } = options;
  if (!(buildCache && buildTarget) && !serving) return {};
  const engine = fingerprint(engineVersion(process.cwd(), ["layouts", "src"], ["package-lock.json", "eleventy.config.ts"]), pathPrefix);
  const storyCache = new StoryFileCache(".cache/build/stories", engine, !clean);
  return { storyCache, pages: serving ? { engine, reuse: true } : { cacheFolder: buildCache, target: buildTarget, engine, reuse: !clean } };
}

export default function (eleventyConfig: UserConfig): void {
  const { storyCache, pages } = incremental();
  const pictures = new Pictures({ contentDir: eleventyConfig.directories.input, cacheDir: options.imageCache, urlPath: PICTURES_PATH });
  const { includeUnpublished, serving, pathPrefix, now } = options;
  eleventyConfig.addPlugin(contentPlugin, { includeUnpublished, serving, pictures, pathPrefix, now, storyCache }); // stories: load, validate, render, publish rule
  eleventyConfig.addPlugin(pagesPlugin); // home, index, search and 404 pages; feeds; sitemaps
  eleventyConfig.addPlugin(pageWriterPlugin, { incremental: pages }); // story and list pages, rendered with the same layouts and written one by one (only those that changed)
  eleventyConfig.addPlugin(bidiPlugin); // <bdi dir> for Latin names inside Arabic text
  eleventyConfig.addPlugin(cardsPlugin); // each story card rendered once, reused in every list
  eleventyConfig.addPlugin(viewsPlugin); // each page's view: title, Open Graph, X cards, JSON-LD, navigation, breadcrumbs, feeds
  eleventyConfig.addPlugin(feedsPlugin); // date and absolute-URL filters for feeds (@11ty/eleventy-plugin-rss)
  eleventyConfig.addPlugin(imagesPlugin, { pictures }); // responsive pictures, share pictures (@11ty/eleventy-img, cached in .cache/images)
  eleventyConfig.addPlugin(assetsPlugin); // hashed theme files
  eleventyConfig.addPlugin(publishedFilesPlugin, { pictures }); // the editors' pictures, videos and logos the pages show, and nothing else under content/
  eleventyConfig.addPlugin(fontsPlugin); // Readex Pro woff2 files (Arabic and Latin subsets), the Arabic one preloaded
  eleventyConfig.addPlugin(hostingPlugin); // robots.txt, _headers (CSP, caching), _redirects
  eleventyConfig.addPlugin(searchPlugin, { enabled: options.search, cacheDir: ".cache/build/search", reuse: !options.clean }); // Pagefind indexes per period, re-indexing only changed periods (production builds; docs/search.md)
}

// A `dir` set here overrides the Eleventy constructor's arguments, so the content folder comes from
// the options above. Output stays Eleventy's default (_site), so the build script can write into a
// temporary folder.
export const config = {
  pathPrefix,
  // Eleventy's global data folder is one that does not exist: in content/_data/ a .js file would run
  // as code. The registries there are JSON the engine reads itself (src/content/registries.ts).
  dir: { input: options.input, data: path.relative(options.input, "layouts/no-data-files"), includes: path.relative(options.input, "layouts"), layouts: path.relative(options.input, "layouts") },
  // Only the engine's own templates are rendered; stories are Markdown the engine renders itself.
  templateFormats: ["njk"],
  htmlTemplateEngine: "njk",
  markdownTemplateEngine: false,
};
