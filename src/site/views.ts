// What each page template is given: one view object, computed here from the newsroom and the
// labels, instead of loose variables the layouts set for each other. layouts/base.njk reads the
// part every page has (PageView: <title>, description, canonical URL, robots, share metadata,
// navigation, breadcrumbs, announced feeds, footer); each page's view adds what its body needs.
// Every word comes from content/_data/labels.json and every address from src/urls.ts.
// Views are built once per page, thousands per build: objects are written out field by field or
// extended with Object.assign, as `{ ...object, more }` is far slower in V8 (about 3 µs a time).
import type { VideoLabels } from "../body/video-block.ts";
import { textDirection } from "../body/safe-html.ts";
import type { ContentProblem } from "../content/problems.ts";
import type { SiteSettings } from "../content/registries.ts";
import { SITE_PATHS } from "../urls.ts";
import type { Feed, FeedLink } from "./feeds.ts";
import type { Home } from "./home.ts";
import type { ListIndex, ListPage } from "./lists.ts";
import { homeMeta, listCrumbs, listMeta, listTitle, storyMeta, type Crumb, type PageLabels, type PageMeta } from "./seo.ts";
import { shareButtons, type ShareButton, type ShareNetwork } from "./share.ts";
import type { SiteCategory, Story } from "./story.ts";

/** content/_data/labels.json: every word the site shows its readers. */
export interface Labels extends VideoLabels, PageLabels {
  search: string;
  page: string;
  /** Around every page: skip link, navigation and breadcrumb names, footer. */
  frame: { skipLink: string; sections: string; breadcrumbs: string; feed: string; follow: string; copyright: string };
  /** Network names, for share links and the footer's «follow us» links. */
  networks: Record<ShareNetwork, string>;
  searchForm: { label: string; field: string; submit: string };
  homePage: { more: string; empty: string };
  lists: { empty: string; emptyIndex: string };
  /** `newest`: the front page's link; `newer`/`older`: the neighbouring pages (rel=prev/next). */
  pagination: { label: string; newest: string; newer: string; older: string };
  status: { draft: string; scheduled: string };
  /** `latestBox`: the title of the box of the site's newest stories under a story (filled by its script). */
  story: { updated: string; source: string; sourceBox: string; related: string; readAlso: string; latestBox: string; getApp: string };
  share: { title: string; copy: string; copied: string; native: string };
  /** The search page; `noResults` and `count` hold {query} and {count}, filled in by assets/search.js. */
  searchPage: { label: string; searching: string; noResults: string; count: string; unavailable: string; noScript: string };
  notFound: { title: string; text: string; search: string; back: string };
  /** The preview's page while the content has errors. */
  problems: { title: string; fix: string };
}

/** What the views read of the newsroom (src/newsroom.ts, an outer layer, joins it). */
export interface ViewNewsroom {
  site: SiteSettings;
  /** Categories in the registry's order. */
  categoryList: SiteCategory[];
  listings: { indexes: ListIndex[] };
  /** Each feed by key: "" for the whole site, else the category id. */
  feedOf: Record<string, Feed>;
  home: Home;
}

export interface Link {
  name: string;
  url: string;
}

export interface NavItem extends Link {
  /** The item is, or leads to, this page (aria-current). */
  current: boolean;
}

/** A feed the page announces in its <head>. */
export interface AlternateLink extends FeedLink {
  title: string;
}

/** The footer, the same on every page. */
export interface Footer {
  /** The latest stories, the tag and source indexes, search. */
  links: Link[];
  /** The whole site's feed, one link per format. */
  feeds: FeedLink[];
  /** The site's accounts, when site.json has `social` (the list can be empty). */
  follow?: Link[];
}

