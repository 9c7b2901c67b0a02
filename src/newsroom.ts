// The newsroom: the one place that joins the checked stories and registries (src/content/), their
// bodies and pictures (src/site/story.ts), the related lists (src/related/) and everything else the
// site shows (src/site/) into what templates see. Runs before any page is written; one ContentError
// lists every problem in every file, and nothing is built from content that has one.
import { statSync } from "node:fs";
import path from "node:path";
import { imageSizeFromFile } from "image-size/fromFile";
import type { DateTime } from "luxon";
import type { VideoLabels } from "./body/video-block.ts";
import { isHttpUrl } from "./content/http-url.ts";
import { contentInventoryProblems } from "./content/inventory.ts";
import { loadStories, type CheckedStory } from "./content/load.ts";
import { byFile, ContentError, type ContentProblem } from "./content/problems.ts";
import { loadRegistries, orderedCategories, readLabels, type Registries, type SiteSettings } from "./content/registries.ts";
import { publishableFile } from "./images/file-checks.ts";
import type { PictureUse, Pictures } from "./images/pictures.ts";
import { PictureError } from "./images/types.ts";
import { relatedConfig, relatedSettingsProblems, relatedStories, type Relatable } from "./related/index.ts";
import { buildFeeds, type Feed } from "./site/feeds.ts";
import { buildHome, type Home } from "./site/home.ts";
import { buildListings, type Listings } from "./site/lists.ts";
import { buildSitemaps, type Sitemaps } from "./site/sitemaps.ts";
import { buildStory, missingFileMessage, pictureStep, sharePictures, siteCategories, toCard, type SiteCategory, type Story, type StoryContext } from "./site/story.ts";
import { registryAssetUrl, SITE_PATHS } from "./urls.ts";

export interface NewsroomOptions {
  /** The content/ folder (input directory). */
  contentDir: string;
  /** Preview and check: drafts and future stories are built, marked as such. */
  includeUnpublished: boolean;
  now: DateTime;
  /** Project root, to print file paths relative to it. */
  root?: string;
  /** The picture pipeline (src/images/pictures.ts; `checkOnly` for `npm run check`); absent (unit tests): pictures are checked to exist, not read. */
  pictures?: Pictures;
  /** Serve under this sub-path instead of site.json's pathPrefix. */
  pathPrefix?: string;
  /** Stories built before from the same bytes (incremental builds: src/output/story-cache.ts). */
  storyCache?: StoryCache;
}

/** What a story's build asked of the picture pipeline, replayed when the story comes from a cache. */
export interface PictureCalls {
  use: PictureUse;
  calls: Array<{ method: (typeof PICTURE_METHODS)[number]; url: string }>;
}
const PICTURE_METHODS = ["source", "responsive", "share", "crops"] as const;

/** A story as a build made it, with what it took to make it. */
export interface CachedStory {
  /** Its checked front matter (the body left out: the story carries it rendered). */
  checked: CheckedStory;
  story: Story;
  pictures: PictureCalls[];
  /** The files under content/ its page shows, by site URL, with the size and modification time they
   * had: a story whose picture changed is built again. */
  files: FileStamp[];
}

type FileStamp = [url: string, size: number, mtimeMs: number];

/** A store of stories built before, by the bytes of their file, valid for one context. */
export interface StoryCache {
  /** `context`: everything besides its file that a story is built from (settings, registries, labels, folders). */
  scope(context: unknown): {
    /** The key of a story file's bytes in this context: equal keys, equal stories. */
    key(bytes: Buffer): string;
    get(key: string): CachedStory | undefined;
    set(key: string, entry: CachedStory): void;
    /** The build is done: forget what it did not use. */
    finish(): void;
  };
}

/** The stories that get pages, checked and rendered, with the registries they were checked against. */
export interface CheckedNewsroom extends Registries {
  /** The site settings with the logo and default share picture resolved to site URLs. */
  site: SiteSettings;
  /** Stories that get pages, newest first. */
  stories: Story[];
  /** Site URLs of the files under content/ the pages show (pictures, videos, logos): the only ones published. */
  files: string[];
}

