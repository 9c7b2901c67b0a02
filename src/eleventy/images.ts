// Pictures: the story loader asks the build's picture pipeline (src/images/pictures.ts) for the
// responsive versions, share picture and crops of every local picture; templates print them with
// the `picture` filter (src/images/html.ts). No HTML transform re-reads the pages.
//
// Encoded files are kept in .cache/images/ between builds (unchanged pictures are never encoded
// again) and linked into the output's /img/ once the pages are written, so the production build's
// temporary output folder gets them before it is swapped in. A production build then deletes the
// cached files no build has used for a month (src/images/cache.ts).
import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import { pruneCache } from "../images/cache.ts";
import { pictureFilter } from "../images/html.ts";
import { Pictures } from "../images/pictures.ts";
import { setBuildPictures } from "../images/registry.ts";

/** Where encoded pictures are kept between builds (KHABAR_IMAGE_CACHE overrides it). */
export const PICTURE_CACHE = ".cache/images";

export function imagesPlugin(eleventyConfig: UserConfig): void {
  const pictures = new Pictures({ contentDir: eleventyConfig.directories.input, cacheDir: process.env.KHABAR_IMAGE_CACHE ?? PICTURE_CACHE, urlPath: "/img/" });
  setBuildPictures(pictures);
  eleventyConfig.on("eleventy.before", () => pictures.reset());
  eleventyConfig.addFilter("picture", pictureFilter());
  eleventyConfig.on("eleventy.after", async ({ directories, outputMode, runMode }: { directories: { output: string }; outputMode?: string; runMode?: string }) => {
    if (outputMode && outputMode !== "fs") return pictures.finish();
    await pictures.writeTo(path.join(directories.output, "img"));
    if (runMode === "build") await pruneCache(pictures.cacheDir, pictures.used);
  });
}
