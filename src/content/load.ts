// Loads every story under content/articles/ and checks it against the contract: front matter,
// slugs (each published story its own), hand-picked related slugs. Loads and checks only: what the
// site makes of a story (its body, pictures, addresses) is src/site/story.ts. Problems are returned
// as data, every one of every file, so an editor fixes them all in one go.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { DateTime } from "luxon";
import { validateFrontMatter, type ValidFrontMatter } from "./contract.ts";
import { parseStoryFile } from "./front-matter.ts";
import { pathSegmentProblem } from "./path-rule.ts";
import type { ContentProblem } from "./problems.ts";
import type { Registries } from "./registries.ts";
import { storySlug } from "./slug.ts";
import { storyFiles } from "./story-files.ts";

/** A story file that passed the contract, not yet made into a page. */
export interface CheckedStory {
  /** Path as printed: relative to the project. */
  file: string;
  absolute: string;
  frontMatter: ValidFrontMatter;
  /** The front matter as written, unknown fields included. */
  data: Record<string, unknown>;
  /** The Markdown body. */
  body: string;
  slug: string;
}

export interface LoadOptions {
  /** The content/ folder (input directory). */
  contentDir: string;
  /** Preview and check: drafts and future stories are included. */
  includeUnpublished: boolean;
  now: DateTime;
  /** Project root, to print file paths relative to it. */
  root?: string;
  /** A story checked before from the same bytes (an incremental build's cache), used instead of checking them again. */
  reuse?: (absolute: string, bytes: Buffer) => CheckedStory | undefined;
}

export interface LoadedStories {
  /** The stories to build (published ones, or all with includeUnpublished), one per slug, in file order. */
  stories: CheckedStory[];
  problems: ContentProblem[];
}

/** The publish rule: not a draft, and dated no later than now. */
export function isPublished(story: CheckedStory, now: DateTime): boolean {
  return !story.frontMatter.draft && story.frontMatter.date <= now;
}

export async function loadStories({ site, categories, sources }: Registries, options: LoadOptions): Promise<LoadedStories> {
  const { contentDir, now } = options;
  const root = options.root ?? process.cwd();
  const rel = (file: string) => path.relative(root, file) || file;
  const problems: ContentProblem[] = [];
  const checked: CheckedStory[] = [];
  // Read synchronously: for thousands of small files this is several times faster than fs/promises.
  for (const absolute of await storyFiles(path.join(contentDir, "articles"))) {
    const file = rel(absolute);
    const bytes = readFileSync(absolute);
    const known = options.reuse?.(absolute, bytes);
    if (known) {
      checked.push(known);
      continue;
    }
    const parsed = parseStoryFile(bytes); // bytes: a file that is not UTF-8 is refused
    if (!parsed.ok) {
      problems.push({ file, field: parsed.field, message: parsed.message });
      continue;
    }
    const result = validateFrontMatter(parsed.data, { timeZone: site.timeZone, categories, sources });
    problems.push(...result.problems.map((p) => ({ file, ...p })));
    if (!result.value) continue;
    const slug = storySlug(result.value.slug, absolute);
    if (!slug) {
      problems.push({ file, field: "slug", message: "the file name gives an empty slug; expected a file name with letters or digits, or a slug field" });
      continue;
    }
    const pathProblem = result.value.slug === undefined ? pathSegmentProblem(slug) : undefined; // a slug field is checked by the contract
    if (pathProblem) {
      problems.push({ file, field: "slug", message: `the slug the file name gives ${pathProblem.replace(/^"[^"]*" /, "")}; rename the file or set slug` });
      continue;
    }
    checked.push({ file, absolute, frontMatter: result.value, data: parsed.data, body: parsed.body, slug });
  }

  const known = new Set(checked.map((s) => s.slug));
  const included = checked.filter((s) => options.includeUnpublished || isPublished(s, now));
  const bySlug = new Map<string, CheckedStory>();
  for (const story of included.sort((a, b) => a.file.localeCompare(b.file))) {
    const other = bySlug.get(story.slug);
    if (other) problems.push({ file: story.file, field: "slug", message: `"${story.slug}" is also the slug of ${other.file}; expected every published story to have its own slug (rename a file or set slug)` });
    else bySlug.set(story.slug, story);
  }
  for (const story of checked) {
    for (const slug of story.frontMatter.related) {
      if (!known.has(slug)) problems.push({ file: story.file, field: "related", message: `no story has the slug "${slug}"; expected slugs of existing stories` });
    }
  }
  return { stories: [...bySlug.values()], problems };
}