/** Everything templates see. */
export interface Newsroom extends CheckedNewsroom {
  /** Categories in the registry's order, for navigation. */
  categoryList: SiteCategory[];
  home: Home;
  /** Every paginated list page, and the tag and source indexes. */
  listings: Listings;
  feeds: Feed[];
  /** Each feed by key: "" for the whole site, else the category id. */
  feedOf: Record<string, Feed>;
  sitemaps: Sitemaps;
}

/** Reads, checks and renders every story (`npm run check` stops here). Throws ContentError. */
export async function checkNewsroom(options: NewsroomOptions): Promise<CheckedNewsroom> {
  const { contentDir, now, pictures } = options;
  const root = options.root ?? process.cwd();
  const dataDir = path.join(contentDir, "_data");
  const rel = (file: string) => path.relative(root, file) || file;
  const registries = await loadRegistries(dataDir, { pathPrefix: options.pathPrefix, settingsChecks: [(raw) => relatedSettingsProblems(raw.related)] });
  const labels = (await readLabels(dataDir)) as unknown as VideoLabels;
  const problems: ContentProblem[] = contentInventoryProblems(contentDir, root);
  const files = new Set<string>();
  const logos = sourceLogos(registries, contentDir, rel(path.join(dataDir, "sources.json")), problems, files, pictures);
  // Incremental builds: a story file with the same bytes, built in the same context, is not built again.
  const cache = pictures?.checkOnly ? undefined : options.storyCache?.scope({ registries, labels, contentDir, root, pathPrefix: options.pathPrefix, logos: [...logos] });
  const reused = new Map<string, CachedStory>();
  const keys = new Map<string, string>();
  const reuse = (absolute: string, bytes: Buffer) => {
    if (!cache) return undefined;
    const key = cache.key(bytes);
    keys.set(absolute, key);
    const entry = cache.get(key);
    if (entry && entry.checked.absolute === absolute && entry.files.every((stamp) => sameStamp(stamp, fileStamp(contentDir, stamp[0])))) {
      reused.set(absolute, entry);
      return entry.checked;
    }
    return undefined;
  };
  const loaded = await loadStories(registries, { contentDir, includeUnpublished: options.includeUnpublished, now, root, reuse });
  problems.push(...loaded.problems);
  const categories = siteCategories(registries.categories);
  const context = { site: registries.site, categories, labels, contentDir, now, problems, pictures, logos, files };
  const stories = loaded.stories.map((checked) => {
    const key = keys.get(checked.absolute);
    const entry = reused.get(checked.absolute);
    if (entry) return identified(restoreStory(entry, context), key!);
    if (!cache || !key) return buildStory(checked, context);
    // Built and recorded: the pictures it asks for, the files it shows, and whether it had a problem.
    const calls: PictureCalls[] = [];
    const shown = new Set<string>();
    const before = problems.length;
    const story = buildStory(checked, { ...context, files: shown, pictures: pictures && recordingPictures(pictures, calls) });
    for (const url of shown) files.add(url);
    if (problems.length === before) {
      cache.set(key, { checked: { ...checked, body: "" }, story, pictures: calls, files: [...shown].map((url) => fileStamp(contentDir, url)) });
    }
    return identified(story, key);
  });
  cache?.finish();
  const site = await sitePictures(registries.site, contentDir, rel(path.join(dataDir, "site.json")), problems, files, pictures);
  // `npm run check`: the pictures the cache has no versions of are decoded (what the build's encoders would refuse).
  if (pictures?.checkOnly) problems.push(...(await pictures.problems()));
  // Videos are no picture: the file checks the build runs before publishing one (size, container) run here too.
  if (pictures?.checkOnly) problems.push(...(await videoProblems(contentDir, [...files], rel)));
  if (problems.length) throw new ContentError(byFile(problems));
  stories.sort((a, b) => b.published.epoch - a.published.epoch || a.slug.localeCompare(b.slug));
  return { ...registries, categories, site, stories, files: [...files].sort() };
}

