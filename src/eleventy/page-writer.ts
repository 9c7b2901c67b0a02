// Story and list pages (about 12,000 at 10,000 stories) are rendered through Eleventy's own
// Nunjucks environment, with the same layouts, filters and global data as every other page, and
// written one at a time once Eleventy's pass is done. As paginated templates Eleventy kept a
// template clone and the finished HTML of each page in memory until the build ended; at 10,000
// stories that cost 21.7 s and 1.16 GB against 14.2 s and 0.51 GB written here (`npm run bench`).
// https://www.11ty.dev/docs/languages/nunjucks/#optional-use-your-nunjucks-environment
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import type { Newsroom } from "../newsroom.ts";
import { buildCacheFolder, readBuildState, writeBuildState, writePendingPages, type PageFingerprints } from "../output/build-state.ts";
import { fingerprint } from "../output/fingerprint.ts";
import { PagePrints } from "../output/page-prints.ts";
import { bulkPages } from "../site/bulk-pages.ts";
import { outputFile } from "../content/path-rule.ts";
import { pageFile } from "../urls.ts";

export interface PageWriterOptions {
  /** Incremental builds (`npm run build`, and the preview): a page whose fingerprint is the one
   * recorded for the page already in the output is not rendered again. Absent: every page is written. */
  incremental?: {
    /** Production builds: the build's cache folder (src/output/build-state.ts). The preview keeps its
     * fingerprints in memory, and on disk beside its output's for the next start. */
    cacheFolder?: string;
    /** Production builds: the output folder the build will update (Eleventy writes into a staging folder). */
    target?: string;
    /** The engine's version (templates, source, lock file: src/output/fingerprint.ts) and the build's options (path prefix). */
    engine: string;
    /** False (`--clean`): nothing is kept, every page is rendered; the fingerprints are recorded anew. */
    reuse: boolean;
  };
}

interface Nunjucks {
  render(name: string, context: Record<string, unknown>): string;
}

/** Emitted before the bulk pages are written; listeners must not hold the writer up (they run beside it). */
export const PAGES_WRITING = "khabar.pagesWriting";
export interface PagesWriting {
  /** The output folder. */
  output: string;
  runMode: string;
  newsroom: Newsroom;
}
/** Emitted once the bulk pages are written. */
export const PAGES_WRITTEN = "khabar.pagesWritten";
export interface PagesWritten extends PagesWriting {
  /** Output paths of the bulk pages the output now holds (written, or kept as they were), relative to it. */
  pages: string[];
}

/** Pages written between two turns of the event loop, so work running beside the writer (the search index) is fed. */
const PAGES_PER_TURN = 50;

/**
 * What every bulk page shows besides its own data: the global data (settings, labels, theme files,
 * fonts, CSP) and the newsroom's shared parts (navigation, feed links), without the stories and
 * lists each page carries itself. Eleventy's own per-build values (page, collections) are left out.
 */
function frameOf(data: Record<string, unknown>): unknown {
  const { newsroom, page: _page, collections: _collections, eleventy, pkg: _pkg, ...globals } = data as { newsroom: Newsroom; eleventy?: { version?: string } } & Record<string, unknown>;
  const { stories: _stories, listings: _listings, home: _home, sitemaps: _sitemaps, files: _files, feeds: _feeds, feedOf, ...shared } = newsroom;
  const feedLinks = Object.fromEntries(Object.entries(feedOf).map(([key, { stories: _items, updated: _updated, ...feed }]) => [key, feed]));
  return { globals, shared, feedLinks, eleventy: eleventy?.version };
}

