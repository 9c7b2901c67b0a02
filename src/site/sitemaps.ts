// sitemap.xml (a sitemap index past 50,000 URLs) and the Google News sitemap: only stories from the
// last 48 hours before the build, at most 1,000 (https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap).
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

export interface Sitemaps {
  /** One file when everything fits, else the parts of the index. */
  parts: Array<{ path: string; urls: SitemapUrl[] }>;
  /** Set when the URLs are split: sitemap.xml is then an index of the parts. */
  index?: string[];
  news: Story[];
}

/** Stories search engines should find here: not noindex, and canonical to this site's own page. */
const indexable = (s: Story) => !s.noindex && s.canonicalUrl === s.pageUrl;

export function buildSitemaps(site: SiteSettings, pagePaths: SitemapUrl[], stories: Story[], now: number, limit = SITEMAP_LIMIT): Sitemaps {
  const urls: SitemapUrl[] = [
    ...pagePaths.map((u) => ({ ...u, loc: absoluteUrl(site, u.loc) })),
    ...stories.filter(indexable).map((s) => ({ loc: s.pageUrl, lastmod: s.modified.iso })),
  ];
  const news = stories.filter((s) => indexable(s) && s.published.epoch <= now && now - s.published.epoch <= NEWS_WINDOW_MS).slice(0, NEWS_LIMIT);
  if (urls.length <= limit) return { parts: [{ path: SITE_PATHS.sitemap, urls }], news };
  const parts = Array.from({ length: Math.ceil(urls.length / limit) }, (_, i) => ({ path: sitemapPartUrl(i + 1), urls: urls.slice(i * limit, (i + 1) * limit) }));
  return { parts, index: parts.map((p) => absoluteUrl(site, p.path)), news };
}
