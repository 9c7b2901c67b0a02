// Search runs on production builds only: the index is built over the finished output (once the
// page writer has written the story pages), in the temporary folder the build script swaps in, so
// a failed index fails the build, leaving _site/. The preview server skips it; its search page says so.
import type { UserConfig } from "@11ty/eleventy";
import { indexSite } from "../search.ts";
import { PAGES_WRITTEN, type PagesWritten } from "./page-writer.ts";

export function searchPlugin(eleventyConfig: UserConfig): void {
  eleventyConfig.on(PAGES_WRITTEN, async ({ output, runMode }: PagesWritten) => {
    if (runMode === "build" && process.env.KHABAR_SEARCH !== "off") await indexSite(output);
  });
}