/** Checks and renders every story, then computes their related lists and every page of the site. */
export async function loadNewsroom(options: NewsroomOptions): Promise<Newsroom> {
  const checked = await checkNewsroom(options);
  const { site, stories } = checked;
  // Pixel sizes of local lead pictures, for width/height attributes (`npm run check` has no page to size them for).
  await Promise.all(stories.flatMap((story) => (story.image ? [measurePicture(options.contentDir, story.image)] : [])));
  const lists = relatedStories(stories.map((story) => relatedInput(story)), relatedConfig(site.related));
  for (const [entry, { related, readAlso }] of lists) {
    entry.story.related = related.map((r) => toCard(r.story));
    entry.story.readAlso = readAlso.map((r) => toCard(r.story));
  }
  const categoryList = orderedCategories(checked.categories as Map<string, SiteCategory>);
  const listings = buildListings(stories, categoryList, site.listPageSize);
  const pagePaths = [{ loc: SITE_PATHS.home }, ...listings.pages.map((p) => ({ loc: p.url })), ...listings.indexes.map((i) => ({ loc: i.url }))];
  const feeds = buildFeeds(stories, categoryList, site.feedSize);
  return {
    ...checked,
    categoryList,
    home: buildHome(stories, categoryList, site.home),
    listings,
    feeds,
    feedOf: Object.fromEntries(feeds.map((f) => [f.key, f])),
    sitemaps: buildSitemaps(site, pagePaths, stories, options.now.toMillis()),
  };
}

const identities = new WeakMap<Story, string>();

/** Tags a story with its cache key: what it was made from (its file's bytes, the context, the engine). */
function identified(story: Story, key: string): Story {
  identities.set(story, key);
  return story;
}

/**
 * What a story was made from, when a story cache made or kept it: two stories with the same identity
 * are the same story, but for what each build sets on it (its related lists, its scheduled state).
 * Page fingerprints use it instead of hashing the whole story (src/output/page-prints.ts).
 */
export function storyIdentity(story: Story): string | undefined {
  return identities.get(story);
}

/** The story from a cache, in this build: its category object, its scheduled state by this build's clock, its pictures asked for again. */
function restoreStory({ story, pictures: asked, files: shown }: CachedStory, context: StoryContext): Story {
  const { pictures, problems, files, site, now } = context;
  for (const [url] of shown) files.add(url);
  for (const { use, calls } of pictures ? asked : []) {
    try {
      pictures!.usedBy(use, () => calls.forEach(({ method, url }) => pictures![method](url)));
    } catch (error) {
      if (!(error instanceof PictureError)) throw error;
      problems.push({ file: use.file, field: use.field, message: `"${use.written}" ${error.message}` });
    }
  }
  const scheduled = story.published.epoch > now.toMillis();
  return { ...story, category: context.categories.get(story.category.id)!, scheduled, noindex: story.draft || scheduled || site.syndication.noindex, related: [], readAlso: [] };
}

