// Search runs on production builds only (`npm run build -- --no-search` skips it). The index is
// built beside the page writer, one period at a time, reusing the periods kept in the cache folder
// whose stories did not change (src/site/search.ts, docs/search.md); it goes into the temporary
// folder the build script swaps in, so a failed index fails the build, leaving _site/ as it was.
// The preview server skips it; its search page says so.
import type { UserConfig } from "@11ty/eleventy";
import { buildSearchIndexes } from "../site/search.ts";
import { PAGES_WRITING, PAGES_WRITTEN, type PagesWriting } from "./page-writer.ts";

export interface SearchOptions {
  /** False: no index (`npm run build -- --no-search`). */
  enabled: boolean;
  /** Where each period's index is kept between builds (relative to the working directory, the project). */
  cacheDir: string;
  /** False (`npm run build -- --clean`): every period is indexed again (and kept for the next build). */
  reuse?: boolean;
}

export function searchPlugin(eleventyConfig: UserConfig, { enabled, cacheDir, reuse = true }: SearchOptions): void {
  let indexing: Promise<unknown> | undefined;
  eleventyConfig.on(PAGES_WRITING, ({ output, runMode, newsroom }: PagesWriting) => {
    if (runMode !== "build" || !enabled) return;
    const started = performance.now();
    indexing = buildSearchIndexes({
      stories: newsroom.stories,
      language: newsroom.site.language,
      cacheDir,
      reuse,
      outputDir: output,
      yieldEvery: () => new Promise((resolve) => setImmediate(resolve)),
    }).then(({ periods, indexed, pages }) => {
      const which = indexed.length ? ` (${indexed.join(", ")})` : "";
      console.log(`Search: ${pages} stories in ${periods.length} period indexes, ${indexed.length} re-indexed${which}, ${((performance.now() - started) / 1000).toFixed(2)} s`);
    });
    indexing.catch(() => {}); // the failure is raised below, once the pages are written
  });
  eleventyConfig.on(PAGES_WRITTEN, async () => {
    const started = indexing;
    indexing = undefined;
    await started;
  });
}
