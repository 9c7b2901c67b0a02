// The names under which the build's options reach eleventy.config.ts, which reads them once and
// passes them to the plugins.
/**
 * What eleventy.config.ts reads of the environment, its only input besides the files: Eleventy's own
 * command (`npm start`) can pass nothing else, so the build passes its options the same way.
 */
export const BUILD_ENVIRONMENT = {
  /** The content folder, relative to the project (default content). */
  content: "KHABAR_CONTENT",
  pathPrefix: "KHABAR_PATH_PREFIX",
  /** "off": no search index. */
  search: "KHABAR_SEARCH",
  /** "1": a production build that includes drafts and scheduled stories (tests). */
  drafts: "KHABAR_DRAFTS",
  /** The folder of encoded pictures kept between builds (default .cache/images). */
  imageCache: "KHABAR_IMAGE_CACHE",
  /** Incremental builds: this build's cache folder (src/output/build-state.ts); unset, every page is written. */
  buildCache: "KHABAR_BUILD_CACHE",
  /** With buildCache: the output folder the build updates (Eleventy itself writes into a staging folder). */
  buildTarget: "KHABAR_BUILD_TARGET",
  /** The build's "now" as an ISO time (`--now`): what is published (drafts aside) is what is dated before it. Default: the clock. */
  now: "KHABAR_NOW",
  /** "1": `npm run build -- --clean`, nothing of the cache is reused. */
  clean: "KHABAR_CLEAN",
} as const;
