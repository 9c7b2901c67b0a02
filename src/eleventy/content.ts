// Stories as global data: loaded and validated once per build, before any page is rendered.
// Production builds publish only stories that are not drafts and not dated in the future;
// the preview server (`--serve`/`--watch`) shows those too, marked. https://www.11ty.dev/docs/data-global-custom/
import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import { DateTime } from "luxon";
import { loadNewsroom } from "../stories.ts";

export function contentPlugin(eleventyConfig: UserConfig): void {
  const input = eleventyConfig.directories.input;
  // Story files are data for the engine, never templates: no template syntax in a body ever runs.
  eleventyConfig.ignores.add(path.join(input, "articles/**/*.md"));
  eleventyConfig.addWatchTarget(path.join(input, "articles/"));
  const preview = process.env.ELEVENTY_RUN_MODE !== "build" || process.env.KHABAR_DRAFTS === "1";
  eleventyConfig.addGlobalData("newsroom", () =>
    loadNewsroom({ contentDir: eleventyConfig.directories.input, includeUnpublished: preview, now: DateTime.now() }),
  );
  eleventyConfig.addGlobalData("buildYear", () => DateTime.now().year);
}
