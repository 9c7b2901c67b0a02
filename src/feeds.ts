// Feeds: the whole site and each category, each in Atom, RSS 2.0 and JSON Feed, with the latest
// stories in full. layouts/feeds/*.njk write them with @11ty/eleventy-plugin-rss's date filters and
// Eleventy's HTML base filters (absolute URLs that respect the path prefix).
import type { Category } from "./site.ts";
import type { Story } from "./stories.ts";

export type FeedFormat = "atom" | "rss" | "json";

export const FEED_FILES: Record<FeedFormat, string> = { atom: "feed.xml", rss: "rss.xml", json: "feed.json" };

export interface Feed {
  /** "" for the whole site, else the category id. */
  key: string;
  /** The category's name, or undefined for the whole site. */
  name?: string;
  /** Site path of the page the feed follows: / or /category/<id>/. */
  home: string;
  /** Site paths of the feed files, by format. */
  urls: Record<FeedFormat, string>;
  stories: Story[];
  /** ISO time of the newest change in the feed. */
  updated: string;
}

function feed(key: string, name: string | undefined, home: string, stories: Story[], size: number): Feed {
  const latest = stories.slice(0, size);
  const urls = Object.fromEntries(Object.entries(FEED_FILES).map(([format, file]) => [format, `${home}${file}`])) as Record<FeedFormat, string>;
  const updated = latest.map((s) => s.modified).sort((a, b) => b.epoch - a.epoch)[0]?.iso ?? new Date(0).toISOString();
  return { key, name, home, urls, stories: latest, updated };
}

export function buildFeeds(stories: Story[], categories: Category[], size: number): Feed[] {
  return [
    feed("", undefined, "/", stories, size),
    ...categories.map((c) => feed(c.id, c.name, c.url, stories.filter((s) => s.category.id === c.id), size)),
  ];
}
