// Search runs on production builds only (`npm run build -- --no-search` skips it). Pagefind indexes
// the stories in its own process while the page writer writes the pages; the index goes into the
// temporary folder the build script swaps in, so a failed index fails the build, leaving _site/ as
// it was. The preview server skips it; its search page says so.
import type { UserConfig } from "@11ty/eleventy";
import { openSearchIndex, searchRecord } from "../site/search.ts";
import { PAGES_WRITING, PAGES_WRITTEN, type PagesWriting } from "./page-writer.ts";

export interface SearchOptions {
  /** False: no index (`npm run build -- --no-search`). */
  enabled: boolean;
}

export function searchPlugin(eleventyConfig: UserConfig, { enabled }: SearchOptions): void {
  let indexing: Promise<unknown> | undefined;
  eleventyConfig.on(PAGES_WRITING, ({ output, runMode, newsroom }: PagesWriting) => {
    if (runMode !== "build" || !enabled) return;
    indexing = openSearchIndex().then((index) => {
      for (const story of newsroom.stories) index.add(searchRecord(story, newsroom.site.language));
      return index.write(output);
    });
    indexing.catch(() => {}); // the failure is raised below, once the pages are written
  });
  eleventyConfig.on(PAGES_WRITTEN, async () => {
    const started = indexing;
    indexing = undefined;
    await started;
  });
}
