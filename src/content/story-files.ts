// Story files on disk, shared by the loader, `new`, `check` and `import`:
// - which files are stories (every *.md under content/articles/);
// - what is already there: every story file's front matter, its slug and the original story it came
//   from (`new` refuses a slug that is taken; `import` skips a feed item whose link was already
//   imported, the original URL being the key, and picks a free slug; `check` reads warnings here);
// - writing a new one: front matter + Markdown, written atomically (a temporary file linked into
//   place), so a story file is either absent or complete, never half-written, and never overwrites another.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { link, mkdir, readdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import yaml from "js-yaml";
import { parseStoryFile } from "./front-matter.ts";
import { storySlug } from "./slug.ts";

/** Every story file (*.md) under a folder, sorted. */
export async function storyFiles(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(".md"))
    .map((e) => path.join(e.parentPath ?? e.path, e.name))
    .sort();
}

export interface ExistingStory {
  /** Absolute path of the story file. */
  absolute: string;
  /** Front matter as written; undefined when the file does not parse (check reports it). */
  data?: Record<string, unknown>;
  /** The slug the story has or will have: the slug field, else the file name. */
  slug: string;
  /** The original story's address (source.url), normalized; undefined when there is none. */
  sourceUrl?: string;
}

export interface StoryIndex {
  stories: ExistingStory[];
  slugs: Set<string>;
  /** Normalized original URL -> the story file that holds it. */
  urls: Map<string, string>;
}

/**
 * The key two links to the same original story share: the URL parsed and printed again (scheme and
 * host lower-cased, default port and percent-encoding normalized), without the #fragment. Query
 * strings stay: on many news sites they are the story's id.
 */
export function urlKey(url: string): string {
  try {
    const parsed = new URL(url.trim());
    parsed.hash = "";
    return parsed.href;
  } catch {
    return url.trim();
  }
}

export async function readStoryIndex(contentDir: string): Promise<StoryIndex> {
  const files = await storyFiles(path.join(contentDir, "articles"));
  // read synchronously, as the loader does: far faster than fs/promises for many small files
  const stories = files.map((absolute): ExistingStory => {
    const parsed = parseStoryFile(readFileSync(absolute, "utf8"));
    const data = parsed.ok ? parsed.data : undefined;
    const slugField = typeof data?.slug === "string" && data.slug.trim() ? data.slug.trim() : undefined;
    const source = data?.source;
    const url = typeof source === "object" && source !== null && typeof (source as { url?: unknown }).url === "string" ? (source as { url: string }).url : undefined;
    return { absolute, data, slug: storySlug(slugField, absolute), sourceUrl: url === undefined ? undefined : urlKey(url) };
  });
  const urls = new Map<string, string>();
  for (const story of stories) if (story.sourceUrl && !urls.has(story.sourceUrl)) urls.set(story.sourceUrl, story.absolute);
  return { stories, slugs: new Set(stories.map((s) => s.slug)), urls };
}

/** The text of a story file. Fields with undefined values are left out. */
export function storyText(frontMatter: Record<string, unknown>, body: string): string {
  const clean = JSON.parse(JSON.stringify(frontMatter)) as Record<string, unknown>;
  const head = yaml.dump(clean, { lineWidth: -1, noRefs: true, schema: yaml.CORE_SCHEMA });
  const text = body.trim();
  return `---\n${head}---\n${text ? `${text}\n` : ""}`;
}

export class FileExistsError extends Error {
  constructor(readonly file: string) {
    super(`${file} already exists`);
    this.name = "FileExistsError";
  }
}

/** Writes `text` to `file` only if no file is there, atomically: readers see nothing or the whole file. */
export async function writeNewFile(file: string, text: string): Promise<void> {
  const dir = path.dirname(file);
  await mkdir(dir, { recursive: true });
  const temporary = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  await writeFile(temporary, text, { flag: "wx" });
  try {
    // link() fails when the target exists, so two writers can never overwrite each other.
    await link(temporary, file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") {
      await rm(temporary, { force: true });
      throw new FileExistsError(file);
    }
    // A file system without hard links: check, then rename (atomic, not exclusive).
    if (existsSync(file)) {
      await rm(temporary, { force: true });
      throw new FileExistsError(file);
    }
    await rename(temporary, file);
    return;
  }
  await rm(temporary, { force: true });
}
