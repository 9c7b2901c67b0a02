// Loads every story under content/articles/, validates it against the contract, renders its body
// and decides what is published. Runs before any page is written; one ContentError lists every
// problem in every file, so an editor fixes them all in one go.
import { existsSync, readFileSync } from "node:fs";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { imageSizeFromFile } from "image-size/fromFile";
import type { DateTime } from "luxon";
import { storyTime, type StoryTime } from "./dates.ts";
import { pictureHtml } from "./images/html.ts";
import type { Pictures } from "./images/pictures.ts";
import { buildPictures, PictureError, type ImageVariant, type ResponsiveImage } from "./images/registry.ts";
import { parseStoryFile } from "./frontMatter.ts";
import { isHttpUrl } from "./html.ts";
import { renderBody, shorten } from "./markdown.ts";
import { relatedStories, type Relatable } from "./related.ts";
import { shareLinks, type ShareLink } from "./share.ts";
import { sourceUrl, tagUrl } from "./listing.ts";
import { buildSections, type Sections } from "./sections.ts";
import { absoluteUrl, loadRegistries, type Category, type Registries, type SiteSettings } from "./site.ts";
import { slugify, storySlug } from "./slug.ts";
import { ContentError, type ContentProblem } from "./problems.ts";
import { validateFrontMatter, type StoryImageInput, type ValidFrontMatter } from "./validate.ts";
import { parseVideoUrl } from "./video.ts";
import { renderVideoBlock, type VideoLabels } from "./videoBlock.ts";

/** A picture as pages show it: `src` is a site URL (or the remote URL), sizes filled in by the build. */
export interface StoryPicture extends StoryImageInput {
  /** AVIF/WebP/JPEG versions of a local picture (full builds: src/images/). */
  responsive?: ResponsiveImage | null;
  /** The 1200x630 share picture (og:image). */
  share?: ImageVariant;
  /** 16:9, 4:3 and 1:1 crops at least 1200 px wide, for JSON-LD (only those the source is large enough for). */
  crops?: ImageVariant[];
}

/** What a list shows of a story: enough for a headline link with picture and time. */
export interface StoryCard {
  slug: string;
  title: string;
  url: string;
  summary: string;
  image?: StoryPicture;
  published: StoryTime;
  category: Category;
  sourceName: string;
  /** The source's list page on this site. */
  sourceUrl: string;
}

export interface StorySource {
  id?: string;
  name: string;
  /** The original story. */
  url: string;
  homepage?: string;
  /** Site URL or http(s) URL of the source's logo. */
  logo?: string;
  /** rel of links to the original story. */
  rel: string;
}

export interface Story extends StoryCard {
  file: string;
  /** Absolute URL of the story's page on this site (what readers share). */
  pageUrl: string;
  /** Absolute canonical URL: the page itself, or the original when the site says so (syndication). */
  canonicalUrl: string;
  /** Kept out of search engines: drafts and scheduled stories, or all republished ones when the site says so. */
  noindex: boolean;
  /** Meta description: the summary, else the first paragraph shortened. */
  description: string;
  tags: string[];
  /** The tags with their list pages. */
  tagLinks: Array<{ name: string; url: string }>;
  source: StorySource;
  /** Shown as «آخر تحديث» only when it differs from `published`. */
  updated?: StoryTime;
  /** Last change: `updated`, else `published` (feeds, sitemaps, JSON-LD and Open Graph). */
  modified: StoryTime;
  videoHtml?: string;
  html: string;
  /** Plain text of the body, for search and related stories. */
  text: string;
  draft: boolean;
  /** Dated in the future at build time (shown only by the preview server). */
  scheduled: boolean;
  share: ShareLink[];
  related: StoryCard[];
  readAlso: StoryCard[];
  /** The whole front matter, unknown fields included, for templates that want them. */
  data: Record<string, unknown>;
}

export interface Newsroom extends Registries, Sections {
  /** Stories that get pages, newest first. */
  stories: Story[];
}

export interface LoadOptions {
  /** The content/ folder (input directory). */
  contentDir: string;
  /** Preview: drafts and future stories are built, marked as such. */
  includeUnpublished: boolean;
  now: DateTime;
  /** Project root, to print file paths relative to it. */
  root?: string;
  /** Picture pipeline: by default the build's (set by src/eleventy/images.ts), if any; false for none. */
  pictures?: Pictures | false;
  /** `npm run check`: stop once every story is validated (no related lists or sections are built). */
  validateOnly?: boolean;
}

