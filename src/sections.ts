// Everything the site shows besides the story pages, computed once per build from the published
// stories: category navigation, the home page, list pages, feeds and sitemaps.
import { buildFeeds, type Feed } from "./feeds.ts";
import { buildHome, type Home } from "./home.ts";
import { buildListings, type Listings } from "./listing.ts";
import { orderedCategories, type Category, type Registries } from "./site.ts";
import { buildSitemaps, type Sitemaps } from "./sitemaps.ts";
import { toCard, type Story } from "./stories.ts";

export interface Sections {
  /** Categories in the registry's order, for navigation. */
  categoryList: Category[];
  home: Home;
  /** Every paginated list page, and the tag and source indexes. */
  listings: Listings;
  feeds: Feed[];
  /** Each feed by key: "" for the whole site, else the category id. */
  feedOf: Record<string, Feed>;
  sitemaps: Sitemaps;
}

export function buildSections(stories: Story[], { site, categories }: Registries, now: number): Sections {
  const ordered = orderedCategories(categories);
  const listings = buildListings(stories, ordered, site.listPageSize, toCard);
  const pagePaths = [{ loc: "/" }, ...listings.pages.map((p) => ({ loc: p.url })), ...listings.indexes.map((i) => ({ loc: i.url }))];
  const feeds = buildFeeds(stories, ordered, site.feedSize);
  return {
    categoryList: ordered,
    home: buildHome(stories, ordered, site.home, toCard),
    listings,
    feeds,
    feedOf: Object.fromEntries(feeds.map((f) => [f.key, f])),
    sitemaps: buildSitemaps(site, pagePaths, stories, now),
  };
}
