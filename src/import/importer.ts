// `npm run import`: one new story file per new feed item, attributed to a registered source.
// The original story's address is the key: an item whose link a story already has is skipped, so
// running it every few minutes is safe. Every item is checked against the content contract before
// anything is written; an item that fails is rejected with the reason and nothing of it is written.
// The accepted items are written all or none: when one cannot be written, the ones written before it
// are removed and the import fails, naming the file (story-files.ts, writeNewFiles).
import { readFile } from "node:fs/promises";
import path from "node:path";
import { DateTime } from "luxon";
import { shorten } from "../body/markdown.ts";
import { unknownIdMessage } from "../content/contract.ts";
import { parseStoryDate } from "../content/dates.ts";
import { loadRegistries, type RegisteredSource } from "../content/registries.ts";
import { headlineSlug, readStoryIndex, SlugPicker, storyText, urlKey, WriteAllError, writeNewFiles } from "../content/story-files.ts";
import { checkStoryText } from "./check-text.ts";
import { bodyMarkdown, htmlToText } from "./clean-html.ts";
import { FeedEncodingError } from "./decode.ts";
import { FeedError, parseFeed, type Feed, type FeedItem } from "./feed.ts";

/** A problem with the command or the feed as a whole: nothing is written. */
export class ImportError extends Error {
  override name = "ImportError";
}

export interface ImportOptions {
  contentDir: string;
  /** A file path or an http(s) URL. */
  feed: string;
  sourceId: string;
  /** Category for every item; otherwise mapped from the item's categories through the source's categoryMap. */
  category?: string;
  /** Items dated before this are skipped (ISO 8601; a date alone is read in the site's time zone). */
  since?: string;
  dryRun?: boolean;
  now?: DateTime;
  /** Used only when the feed is an http(s) URL. */
  fetch?: typeof fetch;
}

export interface ItemOutcome {
  position: number;
  title?: string;
  link?: string;
  reason: string;
}

export interface WrittenStory {
  position: number;
  /** Path relative to the working directory, as printed. */
  file: string;
  absolute: string;
  slug: string;
  title: string;
  link: string;
  /** The item had no usable date and was dated at import time. */
  datedNow: boolean;
}

export interface ImportResult {
  feed: Pick<Feed, "format" | "encoding" | "title"> & { items: number };
  written: WrittenStory[];
  skipped: ItemOutcome[];
  rejected: ItemOutcome[];
}

/** The source's `categoryMap` in sources.json: the feed's category names -> category ids. */
export function categoryMapOf(source: RegisteredSource): Map<string, string> {
  const raw = (source as RegisteredSource & { categoryMap?: unknown }).categoryMap;
  const map = new Map<string, string>();
  if (raw && typeof raw === "object" && !Array.isArray(raw)) {
    for (const [name, id] of Object.entries(raw)) if (typeof id === "string") map.set(categoryKey(name), id);
  }
  return map;
}

const categoryKey = (name: string) => name.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase();

