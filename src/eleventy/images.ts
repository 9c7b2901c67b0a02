// Pictures: the newsroom asks the build's picture pipeline (src/images/pictures.ts) for the
// responsive versions, share picture and crops of every local picture; templates print them with
// the `picture` filter (src/images/markup.ts). No HTML transform re-reads the pages.
//
// Encoded files are kept in .cache/images/ between builds (unchanged pictures are never encoded
// again) and linked into the output's /img/ once the pages are written, so the production build's
// temporary output folder gets them before it is swapped in. A production build then deletes the
// cached files no build has used for a month (src/images/cache.ts).
import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import { pruneCache } from "../images/cache.ts";
import { pictureFilter } from "../images/markup.ts";
import type { Pictures } from "../images/pictures.ts";

export interface ImagesOptions {
  /** The build's picture pipeline, shared with the content plugin (which asks it for every picture). */
  pictures: Pictures;
}

export function imagesPlugin(eleventyConfig: UserConfig, { pictures }: ImagesOptions): void {
  eleventyConfig.on("eleventy.before", () => pictures.reset());
  eleventyConfig.addFilter("picture", pictureFilter());
  eleventyConfig.on("eleventy.after", async ({ directories, outputMode, runMode }: { directories: { output: string }; outputMode?: string; runMode?: string }) => {
    if (outputMode && outputMode !== "fs") return pictures.finish();
    await pictures.writeTo(path.join(directories.output, pictures.urlPath));
    if (runMode === "build") await pruneCache(pictures.cacheDir, pictures.used);
  });
}
