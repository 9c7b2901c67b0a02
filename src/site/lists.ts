// List pages: «آخر الأخبار», one per category, per tag and per source, each split into numbered
// pages. Computed once per build as a flat list so one Eleventy template paginates over all of them.
import { slugify } from "../content/slug.ts";
import { pageUrl, SITE_PATHS, sourceKey, sourceUrl, tagUrl } from "../urls.ts";
import { toCard, type SiteCategory, type Story, type StoryCard } from "./story.ts";

export type ListKind = "latest" | "category" | "tag" | "source";

export type PageLink = { number: number; url: string; current: boolean } | { gap: true };

export interface ListPage {
  kind: ListKind;
  /** Category id, tag slug or source key ("" for latest). */
  key: string;
  /** Category name, tag or source name as editors wrote it ("" for latest). */
  name: string;
  /** This page's site path (unencoded Arabic is percent-encoded). */
  url: string;
  /** The first page's path: what links to "the tag page" use. */
  firstUrl: string;
  number: number;
  total: number;
  stories: StoryCard[];
  previous?: string;
  next?: string;
  pages: PageLink[];
  /** For category pages: the category itself (breadcrumbs, navigation). */
  category?: SiteCategory;
}

export interface ListIndexEntry {
  key: string;
  name: string;
  url: string;
  count: number;
}

/** Numbered links: the first, the last and two either side of the current page, gaps between. */
export function pageLinks(firstUrl: string, current: number, total: number, around = 2): PageLink[] {
  const links: PageLink[] = [];
  let last = 0;
  for (let n = 1; n <= total; n++) {
    if (n !== 1 && n !== total && Math.abs(n - current) > around) continue;
    if (n - last > 1) links.push({ gap: true });
    links.push({ number: n, url: pageUrl(firstUrl, n), current: n === current });
    last = n;
  }
  return links;
}

export function paginate(list: { kind: ListKind; key: string; name: string; firstUrl: string; category?: SiteCategory }, cards: StoryCard[], size: number): ListPage[] {
  const total = Math.max(1, Math.ceil(cards.length / size));
  return Array.from({ length: total }, (_, i) => {
    const number = i + 1;
    return {
      ...list,
      url: pageUrl(list.firstUrl, number),
      number,
      total,
      stories: cards.slice(i * size, (i + 1) * size),
      previous: number > 1 ? pageUrl(list.firstUrl, number - 1) : undefined,
      next: number < total ? pageUrl(list.firstUrl, number + 1) : undefined,
      pages: pageLinks(list.firstUrl, number, total),
    };
  });
}

interface Group {
  key: string;
  name: string;
  url: string;
  cards: StoryCard[];
}

function groupBy(stories: Story[], keysOf: (story: Story) => Array<{ key: string; name: string; url: string }>): Group[] {
  const groups = new Map<string, Group>();
  for (const story of stories) {
    for (const { key, name, url } of keysOf(story)) {
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { key, name, url, cards: [] }));
      if (group.cards.at(-1)?.slug !== story.slug) group.cards.push(toCard(story));
    }
  }
  return [...groups.values()];
}

/** The page listing every tag, or every source, with its number of stories. */
export interface ListIndex {
  /** Also the key of its title in labels.json. */
  kind: "tags" | "sources";
  url: string;
  entries: ListIndexEntry[];
}

export interface Listings {
  pages: ListPage[];
  /** The tag index, then the source index. */
  indexes: ListIndex[];
}

/** Every list page of the site. `stories` are newest first; `categories` in the registry's order. */
export function buildListings(stories: Story[], categories: SiteCategory[], size: number): Listings {
  const cards = stories.map(toCard);
  const pages = paginate({ kind: "latest", key: "", name: "", firstUrl: SITE_PATHS.latest }, cards, size);
  for (const category of categories) {
    const inCategory = cards.filter((c) => c.category.id === category.id);
    pages.push(...paginate({ kind: "category", key: category.id, name: category.name, firstUrl: category.url, category }, inCategory, size));
  }
  const tagGroups = groupBy(stories, (s) => s.tags.filter((t) => slugify(t)).map((t) => ({ key: slugify(t), name: t, url: tagUrl(t) })));
  const sourceGroups = groupBy(stories, (s) => [{ key: sourceKey(s.source), name: s.source.name, url: sourceUrl(s.source) }]);
  for (const group of tagGroups) pages.push(...paginate({ kind: "tag", key: group.key, name: group.name, firstUrl: group.url }, group.cards, size));
  for (const group of sourceGroups) pages.push(...paginate({ kind: "source", key: group.key, name: group.name, firstUrl: group.url }, group.cards, size));
  const index = (groups: Group[]): ListIndexEntry[] =>
    groups
      .map(({ key, name, url, cards: c }) => ({ key, name, url, count: c.length }))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, "ar"));
  return {
    pages,
    indexes: [
      { kind: "tags", url: SITE_PATHS.tags, entries: index(tagGroups) },
      { kind: "sources", url: SITE_PATHS.sources, entries: index(sourceGroups) },
    ],
  };
}
