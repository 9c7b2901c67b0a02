// Stories as global data: loaded and validated once per build, before any page is rendered.
// Production builds publish only stories that are not drafts and not dated in the future;
// the preview server (`--serve`/`--watch`) shows those too, marked. https://www.11ty.dev/docs/data-global-custom/
//
// A content error fails a build (`npm run build`) hard. The preview server instead keeps running:
// it prints the problems in the terminal and writes, in place of every page the browser may be
// showing, an error page naming each story and field (layouts/problems.njk); fixing the file
// rebuilds the real pages and the browser reloads. https://www.11ty.dev/docs/config-preprocessors/
import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import { DateTime } from "luxon";
import { ContentError, formatProblems, type ContentProblem } from "../content/problems.ts";
import { readLabels } from "../content/registries.ts";
import { storySlug } from "../content/slug.ts";
import { storyFiles } from "../content/story-files.ts";
import type { Pictures } from "../images/pictures.ts";
import { loadNewsroom, type StoryCache } from "../newsroom.ts";
import { pageFile, SITE_PATHS, storyUrl } from "../urls.ts";
import { PAGES_WRITTEN, type PagesWritten } from "./page-writer.ts";

/** What the pages get instead of the newsroom while the content has errors (preview only). */
export interface ProblemNewsroom {
  problems: ContentProblem[];
  /** Output paths (relative to the output folder) that show the problems. */
  problemPages: string[];
}

export interface ContentOptions {
  /** Drafts and scheduled stories are built, marked (the preview server). */
  includeUnpublished: boolean;
  /** `--serve`/`--watch`: content errors show in the browser instead of failing the build. */
  serving: boolean;
  /** The build's picture pipeline. */
  pictures: Pictures;
  /** Serve under this sub-path instead of site.json's pathPrefix. */
  pathPrefix?: string;
  /** Incremental builds: stories built before from the same bytes (src/output/story-cache.ts). */
  storyCache?: StoryCache;
  /** Build as of this ISO time instead of the clock's (checked by the build command). */
  now?: string;
}

export function contentPlugin(eleventyConfig: UserConfig, { includeUnpublished, serving, pictures, pathPrefix, now, storyCache }: ContentOptions): void {
  const clock = () => (now ? DateTime.fromISO(now, { setZone: true }) : DateTime.now());
  const input = eleventyConfig.directories.input;
  // Content is data, never code: Eleventy renders no file under content/ (a story is Markdown the
  // engine renders itself, so no template syntax in a body ever runs; a .njk dropped there is
  // refused by src/content/inventory.ts) and reads no template or folder data file (*.11tydata.js
  // would run). Its pages are the virtual templates of src/eleventy/pages.ts over layouts/.
  // https://www.11ty.dev/docs/ignores/ · https://www.11ty.dev/docs/data-template-dir/#change-file-suffix-for-data-files
  eleventyConfig.ignores.add(path.join(input, "**"));
  eleventyConfig.setDataFileSuffixes([]);
  eleventyConfig.addWatchTarget(path.join(input, "**"));
  // The reader-facing words, as JSON the engine reads itself: Eleventy's global data folder is not
  // content/_data/, where a .js file would run (eleventy.config.ts points it elsewhere).
  eleventyConfig.addGlobalData("labels", () => readLabels(path.join(input, "_data")));

  /** HTML pages of the last good preview, so the problem page replaces what the browser shows. */
  let lastPages: string[] = [];
  let failing = false;
  eleventyConfig.addGlobalData("newsroom", async () => {
    const contentDir = eleventyConfig.directories.input;
    try {
      const newsroom = await loadNewsroom({ contentDir, includeUnpublished, now: clock(), pictures, pathPrefix, storyCache });
      failing = false;
      return newsroom;
    } catch (error) {
      if (!serving) throw error;
      failing = true;
      const problems: ContentProblem[] =
        error instanceof ContentError ? error.problems : [{ file: path.join(contentDir, "_data"), field: "(registries)", message: (error as Error).message }];
      console.error(`\n[khabar] The preview shows these problems until they are fixed (the server keeps running):\n${formatProblems(problems)}\n`);
      const fromFiles = (await storyFiles(path.join(contentDir, "articles"))).map((file) => pageFile(storyUrl(storySlug(undefined, file))));
      return { problems, problemPages: [...new Set([pageFile(SITE_PATHS.home), ...lastPages, ...fromFiles])] } satisfies ProblemNewsroom;
    }
  });
  if (!serving) return;

  eleventyConfig.addTemplate("pages/problems.njk", "", {
    eleventyExcludeFromCollections: true,
    khabarProblemPage: true,
    layout: "problems.njk",
    pagination: { data: "newsroom.problemPages", size: 1, alias: "problemPage" },
    permalink: (data: { problemPage: string }) => data.problemPage,
  });
  // While there are problems only the problem pages are built; otherwise never.
  eleventyConfig.addPreprocessor("khabar-content-problems", "*", (data) => {
    const failing = Array.isArray((data.newsroom as Partial<ProblemNewsroom> | undefined)?.problems);
    if (failing !== (data.khabarProblemPage === true)) return false;
    return undefined;
  });
  // Eleventy's own pages, then the story and list pages the page writer adds.
  eleventyConfig.on("eleventy.after", ({ results }: { results?: Array<{ outputPath?: string | false }> }) => {
    const output = eleventyConfig.directories.output;
    const pages = (results ?? []).flatMap((r) => (typeof r.outputPath === "string" && r.outputPath.endsWith(".html") ? [path.relative(output, r.outputPath)] : []));
    if (!failing) lastPages = pages;
  });
  eleventyConfig.on(PAGES_WRITTEN, ({ pages }: PagesWritten) => {
    if (!failing) lastPages = [...lastPages, ...pages];
  });
}
