// List pages: «آخر الأخبار», one per category, per tag and per source, each split into numbered
// pages. Computed once per build as a flat list so one Eleventy template paginates over all of them.
import { slugify } from "../content/slug.ts";
import { archivePageUrl, SITE_PATHS, sourceKey, sourceUrl, tagUrl } from "../urls.ts";
import { toCard, type SiteCategory, type Story, type StoryCard } from "./story.ts";

export type ListKind = "latest" | "category" | "tag" | "source";

/** A link of the pagination: the front page (`front`), an archive page by number, or a gap. */
export type PageLink = { number: number; url: string; current: boolean; front?: true } | { gap: true };

export interface ListPage {
  kind: ListKind;
  /** Category id, tag slug or source key ("" for latest). */
  key: string;
  /** Category name, tag or source name as editors wrote it ("" for latest). */
  name: string;
  /** This page's site path (unencoded Arabic is percent-encoded). */
  url: string;
  /** The front page's path: what links to "the tag page" use. */
  firstUrl: string;
  /** 0 for the front page (the newest stories); archive pages are numbered from the oldest, 1. */
  number: number;
  /** Pages of the list, the front page included. */
  total: number;
  stories: StoryCard[];
  /** The page of newer stories (rel=prev). */
  previous?: string;
  /** The page of older stories (rel=next). */
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

/**
 * The pagination's links for page `current` (0: the front) of a list with `archives` archive pages:
 * the front, then archive pages from the newest to the oldest: `around` either side of the current
 * page (the front counts as the page after the newest) and page 1, gaps between. An archive page's
 * links depend on the number of pages only within `around` of the newest end, so a new story changes
 * the front page and, when an archive page fills, that page and its `around` older neighbours.
 */
export function pageLinks(firstUrl: string, current: number, archives: number, around = 2): PageLink[] {
  const links: PageLink[] = [{ number: 0, url: firstUrl, current: current === 0, front: true }];
  const at = current === 0 ? archives + 1 : current;
  let last = archives + 1;
  for (let n = Math.min(archives, at + around); n >= 1; n--) {
    if (n !== 1 && Math.abs(n - at) > around) continue;
    if (last - n > 1) links.push({ gap: true });
    links.push({ number: n, url: archivePageUrl(firstUrl, n), current: n === current });
    last = n;
  }
  return links;
}

/**
 * A list's pages. Archive pages hold exactly `size` stories each and are counted from the oldest
 * (/page/1/ holds the first `size` stories ever published), so once full a page never changes what
 * it shows; the front page (the list's own address) shows the rest, the newest: between `size` and
 * 2 × `size` − 1 stories once the list has that many. Publishing a story changes the front page,
 * and every `size` stories fills a new archive page. `cards` are newest first.
 */
export function paginate(list: { kind: ListKind; key: string; name: string; firstUrl: string; category?: SiteCategory }, cards: StoryCard[], size: number): ListPage[] {
  const archives = cards.length < 2 * size ? 0 : Math.floor(cards.length / size) - 1;
  const total = archives + 1;
  const onFront = cards.length - archives * size;
  const url = (n: number) => (n === 0 ? list.firstUrl : archivePageUrl(list.firstUrl, n));
  // the front, then archive pages newest first, as they are read
  return Array.from({ length: total }, (_, i) => {
    const number = i === 0 ? 0 : archives + 1 - i;
    const from = i === 0 ? 0 : onFront + (i - 1) * size;
    return {
      ...list,
      url: url(number),
      number,
      total,
      stories: cards.slice(from, i === 0 ? onFront : from + size),
      previous: number === 0 ? undefined : url(number === archives ? 0 : number + 1),
      next: number === 1 || archives === 0 ? undefined : url(number === 0 ? archives : number - 1),
      pages: pageLinks(list.firstUrl, number, archives),
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