/** The picture pipeline, recording each step a story asks of it (and on whose behalf). */
function recordingPictures(pictures: Pictures, record: PictureCalls[]): Pictures {
  let current: PictureCalls | undefined;
  return new Proxy(pictures, {
    get(target, property) {
      if (property === "usedBy") {
        return <T,>(use: PictureUse, step: () => T): T => {
          const outer = current;
          record.push((current = { use, calls: [] }));
          try {
            return target.usedBy(use, step);
          } finally {
            current = outer;
          }
        };
      }
      const method = PICTURE_METHODS.find((name) => name === property);
      if (method) return (url: string) => (current?.calls.push({ method, url }), target[method](url));
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/** Size and modification time of the file under content/ a site URL names (-1: missing). */
function fileStamp(contentDir: string, url: string): FileStamp {
  try {
    const { size, mtimeMs } = statSync(path.join(contentDir, decodeURIComponent(url)));
    return [url, size, mtimeMs];
  } catch {
    return [url, -1, -1];
  }
}

const sameStamp = (a: FileStamp, b: FileStamp) => a[1] === b[1] && a[2] === b[2] && a[1] !== -1;

/** What the related engine reads of a story (bench/related.ts re-runs the engine with it). */
export function relatedInput(story: Story, handPicked = story.handPicked): Relatable & { story: Story } {
  const { slug, title, summary, text, tags } = story;
  return { story, slug, categoryId: story.category.id, epoch: story.published.epoch, handPicked, title, summary, text, tags, unpublished: story.draft || story.scheduled };
}

/** Site URL of each local source logo (a raster one as the pipeline's small WebP), by the path written in sources.json. */
function sourceLogos({ sources }: Registries, contentDir: string, file: string, problems: ContentProblem[], files: Set<string>, pictures?: Pictures): Map<string, string> {
  const logos = new Map<string, string>();
  for (const source of sources.values()) {
    if (!source.logo || isHttpUrl(source.logo)) continue;
    const where = { file, field: `${source.id}.logo` };
    const url = registryAssetUrl(contentDir, source.logo);
    if (url === null) problems.push({ ...where, message: missingFileMessage(source.logo) });
    else {
      const logo = pictures ? pictureStep(problems, where, source.logo, () => pictures.logo(url).url, pictures) : url;
      if (logo !== undefined) logos.set(source.logo, logo);
      if (logo === url) files.add(url); // served as it is (SVG); a raster logo is served from the pipeline's versions
    }
  }
  return logos;
}

/** The site's logo and default share picture as site URLs, with the share picture's size (a new settings object). */
async function sitePictures(site: SiteSettings, contentDir: string, file: string, problems: ContentProblem[], files: Set<string>, pictures?: Pictures): Promise<SiteSettings> {
  const resolved = { ...site };
  if (site.logo && !isHttpUrl(site.logo)) {
    const url = registryAssetUrl(contentDir, site.logo);
    if (url === null) problems.push({ file, field: "logo", message: missingFileMessage(site.logo) });
    else files.add((resolved.logo = url));
    if (url !== null && pictures) pictureStep(problems, { file, field: "logo" }, site.logo, () => pictures.source(url), pictures); // published as it is: checked like every picture
  }
  if (site.defaultImage) {
    const written = site.defaultImage.src;
    const url = isHttpUrl(written) ? written : registryAssetUrl(contentDir, written);
    if (url === null) problems.push({ file, field: "defaultImage.src", message: missingFileMessage(written) });
    else {
      resolved.defaultImage = { ...site.defaultImage, src: url };
      if (!isHttpUrl(url)) files.add(url);
      if (pictures && !isHttpUrl(url)) {
        const shared = pictureStep(problems, { file, field: "defaultImage.src" }, written, () => sharePictures(pictures, url, false), pictures);
        resolved.defaultImage = { ...resolved.defaultImage, ...shared };
      }
      await measurePicture(contentDir, resolved.defaultImage);
    }
  }
  return resolved;
}

/** Fills in the pixel size of a local picture from its header, unless it is known. */
async function measurePicture(contentDir: string, picture: { src: string; width?: number; height?: number }): Promise<void> {
  if (isHttpUrl(picture.src) || (picture.width && picture.height)) return;
  const size = await imageSizeFromFile(path.join(contentDir, decodeURIComponent(picture.src))).catch(() => undefined);
  if (size) Object.assign(picture, { width: size.width, height: size.height });
}

/** What the build would refuse of the local videos the pages show (`npm run check` runs it; the build checks each as it publishes it). */
async function videoProblems(contentDir: string, urls: string[], rel: (file: string) => string): Promise<ContentProblem[]> {
  const videos = urls.filter((url) => /\.(mp4|webm)$/i.test(url));
  const checked = await Promise.all(
    videos.map(async (url) => {
      const file = path.join(contentDir, decodeURIComponent(url));
      const result = await publishableFile(file, { writeCache: false });
      return "problem" in result ? { file: rel(file), field: "(file)", message: result.problem } : undefined;
    }),
  );
  return checked.filter((p) => p !== undefined);
}
