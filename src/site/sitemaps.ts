// sitemap.xml and the Google News sitemap (only stories from the last 48 hours before the build, at
// most 1,000: https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap).
//
// While every URL fits in one file (50,000), sitemap.xml lists them all: a publish changes that one
// file, as it must (the new story is in it). Past that, sitemap.xml is an index of parts that a
// publish leaves alone but for the one it lands in: the site's pages (home and lists) in their own
// part, and the stories in one part per month of publication (sitemap-2025-12.xml, in the site's
// time zone), oldest first, so a month's part only grows; a month past the limit goes on in
// sitemap-2025-12-2.xml. Each part's lastmod in the index is the newest change of what it lists.
// Splitting by position instead (newest first, 50,000 a part) shifted every part on every publish.
import type { SiteSettings } from "../content/registries.ts";
import { absoluteUrl, SITE_PATHS, sitemapPartUrl } from "../urls.ts";
import type { Story } from "./story.ts";

export const SITEMAP_LIMIT = 50_000;
export const NEWS_WINDOW_MS = 48 * 3600 * 1000;
export const NEWS_LIMIT = 1000;

export interface SitemapUrl {
  loc: string;
  lastmod?: string;
}

export interface SitemapPart {
  path: string;
  urls: SitemapUrl[];
}

export interface Sitemaps {
  /** One file (sitemap.xml) when everything fits, else the parts of the index. */
  parts: SitemapPart[];
  /** Set when the URLs are split: sitemap.xml is then an index of the parts (absolute URLs). */
  index?: Array<{ loc: string; lastmod?: string }>;
  news: Story[];
}

/** Stories search engines should find here: not noindex, and canonical to this site's own page. */
const indexable = (s: Story) => !s.noindex && s.canonicalUrl === s.pageUrl;

/** `stories` newest first; `now` decides the news sitemap's window only. */
export function buildSitemaps(site: SiteSettings, pagePaths: SitemapUrl[], stories: Story[], now: number, limit = SITEMAP_LIMIT): Sitemaps {
  const listed = stories.filter(indexable);
  const pages = pagePaths.map((u) => ({ ...u, loc: absoluteUrl(site, u.loc) }));
  const storyUrl = (s: Story): SitemapUrl => ({ loc: s.pageUrl, lastmod: s.modified.iso });
  const news = listed.filter((s) => s.published.epoch <= now && now - s.published.epoch <= NEWS_WINDOW_MS).slice(0, NEWS_LIMIT);
  if (pages.length + listed.length <= limit) return { parts: [{ path: SITE_PATHS.sitemap, urls: [...pages, ...listed.map(storyUrl)] }], news };

  const parts: Array<SitemapPart & { lastmod?: Story }> = [];
  const chunks = <T>(name: string, items: T[], add: (path: string, chunk: T[]) => void) => {
    for (let i = 0; i * limit < items.length; i++) add(sitemapPartUrl(i ? `${name}-${i + 1}` : name), items.slice(i * limit, (i + 1) * limit));
  };
  const newest = (group: Story[]) => group.reduce<Story | undefined>((found, s) => (!found || s.modified.epoch > found.modified.epoch ? s : found), undefined);
  // the pages show the stories: they last changed with the newest change of any
  chunks("pages", pages, (path, urls) => parts.push({ path, urls, lastmod: newest(listed) }));
  const months = new Map<string, Story[]>();
  for (const s of listed) {
    const month = s.published.iso.slice(0, 7); // YYYY-MM, written in the site's time zone
    let group = months.get(month);
    if (!group) months.set(month, (group = []));
    group.push(s);
  }
  for (const month of [...months.keys()].sort()) {
    const oldestFirst = months.get(month)!.sort((a, b) => a.published.epoch - b.published.epoch || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
    chunks(month, oldestFirst, (path, group) => parts.push({ path, urls: group.map(storyUrl), lastmod: newest(group) }));
  }
  return {
    parts: parts.map(({ path, urls }) => ({ path, urls })),
    index: parts.map((p) => ({ loc: absoluteUrl(site, p.path), lastmod: p.lastmod?.modified.iso })),
    news,
  };
}