/** What layouts/base.njk shows around every page's content. */
export interface PageView {
  /** The whole <title>: the page's name, then « | » and the site's name (the site's name alone on the home page). */
  title: string;
  /** Meta description: the page's own, else the site's. */
  description: string;
  /** Absolute canonical URL, where the page gives one. */
  canonicalUrl?: string;
  noindex: boolean;
  /** Open Graph, X card and JSON-LD values (src/site/seo.ts). */
  meta: PageMeta;
  /** The main navigation: the latest stories, then each section; the page's own marked. */
  nav: NavItem[];
  /** From the home page to this one, the last (this page) marked; empty: none shown. */
  breadcrumbs: NavItem[];
  /** The site's feeds, then the section's on a section page or a story of it. */
  feeds: AlternateLink[];
  footer: Footer;
  /** The footer's «©» year, from the content the page shows, never the build's clock (so a page
   * stays byte-identical across builds): a story's publication year, a list page's newest story's,
   * else the site's newest story's; none on a site without stories. */
  year?: number;
}

/** The networks the footer links to when site.json's `social` names them, in this order. */
const FOLLOW_NETWORKS = ["x", "facebook", "telegram"] as const satisfies readonly ShareNetwork[];

interface PageParts {
  /** The page's own name; the <title> adds the site's. */
  name: string;
  meta: PageMeta;
  description?: string;
  canonicalUrl?: string;
  noindex?: boolean;
  /** "latest" or a category id: the navigation item to mark. */
  nav?: string;
  /** The breadcrumb trail after the home page. */
  crumbs?: Crumb[];
  /** The section whose feeds the page announces besides the site's. */
  category?: SiteCategory;
  /** The story that dates the page (its publication year is the footer's); else the site's newest. */
  datedBy?: { published: { iso: string } };
}

/** The year of a story's publication, in the site's time zone (the ISO time is written in it). */
function yearOf(dated: { published: { iso: string } } | undefined): number | undefined {
  const year = dated ? Number.parseInt(dated.published.iso.slice(0, 4), 10) : NaN;
  return Number.isNaN(year) ? undefined : year;
}

export function pageTitle(name: string, site: Pick<SiteSettings, "name">): string {
  return name === site.name ? name : `${name} | ${site.name}`;
}

function pageView(newsroom: ViewNewsroom, labels: Labels, parts: PageParts): PageView {
  const { site } = newsroom;
  const shared = sharedParts(newsroom, labels);
  return {
    title: pageTitle(parts.name, site),
    description: parts.description || site.description,
    canonicalUrl: parts.canonicalUrl,
    noindex: parts.noindex ?? false,
    meta: parts.meta,
    nav: shared.nav(parts.nav),
    breadcrumbs: breadcrumbs(labels, parts.crumbs),
    feeds: shared.feeds(parts.category),
    footer: shared.footer,
    year: yearOf(parts.datedBy ?? newsroom.home.lead),
  };
}

/** The trail from the home page, the last crumb (this page) marked; none for a page without crumbs. */
function breadcrumbs(labels: Labels, crumbs: Crumb[] = []): NavItem[] {
  if (!crumbs.length) return [];
  const trail = [{ name: labels.home, url: SITE_PATHS.home }, ...crumbs];
  return trail.map(({ name, url }, i) => ({ name, url, current: i === trail.length - 1 }));
}

/** What many pages show alike: the footer, the navigation with each item marked, each section's feeds. */
interface SharedParts {
  footer: Footer;
  nav(current: string | undefined): NavItem[];
  feeds(category: SiteCategory | undefined): AlternateLink[];
}

/** Built once per build (per newsroom and labels) and shared by the views, read-only: a view is made
 * for each of the thousands of pages, and what they share is not made again for each. */
const sharedByNewsroom = new WeakMap<ViewNewsroom, WeakMap<Labels, SharedParts>>();

function sharedParts(newsroom: ViewNewsroom, labels: Labels): SharedParts {
  let byLabels = sharedByNewsroom.get(newsroom);
  if (!byLabels) sharedByNewsroom.set(newsroom, (byLabels = new WeakMap()));
  let shared = byLabels.get(labels);
  if (!shared) byLabels.set(labels, (shared = makeSharedParts(newsroom, labels)));
  return shared;
}

