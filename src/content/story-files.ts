// Story files on disk, shared by the loader, `new`, `check` and `import`:
// - which files are stories (every *.md under content/articles/);
// - what is already there: every story file's front matter, its slug and the original story it came
//   from (`new` refuses a slug that is taken; `import` skips a feed item whose link was already
//   imported, the original URL being the key, and picks a free slug; `check` reads warnings here);
// - the file name of a new story (`new`, `import`): its headline under the slug rule, cut to fit the
//   byte limit of the path rule (an Arabic letter takes two bytes), and for `import` the first free
//   slug (slug, slug-2, slug-3, ...), found in linear time however many items share a headline;
// - writing a new one: front matter + Markdown, written atomically (a temporary file linked into
//   place), so a story file is either absent or complete, never half-written, and never overwrites another;
// - writing many (`import`): all of them or none.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { link, mkdir, readdir, rename, rm, rmdir, writeFile } from "node:fs/promises";
import path from "node:path";
import yaml from "js-yaml";
import { parseStoryFile } from "./front-matter.ts";
import { NAME_MAX_BYTES, pathSegmentProblem } from "./path-rule.ts";
import { slugify, storySlug } from "./slug.ts";

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

/** Bytes of one character in UTF-8. */
const utf8Bytes = (code: number) => (code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4);

/**
 * `slug` cut to at most `maxBytes` bytes of UTF-8 (NAME_MAX_BYTES, the path rule's limit, unless
 * told), between two words where it can: at the last hyphen of the part kept, unless that would
 * keep less than half of it. A slug that fits is returned as it is; the result is still a slug
 * (no hyphen at either end).
 */
export function shortenSlug(slug: string, maxBytes = NAME_MAX_BYTES): string {
  if (Buffer.byteLength(slug, "utf8") <= maxBytes) return slug;
  let bytes = 0;
  let end = 0;
  for (const char of slug) {
    const size = utf8Bytes(char.codePointAt(0)!);
    if (bytes + size > maxBytes) break;
    bytes += size;
    end += char.length;
  }
  const kept = slug.slice(0, end);
  const hyphen = slug[end] === "-" ? end : kept.lastIndexOf("-");
  const cut = hyphen > 0 && Buffer.byteLength(kept.slice(0, hyphen), "utf8") >= maxBytes / 2 ? kept.slice(0, hyphen) : kept;
  return cut.replace(/-+$/, "");
}

/** The slug of a new story from its headline (`npm run new`, `npm run import`): the slug rule,
 * cut to the byte limit of the path rule. Empty when the headline has no letter or digit. */
export function headlineSlug(title: string): string {
  return shortenSlug(slugify(title));
}

/**
 * Free slugs for new stories: the slug itself when no story has it and it passes the path rule,
 * else slug-2, slug-3, ... (each cut to fit the byte limit with its number). Each slug remembers
 * the next number to try, so n items with one headline take n steps, not n²/2.
 */
export class SlugPicker {
  private readonly next = new Map<string, number>();
  constructor(private readonly taken: Set<string>) {}

  private isFree(slug: string): boolean {
    return !this.taken.has(slug) && pathSegmentProblem(slug) === undefined;
  }

  /** The first free slug for `slug`; not yet taken (see `take`). */
  free(slug: string): string {
    if (this.isFree(slug)) return slug;
    // every number below `next` is known to be taken (numbers are only ever taken, never freed)
    for (let n = this.next.get(slug) ?? 2; ; n++) {
      const suffix = `-${n}`;
      const candidate = `${shortenSlug(slug, NAME_MAX_BYTES - suffix.length)}${suffix}`;
      if (this.taken.has(candidate)) continue;
      // a number at the end mends only a device name (con-2): any other problem is the slug's own
      const problem = pathSegmentProblem(candidate);
      if (problem) throw new Error(`no free file name for the slug "${slug}": ${candidate} ${problem}`);
      this.next.set(slug, n);
      return candidate;
    }
  }

  /** Marks `slug` as taken by a story being written. */
  take(slug: string): void {
    this.taken.add(slug);
  }
}

/** Writes `text` to `file` only if no file is there, atomically: readers see nothing or the whole file. */
export async function writeNewFile(file: string, text: string): Promise<void> {
  const dir = path.dirname(file);
  await mkdir(dir, { recursive: true });
  // not named after the file: a name at the byte limit plus a suffix would be too long for the disk
  const temporary = path.join(dir, `.khabar-new-${process.pid}-${randomBytes(6).toString("hex")}.tmp`);
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

/** Writing one of several new files failed; what was written before it has been removed. */
export class WriteAllError extends Error {
  override name = "WriteAllError";
  constructor(
    /** The file that could not be written. */
    readonly file: string,
    /** The error writing it gave. */
    override readonly cause: Error,
    /** How many files had been written (and were removed). */
    readonly removed: number,
    /** Files or folders written that could not be removed (empty when the undo was complete). */
    readonly leftBehind: string[],
  ) {
    super(`cannot write ${file}: ${cause.message}`);
  }
}

/**
 * Writes every new file, or none: each with `writeNewFile` (atomic, never overwriting). A file that
 * appeared meanwhile (another writer took its name) is not written and is returned in `existed`;
 * any other failure removes every file this call wrote and every folder it made, then throws a
 * WriteAllError. In place rather than in a temporary folder moved at the end: a folder inside
 * content/ would be read as stories by a build or preview running meanwhile, one outside it may be
 * on another disk (no atomic move), and the moves could fail halfway all the same.
 */
export async function writeNewFiles(files: Array<{ file: string; text: string }>): Promise<{ written: string[]; existed: string[] }> {
  const written: string[] = [];
  const existed: string[] = [];
  const made: string[] = [];
  for (const { file, text } of files) {
    try {
      const first = await mkdir(path.dirname(file), { recursive: true });
      if (first !== undefined) made.push(first);
      await writeNewFile(file, text);
      written.push(file);
    } catch (error) {
      if (error instanceof FileExistsError) {
        existed.push(file);
        continue;
      }
      const leftBehind = await undo(written, made, path.dirname(file));
      throw new WriteAllError(file, error as Error, written.length, leftBehind);
    }
  }
  return { written, existed };
}

/** Removes `files`, then every folder in `made` (each the first of a chain mkdir made down to the
 * folders of the files) that is empty; returns what could not be removed. */
async function undo(files: string[], made: string[], failedDir: string): Promise<string[]> {
  const left: string[] = [];
  for (const file of files) await rm(file, { force: true }).catch(() => left.push(file));
  // the folders mkdir made: from each file's folder up to the first one made, deepest first
  const folders = new Set<string>();
  for (const dir of [...files.map((f) => path.dirname(f)), failedDir]) {
    for (const first of made) {
      if (dir !== first && !dir.startsWith(first + path.sep)) continue;
      for (let d = dir; d.length >= first.length; d = path.dirname(d)) folders.add(d);
    }
  }
  for (const dir of [...folders].sort((a, b) => b.length - a.length)) {
    await rmdir(dir).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOENT" && error.code !== "ENOTEMPTY" && error.code !== "EEXIST") left.push(dir);
    });
  }
  return left;
}
