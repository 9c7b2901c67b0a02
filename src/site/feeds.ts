// Feeds: the whole site and each category, each in Atom, RSS 2.0 and JSON Feed, with the latest
// stories in full. layouts/feeds/*.njk write them with @11ty/eleventy-plugin-rss's date filters and
// Eleventy's HTML base filters (absolute URLs that respect the path prefix).
import { feedUrl, SITE_PATHS } from "../urls.ts";
import type { SiteCategory, Story } from "./story.ts";

export type FeedFormat = "atom" | "rss" | "json";

export const FEED_FILES: Record<FeedFormat, string> = { atom: "feed.xml", rss: "rss.xml", json: "feed.json" };
const FEED_KINDS: Record<FeedFormat, { type: string; label: string }> = {
  atom: { type: "application/atom+xml", label: "Atom" },
  rss: { type: "application/rss+xml", label: "RSS" },
  json: { type: "application/feed+json", label: "JSON Feed" },
};

/** A feed as pages announce it (<link rel="alternate">) and the footer links to it. */
export interface FeedLink {
  /** Site path of the feed file. */
  href: string;
  /** MIME type. */
  type: string;
  /** The format's name, e.g. "Atom". */
  label: string;
}

export interface Feed {
  /** "" for the whole site, else the category id. */
  key: string;
  /** The category's name, or undefined for the whole site. */
  name?: string;
  /** Site path of the page the feed follows: / or /category/<id>/. */
  home: string;
  /** Site paths of the feed files, by format. */
  urls: Record<FeedFormat, string>;
  /** The same files, in the order pages list them. */
  links: FeedLink[];
  stories: Story[];
  /** ISO time of the newest change in the feed. */
  updated: string;
}

function feed(key: string, name: string | undefined, home: string, stories: Story[], size: number): Feed {
  const latest = stories.slice(0, size);
  const urls = Object.fromEntries(Object.entries(FEED_FILES).map(([format, file]) => [format, feedUrl(home, file)])) as Record<FeedFormat, string>;
  const updated = latest.map((s) => s.modified).sort((a, b) => b.epoch - a.epoch)[0]?.iso ?? new Date(0).toISOString();
  const links = (Object.keys(FEED_FILES) as FeedFormat[]).map((format) => ({ href: urls[format], ...FEED_KINDS[format] }));
  return { key, name, home, urls, links, stories: latest, updated };
}

/** The whole site's feed first, then one per category. */
export function buildFeeds(stories: Story[], categories: SiteCategory[], size: number): Feed[] {
  return [
    feed("", undefined, SITE_PATHS.home, stories, size),
    ...categories.map((c) => feed(c.id, c.name, c.url, stories.filter((s) => s.category.id === c.id), size)),
  ];
}