function makeSharedParts(newsroom: ViewNewsroom, labels: Labels): SharedParts {
  const { site, feedOf, categoryList } = newsroom;
  const navs = new Map<string, NavItem[]>();
  const feeds = new Map<string, AlternateLink[]>();
  const announce = (feed: Feed | undefined, title: string) => (feed?.links ?? []).map(({ href, type, label }) => ({ href, type, label, title }));
  const siteFeeds = announce(feedOf[""], site.name);
  return {
    footer: footer(newsroom, labels),
    nav(current = "") {
      let nav = navs.get(current);
      if (!nav) {
        nav = [
          { name: labels.latest, url: SITE_PATHS.latest, current: current === "latest" },
          ...categoryList.map((category) => ({ name: category.name, url: category.url, current: current === category.id })),
        ];
        navs.set(current, nav);
      }
      return nav;
    },
    feeds(category) {
      if (!category) return siteFeeds;
      let list = feeds.get(category.id);
      if (!list) feeds.set(category.id, (list = [...siteFeeds, ...announce(feedOf[category.id], `${site.name}: ${category.name}`)]));
      return list;
    },
  };
}

function footer({ site, listings, feedOf }: ViewNewsroom, labels: Labels): Footer {
  const social = site.social;
  return {
    links: [
      { name: labels.latest, url: SITE_PATHS.latest },
      ...listings.indexes.map((index) => ({ name: labels[index.kind], url: index.url })),
      { name: labels.search, url: SITE_PATHS.search },
    ],
    feeds: feedOf[""]?.links ?? [],
    follow: social && FOLLOW_NETWORKS.flatMap((network) => (social[network] ? [{ name: labels.networks[network], url: social[network] }] : [])),
  };
}

/** How many stories /latest.json lists (a few KB). */
export const LATEST_JSON_SIZE = 8;

/** One story of /latest.json: what the «الأحدث» box shows. `url` is a path from the site's origin. */
export interface LatestEntry {
  title: string;
  url: string;
  category: string;
  published: string;
}

/** /latest.json: the newest stories, newest first (the home page's lead and latest, which are those). */
export function latestStories(newsroom: ViewNewsroom): { stories: LatestEntry[] } {
  const prefix = newsroom.site.pathPrefix.replace(/\/$/, "");
  const { lead, latest } = newsroom.home;
  const cards = lead ? [lead, ...latest] : latest;
  return { stories: cards.slice(0, LATEST_JSON_SIZE).map((c) => ({ title: c.title, url: `${prefix}${c.url}`, category: c.category.name, published: c.published.iso })) };
}

export interface StoryView extends PageView {
  /** Shown above the headline in the preview: a draft, or a story dated in the future. */
  status?: { kind: "draft" | "scheduled"; label: string };
  /** The share bar's links with their networks' names. */
  share: ShareButton[];
  /** Where the «الأحدث» box's script reads the newest stories: /latest.json with the path prefix (a
   * data attribute, which the HTML base plugin does not rewrite). */
  latestJson: string;
}

export function storyView(story: Story, newsroom: ViewNewsroom, labels: Labels): StoryView {
  const { site } = newsroom;
  const status = story.draft ? "draft" : story.scheduled ? "scheduled" : undefined;
  const page = pageView(newsroom, labels, {
    name: story.title,
    description: story.description,
    canonicalUrl: story.canonicalUrl,
    noindex: story.noindex,
    meta: storyMeta(story, site, labels),
    nav: story.category.id,
    crumbs: [story.category],
    category: story.category,
    datedBy: story,
  });
  const parts: Omit<StoryView, keyof PageView> = {
    status: status && { kind: status, label: labels.status[status] },
    share: shareButtons(story.share, labels.networks, site.direction),
    latestJson: `${site.pathPrefix.replace(/\/$/, "")}${SITE_PATHS.latestJson}`,
  };
  return Object.assign(page, parts);
}

