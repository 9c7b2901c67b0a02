// What is already in content/articles/: every story file's front matter, its slug and the original
// story it came from. `new` refuses a slug that is taken; `import` skips a feed item whose link was
// already imported (the original URL is the key) and picks a free slug; `check` reads warnings here.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseStoryFile } from "../frontMatter.ts";
import { storySlug } from "../slug.ts";
import { storyFiles } from "../stories.ts";

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