async function readFeedBytes(feed: string, fetcher: typeof fetch): Promise<{ bytes: Uint8Array; contentType?: string }> {
  if (/^https?:\/\//i.test(feed)) {
    let response: Response;
    try {
      response = await fetcher(feed, { headers: { accept: "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.1" }, signal: AbortSignal.timeout(30_000) });
    } catch (error) {
      throw new ImportError(`cannot fetch ${feed}: ${(error as Error).message}`);
    }
    if (!response.ok) throw new ImportError(`cannot fetch ${feed}: the server answered ${response.status} ${response.statusText}`);
    return { bytes: new Uint8Array(await response.arrayBuffer()), contentType: response.headers.get("content-type") ?? undefined };
  }
  try {
    return { bytes: await readFile(feed) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ImportError(code === "ENOENT" ? `${feed}: no such file; expected a feed file or an http(s) address` : `${feed}: cannot read the file (${(error as Error).message})`);
  }
}

export async function importFeed(options: ImportOptions): Promise<ImportResult> {
  const { contentDir } = options;
  const now = options.now ?? DateTime.now();
  const registries = await loadRegistries(path.join(contentDir, "_data"));
  const { site, categories, sources } = registries;

  const source = sources.get(options.sourceId);
  if (!source) throw new ImportError(`--source: ${unknownIdMessage(sources, options.sourceId, "source", `a key of content/_data/sources.json (${[...sources.keys()].join(", ")})`)}`);
  if (options.category !== undefined && !categories.has(options.category)) {
    throw new ImportError(`--category: ${unknownIdMessage(categories, options.category, "category", `one of ${[...categories.keys()].join(", ")}`)}`);
  }
  const categoryMap = categoryMapOf(source);
  const badMap = [...categoryMap.entries()].filter(([, id]) => !categories.has(id));
  if (badMap.length) throw new ImportError(`content/_data/sources.json: ${source.id}.categoryMap maps to unknown categories (${badMap.map(([name, id]) => `"${name}" -> "${id}"`).join(", ")}); expected ids from categories.json (${[...categories.keys()].join(", ")})`);
  let since: DateTime | undefined;
  if (options.since !== undefined) {
    since = parseStoryDate(options.since, site.timeZone) ?? undefined;
    if (!since) throw new ImportError(`--since: "${options.since}" is not a date; expected ISO 8601 such as 2025-12-01 or 2025-12-01T08:00:00+03:00`);
  }

  const { bytes, contentType } = await readFeedBytes(options.feed, options.fetch ?? fetch);
  let feed: Feed;
  try {
    feed = parseFeed(bytes, contentType);
  } catch (error) {
    if (error instanceof FeedError || error instanceof FeedEncodingError) throw new ImportError(`${options.feed}: ${error.message}; nothing was imported`);
    throw error;
  }

  const index = await readStoryIndex(contentDir);
  const seen = new Map(index.urls);
  const slugs = new SlugPicker(new Set(index.slugs));
  const ctx = { timeZone: site.timeZone, categories, sources };
  const result: ImportResult = { feed: { format: feed.format, encoding: feed.encoding, title: feed.title, items: feed.items.length }, written: [], skipped: [], rejected: [] };
  const planned: Array<WrittenStory & { text: string }> = [];
  const rel = (file: string) => path.relative(process.cwd(), file) || file;

  for (const item of feed.items) {
    const title = htmlToText(item.titleHtml ?? "");
    const outcome = (reason: string): ItemOutcome => ({ position: item.position, title: title || undefined, link: item.link, reason });
    if (!title) {
      result.rejected.push(outcome("no title; expected a <title> with text"));
      continue;
    }
    if (!item.link) {
      result.rejected.push(outcome("no link; expected a <link> to the original story (its address is what keeps an item from being imported twice)"));
      continue;
    }
    if (!/^https?:\/\//i.test(item.link)) {
      // the reason quotes the link, so it is not printed a second time
      result.rejected.push({ ...outcome(`the link "${item.link}" is not an http(s) address; expected the original story's address`), link: undefined });
      continue;
    }
    const key = urlKey(item.link);
    const already = seen.get(key);
    if (already !== undefined) {
      result.skipped.push(outcome(already === "" ? "appears twice in the feed" : `already imported: ${rel(already)}`));
      continue;
    }
    const date = item.date ?? now;
    if (since && date < since) {
      result.skipped.push(outcome(`dated ${date.setZone(site.timeZone).toISO({ suppressMilliseconds: true })}, before --since`));
      continue;
    }
    const mapped = item.categories.map((name) => categoryMap.get(categoryKey(name))).find((id) => id !== undefined);
    const category = options.category ?? mapped;
    if (!category) {
      const names = item.categories.length ? `the item's categories (${item.categories.join(", ")}) are not in` : "the item has no category, and there is no";
      result.rejected.push(outcome(`no category: ${names} "categoryMap" of ${source.id} in content/_data/sources.json; pass --category ID or add the names to the map`));
      continue;
    }
    const planResult = planStory(item, { title, link: item.link, date, category, categoryMap, source, site: { timeZone: site.timeZone }, slugs, contentDir });
    const checked = checkStoryText(planResult.text, ctx);
    if (checked.problems.length) {
      result.rejected.push(outcome(`does not pass the content check: ${checked.problems.map((p) => `${p.field}: ${p.message}`).join("; ")}`));
      continue;
    }
    seen.set(key, "");
    slugs.take(planResult.slug);
    planned.push({ position: item.position, file: rel(planResult.absolute), absolute: planResult.absolute, slug: planResult.slug, title, link: item.link, datedNow: item.date === undefined, text: planResult.text });
  }

  let existed = new Set<string>();
  if (!options.dryRun) {
    try {
      existed = new Set((await writeNewFiles(planned.map((story) => ({ file: story.absolute, text: story.text })))).existed);
    } catch (error) {
      if (!(error instanceof WriteAllError)) throw error;
      const stories = error.removed === 1 ? "the story written before it" : `the ${error.removed} stories written before it`;
      const undone = error.leftBehind.length
        ? `${stories} could not all be removed: remove ${error.leftBehind.map(rel).join(", ")}`
        : error.removed
          ? `${stories} ${error.removed === 1 ? "was" : "were"} removed: nothing was imported`
          : "nothing was imported";
      throw new ImportError(`cannot write ${rel(error.file)} (${error.cause.message}); ${undone}`);
    }
  }
  for (const story of planned) {
    if (existed.has(story.absolute)) {
      result.skipped.push({ position: story.position, title: story.title, link: story.link, reason: `${story.file} appeared while importing (another import running?)` });
      continue;
    }
    const { text: _text, ...written } = story;
    result.written.push(written);
  }
  return result;
}

interface PlanContext {
  title: string;
  link: string;
  date: DateTime;
  category: string;
  categoryMap: Map<string, string>;
  source: RegisteredSource;
  site: { timeZone: string };
  slugs: SlugPicker;
  contentDir: string;
}

/** The story file for one item: path (a free slug from the title, cut to fit a file name) and text. */
function planStory(item: FeedItem, ctx: PlanContext): { absolute: string; slug: string; text: string } {
  const slug = ctx.slugs.free(headlineSlug(ctx.title) || "خبر");
  const date = ctx.date.setZone(ctx.site.timeZone);
  const absolute = path.join(ctx.contentDir, "articles", date.toFormat("yyyy"), date.toFormat("MM"), `${slug}.md`);
  const tags = [...new Set(item.categories.filter((name) => !ctx.categoryMap.has(categoryKey(name))).map((name) => htmlToText(name)).filter(Boolean))];
  const summary = item.summaryHtml ? shorten(htmlToText(item.summaryHtml), 300) : undefined;
  const image = item.image ? { src: item.image.url, alt: htmlToText(item.image.alt ?? "") || ctx.title, credit: item.image.credit ? htmlToText(item.image.credit) || undefined : undefined } : undefined;
  const frontMatter = {
    title: ctx.title,
    date: date.toISO({ suppressMilliseconds: true }),
    summary: summary || undefined,
    category: ctx.category,
    tags: tags.length ? tags : undefined,
    source: { id: ctx.source.id, url: ctx.link },
    image,
  };
  return { absolute, slug, text: storyText(frontMatter, bodyMarkdown(item.bodyHtml ?? "", ctx.link)) };
}