export function storyUrl(slug: string): string {
  return `/news/${encodeURIComponent(slug)}/`;
}

/** Site URL of a file under content/, each segment percent-encoded. */
function contentUrl(contentDir: string, file: string): string {
  return `/${path.relative(contentDir, file).split(path.sep).map(encodeURIComponent).join("/")}`;
}

/** Site URL of a registry path (site.json, sources.json): a path from content/, or null when missing. */
export function contentAsset(contentDir: string, src: string): string | null {
  return assetResolver(contentDir, path.join(contentDir, "_data", "registry"))(src.startsWith("/") ? src : `/${src}`);
}

/** Resolves a picture/video path written in a story: relative to the story, or from content/. */
export function assetResolver(contentDir: string, storyFile: string): (src: string) => string | null {
  const storyDir = path.dirname(storyFile);
  return (src) => {
    const clean = decodeURI(src.replace(/[?#].*$/, ""));
    const candidates = clean.startsWith("/")
      ? [path.join(contentDir, clean)]
      : clean.startsWith("./") || clean.startsWith("../")
        ? [path.join(storyDir, clean)]
        : [path.join(storyDir, clean), path.join(contentDir, clean)];
    const found = candidates.find((file) => !path.relative(contentDir, file).startsWith("..") && existsSync(file));
    return found ? contentUrl(contentDir, found) : null;
  };
}

/** Every story file (*.md) under a folder, sorted. */
export async function storyFiles(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(".md"))
    .map((e) => path.join(e.parentPath ?? e.path, e.name))
    .sort();
}

interface Draft {
  file: string;
  absolute: string;
  fm: ValidFrontMatter;
  data: Record<string, unknown>;
  body: string;
  slug: string;
}

const cards = new WeakMap<Story, StoryCard>();

/** A story's card: one object per story, shared by every list it appears in. */
export function toCard(story: Story): StoryCard {
  let card = cards.get(story);
  if (!card) {
    const { slug, title, url, summary, image, published, category, sourceName, sourceUrl } = story;
    cards.set(story, (card = { slug, title, url, summary, image, published, category, sourceName, sourceUrl }));
  }
  return card;
}

/** What the related engine reads of a story (bench/related.ts re-runs the engine with it). */
export function relatedInput(story: Story, handPicked: string[]): Relatable & { story: Story } {
  const { slug, title, summary, text, tags } = story;
  return { story, slug, categoryId: story.category.id, epoch: story.published.epoch, handPicked, title, summary, text, tags, unpublished: story.draft || story.scheduled };
}

export async function loadNewsroom(options: LoadOptions): Promise<Newsroom> {
  const { contentDir, now } = options;
  const root = options.root ?? process.cwd();
  const registries = await loadRegistries(path.join(contentDir, "_data"));
  const { site, categories, sources } = registries;
  const labels = JSON.parse(await readFile(path.join(contentDir, "_data", "labels.json"), "utf8")) as VideoLabels;
  const problems: ContentProblem[] = [];
  const rel = (file: string) => path.relative(root, file) || file;
  const pictures = options.pictures === false ? undefined : (options.pictures ?? buildPictures());

  /** Site URL of each local source logo, by the path written in sources.json. */
  const logos = new Map<string, string>();
  for (const source of sources.values()) {
    if (source.logo && !isHttpUrl(source.logo)) {
      const field = { file: rel(path.join(contentDir, "_data", "sources.json")), field: `${source.id}.logo` };
      const url = contentAsset(contentDir, source.logo);
      if (url === null) problems.push({ ...field, message: `"${source.logo}" does not exist; expected a path from content/ or an http(s) URL` });
      else {
        try {
          logos.set(source.logo, pictures ? pictures.logo(url).url : url);
        } catch (error) {
          if (!(error instanceof PictureError)) throw error;
          problems.push({ ...field, message: `"${source.logo}" ${error.message}` });
        }
      }
    }
  }

  const drafts: Draft[] = [];
  const files = await storyFiles(path.join(contentDir, "articles"));
  // Read synchronously: for thousands of small files this is several times faster than fs/promises.
  for (const absolute of files) {
    const file = rel(absolute);
    const parsed = parseStoryFile(readFileSync(absolute, "utf8"));
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
    drafts.push({ file, absolute, fm: result.value, data: parsed.data, body: parsed.body, slug });
  }

  const known = new Set(drafts.map((d) => d.slug));
  const isPublished = (d: Draft) => !d.fm.draft && d.fm.date <= now;
  const included = drafts.filter((d) => options.includeUnpublished || isPublished(d));
  const bySlug = new Map<string, Draft>();
  for (const draft of included.sort((a, b) => a.file.localeCompare(b.file))) {
    const other = bySlug.get(draft.slug);
    if (other) problems.push({ file: draft.file, field: "slug", message: `"${draft.slug}" is also the slug of ${other.file}; expected every published story to have its own slug (rename a file or set slug)` });
    else bySlug.set(draft.slug, draft);
  }
  for (const draft of drafts) {
    for (const slug of draft.fm.related) {
      if (!known.has(slug)) problems.push({ file: draft.file, field: "related", message: `no story has the slug "${slug}"; expected slugs of existing stories` });
    }
  }

  const stories: Story[] = [];
  for (const draft of bySlug.values()) {
    const story = buildStory(draft, { site, labels, contentDir, now, problems, pictures, logos });
    if (story) stories.push(story);
  }
  // `npm run check` has no page to size pictures for: it only needs the site's own pictures checked.
  await measurePictures(contentDir, options.validateOnly ? [] : stories, site, problems, rel(path.join(contentDir, "_data", "site.json")), pictures);
  if (problems.length) throw new ContentError(problems.sort((a, b) => a.file.localeCompare(b.file)));
  if (options.validateOnly) return { ...registries, stories, ...buildSections([], registries, now.toMillis()) };

  stories.sort((a, b) => b.published.epoch - a.published.epoch || a.slug.localeCompare(b.slug));
  const handPicked = new Map(included.map((d) => [d.slug, d.fm.related]));
  const lists = relatedStories(
    stories.map((story) => relatedInput(story, handPicked.get(story.slug) ?? [])),
    site.related,
  );
  for (const [entry, { related, readAlso }] of lists) {
    entry.story.related = related.map((r) => toCard(r.story));
    entry.story.readAlso = readAlso.map((r) => toCard(r.story));
  }

  return { ...registries, stories, ...buildSections(stories, registries, now.toMillis()) };
}

/** Pixel sizes of local lead pictures and the site's default share picture, for width/height attributes and og:image. */
async function measurePictures(contentDir: string, stories: Story[], site: SiteSettings, problems: ContentProblem[], siteFile: string, pictures?: Pictures): Promise<void> {
  const measure = async (picture: { src: string; width?: number; height?: number }) => {
    if (isHttpUrl(picture.src) || (picture.width && picture.height)) return;
    const size = await imageSizeFromFile(path.join(contentDir, decodeURIComponent(picture.src))).catch(() => undefined);
    if (size) Object.assign(picture, { width: size.width, height: size.height });
  };
  if (site.logo && !isHttpUrl(site.logo)) {
    const url = contentAsset(contentDir, site.logo);
    if (url === null) problems.push({ file: siteFile, field: "logo", message: `"${site.logo}" does not exist; expected a path from content/ or an http(s) URL` });
    else site.logo = url;
  }
  if (site.defaultImage) {
    const url = isHttpUrl(site.defaultImage.src) ? site.defaultImage.src : contentAsset(contentDir, site.defaultImage.src);
    if (url === null) problems.push({ file: siteFile, field: "defaultImage.src", message: `"${site.defaultImage.src}" does not exist; expected a path from content/ or an http(s) URL` });
    else site.defaultImage = { ...site.defaultImage, src: url };
    if (url !== null && pictures && !isHttpUrl(url)) {
      try {
        site.defaultImage = { ...site.defaultImage, ...sharePictures(pictures, url, false) };
      } catch (error) {
        if (!(error instanceof PictureError)) throw error;
        problems.push({ file: siteFile, field: "defaultImage.src", message: `"${site.defaultImage.src}" ${error.message}` });
      }
    }
    if (url !== null) await measure(site.defaultImage);
  }
  await Promise.all(stories.flatMap((story) => (story.image ? [measure(story.image)] : [])));
}

/** The share picture and (for a story's own picture: only stories carry them in JSON-LD) the crops of a local picture. */
function sharePictures(pictures: Pictures, url: string, withCrops = true): Pick<StoryPicture, "width" | "height" | "share" | "crops"> {
  const { width, height } = pictures.source(url);
  return { width, height, share: pictures.share(url), crops: withCrops ? pictures.crops(url) : undefined };
}

interface BuildContext {
  site: SiteSettings;
  labels: VideoLabels;
  contentDir: string;
  now: DateTime;
  problems: ContentProblem[];
  pictures?: Pictures;
  /** Site URLs of local source logos, by the path written in sources.json. */
  logos: Map<string, string>;
}

function buildStory(draft: Draft, { site, labels, contentDir, now, problems, pictures, logos }: BuildContext): Story | null {
  const { fm, file } = draft;
  const resolve = assetResolver(contentDir, draft.absolute);
  const local = (src: string, field: string): string | undefined => {
    if (isHttpUrl(src)) return src;
    const url = resolve(src);
    if (url === null) problems.push({ file, field, message: `"${src}" does not exist; expected a picture next to the story (./name.jpg), a path from content/, or an http(s) URL` });
    return url ?? undefined;
  };
  /** Runs a picture step on a local picture; an unreadable picture is a content problem naming the field. */
  const processed = <T>(url: string, field: string, written: string, step: (pictures: Pictures) => T): T | undefined => {
    if (!pictures || isHttpUrl(url)) return undefined;
    try {
      return step(pictures);
    } catch (error) {
      if (!(error instanceof PictureError)) throw error;
      problems.push({ file, field, message: `"${written}" ${error.message}; expected a JPEG, PNG, WebP, AVIF, GIF or SVG picture` });
      return undefined;
    }
  };
  const body = renderBody(draft.body, {
    resolveAsset: resolve,
    sourceUrl: fm.source.url,
    labels,
    picture: pictures && ((url, alt, role) => processed(url, "(body)", url, (p) => pictureHtml({ src: url, alt, responsive: p.responsive(url) }, role)) ?? null),
  });
  for (const missing of body.missingAssets) {
    problems.push({ file, field: "(body)", message: `"${missing}" does not exist; expected a picture next to the story, a path from content/, or an http(s) URL` });
  }
  const imageSrc = fm.image && local(fm.image.src, "image.src");
  const image: StoryPicture | undefined = fm.image && imageSrc ? { ...fm.image, src: imageSrc } : undefined;
  if (image && fm.image) Object.assign(image, processed(image.src, "image.src", fm.image.src, (p) => ({ ...sharePictures(p, image.src), responsive: p.responsive(image.src) })));
  const poster = fm.video?.poster ? local(fm.video.poster, "video.poster") : undefined;
  const posterResponsive = poster && fm.video?.poster ? processed(poster, "video.poster", fm.video.poster, (p) => p.responsive(poster)) : undefined;
  const video = fm.video ? parseVideoUrl(fm.video.url, (src) => local(src, "video.url") ?? src) : null;
  const logo = fm.source.logo ? (isHttpUrl(fm.source.logo) ? fm.source.logo : (logos.get(fm.source.logo) ?? contentUrl(contentDir, path.join(contentDir, fm.source.logo)))) : undefined;
  const url = storyUrl(draft.slug);
  const pageUrl = absoluteUrl(site, url);
  const published = storyTime(fm.date, site.timeZone, site.digits);
  const updated = fm.updated && +fm.updated !== +fm.date ? storyTime(fm.updated, site.timeZone, site.digits) : undefined;
  const canonicalUrl = site.syndication.canonical === "original" ? fm.source.url : pageUrl;
  const scheduled = fm.date > now;
  const firstParagraph = shorten(body.firstParagraph, 200);
  return {
    slug: draft.slug,
    file,
    title: fm.title,
    url,
    pageUrl,
    canonicalUrl,
    noindex: fm.draft || scheduled || site.syndication.noindex,
    summary: fm.summary ?? firstParagraph,
    description: shorten(fm.summary ?? body.firstParagraph, 160),
    image,
    published,
    updated,
    modified: updated ?? published,
    category: fm.category,
    sourceName: fm.source.name,
    sourceUrl: sourceUrl(fm.source),
    tags: fm.tags,
    tagLinks: fm.tags.filter((tag) => slugify(tag)).map((tag) => ({ name: tag, url: tagUrl(tag) })),
    source: { ...fm.source, logo, rel: site.sourceLinks.nofollow ? "noopener nofollow" : "noopener" },
    videoHtml: video
      ? renderVideoBlock(video, {
          sourceUrl: fm.source.url,
          labels,
          caption: fm.video?.caption,
          poster: posterResponsive?.src ?? poster,
          posterHtml: poster ? pictureHtml({ src: poster, alt: "", responsive: posterResponsive }, "poster") : undefined,
        })
      : undefined,
    html: body.html,
    text: body.text,
    draft: fm.draft,
    scheduled,
    share: shareLinks({ title: fm.title, url: pageUrl }),
    related: [],
    readAlso: [],
    data: draft.data,
  };
}