export interface ListView extends PageView {
  /** The <h1>; `dir` is set on tag pages, whose name is isolated in <bdi dir>. */
  heading: { text: string; dir?: "rtl" | "ltr" };
  /** «صفحة N» on archive pages (no «of M»: the number of pages grows, and the page would change with it). */
  position?: { number: number };
}

/** A page of the latest stories, a section, a tag or a source. */
export function listView(list: ListPage, newsroom: ViewNewsroom, labels: Labels): ListView {
  const heading = listTitle(list, labels);
  const name = list.number > 0 ? `${heading} - ${labels.page} ${list.number}` : heading;
  const crumbs = listCrumbs(list, labels);
  const meta = listMeta({ title: name, url: list.url }, newsroom.site, labels, crumbs);
  const nav = list.kind === "category" ? list.key : list.kind;
  const page = pageView(newsroom, labels, { name, meta, canonicalUrl: meta.url, nav, crumbs, category: list.category, datedBy: list.stories[0] });
  return Object.assign(page, {
    heading: { text: heading, dir: list.kind === "tag" ? textDirection(heading) : undefined },
    position: list.number > 0 ? { number: list.number } : undefined,
  });
}

export interface TitledView extends PageView {
  /** The page's <h1>. */
  heading: string;
}

/** A page that is a breadcrumb below the home page: the tag index, the source index, search. */
function indexLikeView(newsroom: ViewNewsroom, labels: Labels, heading: string, url: string, noindex = false): TitledView {
  const crumbs = [{ name: heading, url }];
  const meta = listMeta({ title: heading, url }, newsroom.site, labels, crumbs);
  return Object.assign(pageView(newsroom, labels, { name: heading, meta, canonicalUrl: meta.url, noindex, crumbs }), { heading });
}

/** The page listing every tag or every source. */
export function indexView(index: ListIndex, newsroom: ViewNewsroom, labels: Labels): TitledView {
  return indexLikeView(newsroom, labels, labels[index.kind], index.url);
}

/** The search page, kept out of search engines. */
export function searchView(newsroom: ViewNewsroom, labels: Labels): TitledView {
  return indexLikeView(newsroom, labels, labels.search, SITE_PATHS.search, true);
}

export interface HomeView extends TitledView {
  /** The lead story, the latest stories and a block per section. */
  home: Home;
}

export function homeView(newsroom: ViewNewsroom, labels: Labels): HomeView {
  const { site } = newsroom;
  const meta = homeMeta(site);
  return Object.assign(pageView(newsroom, labels, { name: site.name, meta, canonicalUrl: meta.url }), { heading: `${site.name}: ${labels.latest}`, home: newsroom.home });
}

/** 404.html: no canonical URL, kept out of search engines. */
export function notFoundView(newsroom: ViewNewsroom, labels: Labels): TitledView {
  const heading = labels.notFound.title;
  const meta = listMeta({ title: heading, url: SITE_PATHS.notFound }, newsroom.site, labels);
  return Object.assign(pageView(newsroom, labels, { name: heading, meta, noindex: true }), { heading });
}

export interface ProblemsView {
  title: string;
  heading: string;
  /** What to do, in the site's words. */
  fix: string;
  problems: ContentProblem[];
}

/** The preview's page while the content has errors: standalone, as there is no newsroom to show.
 * labels.json may itself be what is wrong, so its words fall back to English. */
export function problemsView({ problems }: { problems: ContentProblem[] }, labels: Partial<Labels> | undefined): ProblemsView {
  const title = labels?.problems?.title ?? "Content problems";
  return { title: `${title} (${problems.length})`, heading: `${title}: ${problems.length}`, fix: labels?.problems?.fix ?? "Fix the files below and save them.", problems };
}