export function pageWriterPlugin(eleventyConfig: UserConfig, { incremental }: PageWriterOptions = {}): void {
  /** The preview: fingerprints of the pages its output holds now (undefined once problem pages replaced them). */
  let shown: PageFingerprints | undefined;
  let nunjucks: Nunjucks | undefined;
  let cascade: Record<string, unknown> | undefined;
  eleventyConfig.amendLibrary("njk", (environment: Nunjucks) => {
    nunjucks = environment;
  });
  // The global data the bulk pages render with is the data cascade of this never-written template,
  // handed over by a preprocessor that then skips it. https://www.11ty.dev/docs/config-preprocessors/
  eleventyConfig.addTemplate("pages/bulk.njk", "", { eleventyExcludeFromCollections: true, khabarBulkPages: true, permalink: false });
  eleventyConfig.addPreprocessor("khabar-bulk-pages", "njk", (data) => {
    if (data.khabarBulkPages !== true) return undefined;
    cascade = data;
    return false;
  });
  eleventyConfig.on("eleventy.after", async ({ directories, outputMode, runMode }: { directories: { output: string }; outputMode: string; runMode: string }) => {
    const data = cascade;
    cascade = undefined;
    if (outputMode !== "fs" || !data) return;
    const newsroom = data.newsroom as Newsroom;
    if (!nunjucks) throw new Error("khabar: Eleventy's Nunjucks environment was never handed to the page writer");
    const serving = runMode === "serve" || runMode === "watch";
    const cacheFolder = incremental?.cacheFolder ?? buildCacheFolder(process.cwd(), directories.output);
    if (!Array.isArray(newsroom.stories)) {
      // The preview while the content has errors: problem pages take the pages' places, so no page can be kept.
      shown = undefined;
      if (serving && incremental) writeBuildState(cacheFolder, { files: [], frame: "", pages: {} });
      return;
    }
    const event: PagesWriting = { output: directories.output, runMode, newsroom };
    await eleventyConfig.emit(PAGES_WRITING, event);
    // Path prefix: the rewrite Eleventy's HTML base plugin applies to its own pages (a no-op for "/").
    const withBase = eleventyConfig.getFilter("transformWithHtmlBase") as ((this: unknown, html: string) => string | Promise<string>) | undefined;
    const written: string[] = [];
    const kept: string[] = [];
    const folders = new Set<string>();
    // Incremental: the fingerprints of the pages in the output, if the frame they were made in is this one.
    const frame = incremental && (runMode === "build" || serving) ? fingerprint(incremental.engine, frameOf(data)) : undefined;
    const target = (serving ? undefined : incremental?.target) ?? directories.output;
    const previous = !frame || !incremental?.reuse ? undefined : serving ? (shown ?? readBuildState(cacheFolder)) : readBuildState(cacheFolder);
    const before = previous && previous.frame === frame ? previous.pages : {};
    const prints = frame ? new PagePrints(frame) : undefined;
    const pages: Record<string, string> = {};
    const done = () => eleventyConfig.emit(PAGES_WRITTEN, { ...event, pages: [...written, ...kept] } satisfies PagesWritten);
    try {
      for (const page of bulkPages(newsroom)) {
        if (written.length % PAGES_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
        const file = pageFile(page.url);
        if (prints) {
          const print = (pages[file] = prints.of(page));
          if (before[file] === print && existsSync(path.join(target, file))) {
            kept.push(file);
            continue;
          }
        }
        // Every page lands inside the output folder, whatever its address says.
        const pageData = { url: page.url, outputPath: outputFile(directories.output, file) };
        try {
          let html = nunjucks.render(page.layout, { ...data, ...page.data, page: pageData });
          if (withBase) {
            const based = withBase.call({ page: pageData }, html);
            html = typeof based === "string" ? based : await based;
          }
          const folder = path.dirname(pageData.outputPath);
          if (!folders.has(folder)) mkdirSync(folder, { recursive: true });
          folders.add(folder);
          writeFileSync(pageData.outputPath, html);
        } catch (error) {
          const what = "story" in page.data ? page.data.story.file : `the list page ${decodeURI(page.url)}`;
          throw new Error(`khabar: could not write the page of ${what}: ${(error as Error).message}`, { cause: error });
        }
        written.push(file);
      }
    } catch (error) {
      // What started beside the writer (search index, published files) is waited for before the build fails.
      await done().catch(() => undefined);
      throw error;
    }
    if (frame && serving) {
      // The preview writes into its output directly: what it holds now is recorded at once.
      shown = { frame, pages };
      writeBuildState(cacheFolder, { files: [], ...shown });
    } else if (frame) writePendingPages(cacheFolder, { frame, pages, kept });
    await done();
  });
}
