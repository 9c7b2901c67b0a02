// Search runs on production builds only: the index is built over the finished output, in the
// temporary folder the build script swaps in (so a failed index fails the build, leaving _site/).
// The preview server skips it; its search page says so.
import type { UserConfig } from "@11ty/eleventy";
import { indexSite } from "../search.ts";

export function searchPlugin(eleventyConfig: UserConfig): void {
  eleventyConfig.on("eleventy.after", async ({ directories, runMode, outputMode }: { directories: { output: string }; runMode: string; outputMode: string }) => {
    if (runMode === "build" && outputMode === "fs") await indexSite(directories.output);
  });
}
