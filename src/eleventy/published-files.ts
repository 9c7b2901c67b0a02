// The files editors put under content/ that the pages show (pictures, videos, logos: the newsroom's
// `files`), published at the same path in the output, which is how stories link to them. Only these:
// a file no page shows is never published. Each is read through its real path, which must stay
// inside content/ (a symbolic link to a secret elsewhere is never copied), and passes the picture
// pipeline's file checks first: the type its bytes show matches its name, it is within the size
// limits, and an SVG is published as its clean copy (src/images/file-checks.ts). They are written
// while the page writer writes the pages and awaited before the build ends.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import { outputFile, realFileInside } from "../content/path-rule.ts";
import { ContentError } from "../content/problems.ts";
import { publishableFile } from "../images/file-checks.ts";
import type { Pictures } from "../images/pictures.ts";
import { PAGES_WRITING, PAGES_WRITTEN, type PagesWriting } from "./page-writer.ts";

export interface PublishedFilesOptions {
  /** The build's picture pipeline: its limits, and its cache of clean SVG copies. */
  pictures: Pictures;
}

/** Writes each file (a site URL under content/) into the output; a file that fails a check fails the build, named. */
export async function publishFiles(contentDir: string, urls: readonly string[], outputDir: string, pictures: Pictures): Promise<number> {
  const problems = await Promise.all(
    urls.map(async (url) => {
      const relative = decodeURIComponent(url).replace(/^\/+/, "");
      const written = path.join(path.relative(process.cwd(), contentDir) || ".", relative);
      const source = realFileInside(contentDir, path.join(contentDir, relative));
      if (!source) return { file: written, field: "(file)", message: "is not a file inside content/ (a symbolic link leading out of it?); it was not published" };
      const checked = await publishableFile(source, { limits: pictures.limits, cacheDir: pictures.cacheDir });
      if ("problem" in checked) return { file: written, field: "(file)", message: checked.problem };
      const target = outputFile(outputDir, relative);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, checked.bytes);
      return undefined;
    }),
  );
  const found = problems.filter((p) => p !== undefined);
  if (found.length) throw new ContentError(found);
  return urls.length;
}

export function publishedFilesPlugin(eleventyConfig: UserConfig, { pictures }: PublishedFilesOptions): void {
  let copying: Promise<unknown> | undefined;
  eleventyConfig.on(PAGES_WRITING, ({ output, newsroom }: PagesWriting) => {
    copying = publishFiles(eleventyConfig.directories.input, newsroom.files, output, pictures);
    copying.catch(() => {}); // raised below, once the pages are written
  });
  eleventyConfig.on(PAGES_WRITTEN, async () => {
    const started = copying;
    copying = undefined;
    await started;
  });
}
