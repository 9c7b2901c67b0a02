// A story as the site shows it: its checked front matter (src/content/) joined with its rendered
// body (src/body/), its pictures (src/images/), its addresses (src/urls.ts) and its share links.
// Every problem found on the way (a missing picture, an unreadable one) is a content problem naming
// the file and field; nothing is thrown for one story.
import path from "node:path";
import type { DateTime } from "luxon";
import { renderBody, shorten } from "../body/markdown.ts";
import { renderVideoBlock, type VideoLabels } from "../body/video-block.ts";
import type { StoryImageInput, StorySourceInput } from "../content/contract.ts";
import { storyTime, type StoryTime } from "../content/dates.ts";
import { isHttpUrl } from "../content/http-url.ts";
import type { CheckedStory } from "../content/load.ts";
import type { ContentProblem } from "../content/problems.ts";
import type { Category, SiteSettings } from "../content/registries.ts";
import { slugify } from "../content/slug.ts";
import { parseVideoUrl } from "../content/video-url.ts";
import { pictureHtml } from "../images/markup.ts";
import type { Pictures } from "../images/pictures.ts";
import { PictureError, type ImageVariant, type ResponsiveImage } from "../images/types.ts";
import { absoluteUrl, assetResolver, categoryUrl, contentFileUrl, sourceUrl, storyUrl, tagUrl } from "../urls.ts";
import { shareLinks, type ShareLink } from "./share.ts";

/** A category as the site shows it: the registry's entry and the address of its page. */
export interface SiteCategory extends Category {
  /** Site path of the category page, e.g. /category/politics/. */
  url: string;
}

/** The registry's categories with their pages' addresses, in the registry's order of keys. */
export function siteCategories(categories: Map<string, Category>): Map<string, SiteCategory> {
  return new Map([...categories].map(([id, category]) => [id, { ...category, url: categoryUrl(id) }]));
}

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
  category: SiteCategory;
  sourceName: string;
  /** The source's list page on this site. */
  sourceUrl: string;
}

/** The source as the story credits it: `logo` is a site URL (or the remote URL). */
export interface StorySource extends StorySourceInput {
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
  /** Slugs the editor listed under `related:`, shown first. */
  handPicked: string[];
  related: StoryCard[];
  readAlso: StoryCard[];
  /** The whole front matter, unknown fields included, for templates that want them. */
  data: Record<string, unknown>;
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

/** What a file named in content does not exist is told, with where it may be. */
export function missingFileMessage(src: string, expected = "a path from content/ or an http(s) URL"): string {
  return `"${src}" does not exist; expected ${expected}`;
}

const NEXT_TO_STORY = "a picture next to the story (./name.jpg), a path from content/, or an http(s) URL";

export interface StoryContext {
  site: SiteSettings;
  categories: Map<string, SiteCategory>;
  labels: VideoLabels;
  contentDir: string;
  now: DateTime;
  problems: ContentProblem[];
  /** The build's picture pipeline; absent for `npm run check` and unit tests. */
  pictures?: Pictures;
  /** Site URLs of local source logos, by the path written in sources.json. */
  logos: Map<string, string>;
  /** Collects the site URL of every file under content/ a page shows (the build publishes only these). */
  files: Set<string>;
}

/** Runs a picture step on a local picture; an unreadable picture is a content problem naming the field
 * (and, given the pipeline, so is one that later fails to decode: it knows who asked). */
export function pictureStep<T>(problems: ContentProblem[], where: { file: string; field: string }, written: string, step: () => T, pictures?: Pictures): T | undefined {
  try {
    return pictures ? pictures.usedBy({ ...where, written }, step) : step();
  } catch (error) {
    if (!(error instanceof PictureError)) throw error;
    problems.push({ ...where, message: `"${written}" ${error.message}` });
    return undefined;
  }
}

/** The share picture and (for a story's own picture: only stories carry them in JSON-LD) the crops of a local picture. */
export function sharePictures(pictures: Pictures, url: string, withCrops = true): Pick<StoryPicture, "width" | "height" | "share" | "crops"> {
  const { width, height } = pictures.source(url);
  return { width, height, share: pictures.share(url), crops: withCrops ? pictures.crops(url) : undefined };
}

export function buildStory(checked: CheckedStory, context: StoryContext): Story {
  const { site, labels, contentDir, now, problems, pictures, logos, files } = context;
  const { frontMatter: fm, file } = checked;
  const resolve = assetResolver(contentDir, checked.absolute);
  const local = (src: string, field: string): string | undefined => {
    if (isHttpUrl(src)) return src;
    const url = resolve(src);
    if (url === null) problems.push({ file, field, message: missingFileMessage(src, NEXT_TO_STORY) });
    else files.add(url);
    return url ?? undefined;
  };
  /** A picture step on a local picture, when the build has a pipeline. */
  const processed = <T>(url: string, field: string, written: string, step: (pictures: Pictures) => T): T | undefined => {
    if (!pictures || isHttpUrl(url)) return undefined;
    return pictureStep(problems, { file, field }, written, () => step(pictures), pictures);
  };
  const body = renderBody(checked.body, {
    resolveAsset: resolve,
    sourceUrl: fm.source.url,
    labels,
    picture: pictures && ((url, alt, role) => processed(url, "(body)", url, (p) => pictureHtml({ src: url, alt, responsive: p.responsive(url) }, role)) ?? null),
  });
  for (const url of body.localAssets) files.add(url);
  for (const missing of body.missingAssets) {
    problems.push({ file, field: "(body)", message: missingFileMessage(missing, "a picture next to the story, a path from content/, or an http(s) URL") });
  }
  const imageSrc = fm.image && local(fm.image.src, "image.src");
  const image: StoryPicture | undefined = fm.image && imageSrc ? { ...fm.image, src: imageSrc } : undefined;
  if (image && fm.image) Object.assign(image, processed(image.src, "image.src", fm.image.src, (p) => ({ ...sharePictures(p, image.src), responsive: p.responsive(image.src) })));
  const poster = fm.video?.poster ? local(fm.video.poster, "video.poster") : undefined;
  const posterResponsive = poster && fm.video?.poster ? processed(poster, "video.poster", fm.video.poster, (p) => p.responsive(poster)) : undefined;
  const video = fm.video ? parseVideoUrl(fm.video.url, (src) => local(src, "video.url") ?? src) : null;
  const logo = fm.source.logo ? (isHttpUrl(fm.source.logo) ? fm.source.logo : (logos.get(fm.source.logo) ?? contentFileUrl(contentDir, path.join(contentDir, fm.source.logo)))) : undefined;
  const url = storyUrl(checked.slug);
  const pageUrl = absoluteUrl(site, url);
  const published = storyTime(fm.date, site.timeZone, site.digits);
  const updated = fm.updated && +fm.updated !== +fm.date ? storyTime(fm.updated, site.timeZone, site.digits) : undefined;
  const canonicalUrl = site.syndication.canonical === "original" ? fm.source.url : pageUrl;
  const scheduled = fm.date > now;
  const firstParagraph = shorten(body.firstParagraph, 200);
  return {
    slug: checked.slug,
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
    category: context.categories.get(fm.category.id)!,
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
    handPicked: fm.related,
    related: [],
    readAlso: [],
    data: checked.data,
  };
}
