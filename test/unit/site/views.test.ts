import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { normalizeSite } from "../../../src/content/registries.ts";
import { buildFeeds } from "../../../src/site/feeds.ts";
import type { ListIndex, ListPage } from "../../../src/site/lists.ts";
import { shareLinks } from "../../../src/site/share.ts";
import type { SiteCategory, Story } from "../../../src/site/story.ts";
import { homeView, indexView, latestStories, listView, notFoundView, pageTitle, problemsView, searchView, storyView, type Labels, type ViewNewsroom } from "../../../src/site/views.ts";

const root = path.resolve(import.meta.dirname, "../../..");
const readLabels = (file: string) => JSON.parse(readFileSync(path.join(root, file), "utf8")) as Labels;
const labels = readLabels("content/_data/labels.json");

const politics: SiteCategory = { id: "politics", name: "سياسة", order: 1, url: "/category/politics/" };
const sports: SiteCategory = { id: "sports", name: "رياضة", order: 2, url: "/category/sports/" };
const site = normalizeSite({
  name: "خبر",
  description: "وصف الموقع",
  baseUrl: "https://khabar.example",
  social: { facebook: "https://facebook.example/khabar", x: "https://x.example/khabar", xHandle: "@khabar" },
});
const indexes: ListIndex[] = [
  { kind: "tags", url: "/tags/", entries: [] },
  { kind: "sources", url: "/sources/", entries: [] },
];
const feeds = buildFeeds([], [politics, sports], 10);
const newsroom: ViewNewsroom = {
  site,
  categoryList: [politics, sports],
  listings: { indexes },
  feedOf: Object.fromEntries(feeds.map((f) => [f.key, f])),
  home: { latest: [], blocks: [] },
};

const story = {
  title: "عنوان الخبر",
  description: "وصف الخبر",
  url: "/news/x/",
  pageUrl: "https://khabar.example/news/x/",
  canonicalUrl: "https://original.example/x",
  noindex: false,
  draft: false,
  scheduled: false,
  published: { iso: "2025-12-03T10:15:00+03:00" },
  modified: { iso: "2025-12-03T10:15:00+03:00" },
  category: politics,
  tags: [],
  source: { name: "العربية", url: "https://www.alarabiya.net/x" },
  share: shareLinks({ title: "عنوان الخبر", url: "https://khabar.example/news/x/" }),
} as unknown as Story;

const list = (kind: ListPage["kind"], fields: Partial<ListPage> = {}): ListPage =>
  ({ kind, key: "", name: "", url: "/latest/", firstUrl: "/latest/", number: 0, total: 1, stories: [], pages: [], ...fields }) as ListPage;

const current = (view: { nav: Array<{ name: string; current: boolean }> }) => view.nav.filter((item) => item.current).map((item) => item.name);

describe("pageTitle", () => {
  it("adds the site's name after the page's, except where the page is named after the site", () => {
    assert.equal(pageTitle("سياسة", site), "سياسة | خبر");
    assert.equal(pageTitle("خبر", site), "خبر");
  });
});

describe("storyView", () => {
  const view = storyView(story, newsroom, labels);
  it("gives the <title>, description, canonical URL and robots rule of the story", () => {
    assert.equal(view.title, "عنوان الخبر | خبر");
    assert.equal(view.description, "وصف الخبر");
    assert.equal(view.canonicalUrl, "https://original.example/x");
    assert.equal(view.noindex, false);
    assert.equal(view.meta.type, "article");
    assert.equal(storyView({ ...story, description: "", noindex: true } as Story, newsroom, labels).description, "وصف الموقع");
    assert.equal(storyView({ ...story, noindex: true } as Story, newsroom, labels).noindex, true);
  });
  it("marks the story's section in the navigation, after the latest stories", () => {
    assert.deepEqual(view.nav, [
      { name: "آخر الأخبار", url: "/latest/", current: false },
      { name: "سياسة", url: "/category/politics/", current: true },
      { name: "رياضة", url: "/category/sports/", current: false },
    ]);
  });
  it("leads the breadcrumbs from the home page to the section, marking the last", () => {
    assert.deepEqual(view.breadcrumbs, [
      { name: "الرئيسية", url: "/", current: false },
      { name: "سياسة", url: "/category/politics/", current: true },
    ]);
  });
  it("announces the site's feeds, then the section's under «site: section»", () => {
    assert.deepEqual(
      view.feeds.map((f) => [f.title, f.href]),
      [
        ["خبر", "/feed.xml"],
        ["خبر", "/rss.xml"],
        ["خبر", "/feed.json"],
        ["خبر: سياسة", "/category/politics/feed.xml"],
        ["خبر: سياسة", "/category/politics/rss.xml"],
        ["خبر: سياسة", "/category/politics/feed.json"],
      ],
    );
  });
  it("names each share network from the labels, isolating a name written left to right (X) on a right-to-left page", () => {
    assert.deepEqual(
      view.share.map((b) => [b.network, b.label, b.isolate]),
      [
        ["whatsapp", "واتساب", false],
        ["x", "X", true],
        ["facebook", "فيسبوك", false],
        ["telegram", "تيليجرام", false],
        ["email", "البريد", false],
      ],
    );
    const ltr = storyView(story, { ...newsroom, site: { ...site, direction: "ltr" } }, { ...labels, networks: { ...labels.networks, whatsapp: "WhatsApp" } });
    assert.deepEqual(ltr.share.filter((b) => b.isolate).map((b) => b.label), ["فيسبوك", "تيليجرام", "البريد"]);
  });
  it("marks drafts and scheduled stories, and nothing else", () => {
    assert.equal(view.status, undefined);
    assert.deepEqual(storyView({ ...story, draft: true } as Story, newsroom, labels).status, { kind: "draft", label: "مسودة" });
    assert.deepEqual(storyView({ ...story, scheduled: true } as Story, newsroom, labels).status, { kind: "scheduled", label: "مجدول" });
  });
});

describe("what pages share", () => {
  it("is built once per build: pages of one section get the same navigation and feeds, every page the same footer", () => {
    const a = storyView(story, newsroom, labels);
    const b = listView(list("category", { key: "politics", name: "سياسة", url: "/category/politics/", firstUrl: "/category/politics/", category: politics }), newsroom, labels);
    assert.equal(a.nav, b.nav);
    assert.equal(a.feeds, b.feeds);
    assert.equal(a.footer, homeView(newsroom, labels).footer);
    assert.notEqual(a.nav, listView(list("latest"), newsroom, labels).nav);
  });
  it("is built again for another newsroom (each preview rebuild)", () => {
    assert.notEqual(storyView(story, { ...newsroom }, labels).footer, storyView(story, newsroom, labels).footer);
  });
});

describe("the footer", () => {
  const { footer } = homeView(newsroom, labels);
  it("links the latest stories, the indexes, search and the site's feeds", () => {
    assert.deepEqual(footer.links, [
      { name: "آخر الأخبار", url: "/latest/" },
      { name: "الوسوم", url: "/tags/" },
      { name: "المصادر", url: "/sources/" },
      { name: "البحث", url: "/search/" },
    ]);
    assert.deepEqual(footer.feeds.map((f) => f.label), ["Atom", "RSS", "JSON Feed"]);
  });
  it("follows the accounts site.json names, in a fixed order, and none without `social`", () => {
    assert.deepEqual(footer.follow, [
      { name: "X", url: "https://x.example/khabar" },
      { name: "فيسبوك", url: "https://facebook.example/khabar" },
    ]);
    assert.equal(homeView({ ...newsroom, site: { ...site, social: undefined } }, labels).footer.follow, undefined);
    assert.deepEqual(homeView({ ...newsroom, site: { ...site, social: {} } }, labels).footer.follow, []);
  });
});

describe("the footer's year", () => {
  const card = (iso: string) => ({ published: { iso } }) as unknown as Story;
  const withNewest = { ...newsroom, home: { lead: card("2026-01-01T00:30:00+03:00"), latest: [], blocks: [] } } as ViewNewsroom;
  it("is a story's publication year in the site's time zone, not the build's", () => {
    assert.equal(storyView({ ...story, published: { iso: "2024-12-31T23:30:00+03:00" } } as Story, withNewest, labels).year, 2024);
  });
  it("is the year of a list page's newest story; of an empty list, the site's newest story's", () => {
    const archive = list("latest", { number: 1, url: "/latest/page/1/", stories: [card("2023-05-01T10:00:00+00:00") as never, card("2022-01-01T10:00:00+00:00") as never] });
    assert.equal(listView(archive, withNewest, labels).year, 2023);
    assert.equal(listView(list("latest"), withNewest, labels).year, 2026);
  });
  it("is the site's newest story's on other pages, and none on a site without stories", () => {
    assert.equal(homeView(withNewest, labels).year, 2026);
    assert.equal(notFoundView(withNewest, labels).year, 2026);
    assert.equal(homeView(newsroom, labels).year, undefined);
  });
});

describe("latestStories (/latest.json)", () => {
  it("lists the 8 newest stories, newest first, with addresses under the path prefix", () => {
    const card = (n: number) => ({ title: `t${n}`, url: `/news/s${n}/`, category: politics, published: { iso: `2025-12-${String(20 - n).padStart(2, "0")}T10:00:00+03:00` } }) as never;
    const home = { lead: card(0), latest: Array.from({ length: 9 }, (_, i) => card(i + 1)), blocks: [] };
    const { stories } = latestStories({ ...newsroom, site: { ...site, pathPrefix: "/news/" }, home });
    assert.deepEqual(stories.map((s) => s.url), Array.from({ length: 8 }, (_, i) => `/news/news/s${i}/`));
    assert.deepEqual(stories[0], { title: "t0", url: "/news/news/s0/", category: "سياسة", published: "2025-12-20T10:00:00+03:00" });
  });
});

describe("listView", () => {
  it("adds the page number to the <title> of an archive page, and says «صفحة N» without the number of pages (which grows)", () => {
    const second = listView(list("category", { key: "sports", name: "رياضة", url: "/category/sports/page/2/", firstUrl: "/category/sports/", number: 2, total: 3, category: sports }), newsroom, labels);
    assert.equal(second.title, "رياضة - صفحة 2 | خبر");
    assert.deepEqual(second.heading, { text: "رياضة", dir: undefined });
    assert.deepEqual(second.position, { number: 2 });
    assert.equal(second.canonicalUrl, "https://khabar.example/category/sports/page/2/");
    assert.deepEqual(current(second), ["رياضة"]);
    assert.deepEqual(second.breadcrumbs.at(-1), { name: "رياضة", url: "/category/sports/", current: true });
    assert.deepEqual([...new Set(second.feeds.map((f) => f.title))], ["خبر", "خبر: رياضة"]);
  });
  it("marks «آخر الأخبار» on the latest stories, and announces only the site's feeds", () => {
    const latest = listView(list("latest"), newsroom, labels);
    assert.equal(latest.title, "آخر الأخبار | خبر");
    assert.equal(latest.position, undefined);
    assert.deepEqual(current(latest), ["آخر الأخبار"]);
    assert.equal(latest.feeds.length, 3);
  });
  it("isolates a tag in its own direction, under the tag index; marks nothing in the navigation", () => {
    const tag = listView(list("tag", { key: "cop30", name: "COP30", url: "/tag/cop30/", firstUrl: "/tag/cop30/" }), newsroom, labels);
    assert.deepEqual(tag.heading, { text: "COP30", dir: "ltr" });
    assert.deepEqual(tag.breadcrumbs.map((c) => c.url), ["/", "/tags/", "/tag/cop30/"]);
    assert.deepEqual(current(tag), []);
  });
  it("titles a source's list «أخبار <source>»", () => {
    const source = listView(list("source", { key: "reuters", name: "Reuters", url: "/source/reuters/", firstUrl: "/source/reuters/" }), newsroom, labels);
    assert.equal(source.heading.text, "أخبار Reuters");
    assert.deepEqual(source.breadcrumbs.map((c) => c.name), ["الرئيسية", "المصادر", "أخبار Reuters"]);
  });
});

describe("the site's single pages", () => {
  it("home: the site's name alone as <title>, its canonical URL, no breadcrumbs, nothing marked", () => {
    const view = homeView(newsroom, labels);
    assert.equal(view.title, "خبر");
    assert.equal(view.heading, "خبر: آخر الأخبار");
    assert.equal(view.canonicalUrl, "https://khabar.example/");
    assert.deepEqual(view.breadcrumbs, []);
    assert.deepEqual(current(view), []);
    assert.equal(view.home, newsroom.home);
  });
  it("an index: titled by its kind, one breadcrumb below the home page", () => {
    const view = indexView(indexes[1]!, newsroom, labels);
    assert.equal(view.title, "المصادر | خبر");
    assert.deepEqual(view.breadcrumbs, [
      { name: "الرئيسية", url: "/", current: false },
      { name: "المصادر", url: "/sources/", current: true },
    ]);
    assert.equal(view.canonicalUrl, "https://khabar.example/sources/");
    assert.equal(view.noindex, false);
  });
  it("search: kept out of search engines", () => {
    const view = searchView(newsroom, labels);
    assert.equal(view.title, "البحث | خبر");
    assert.equal(view.noindex, true);
    assert.equal(view.canonicalUrl, "https://khabar.example/search/");
  });
  it("404: kept out of search engines, with no canonical URL and no breadcrumbs", () => {
    const view = notFoundView(newsroom, labels);
    assert.equal(view.title, "الصفحة غير موجودة | خبر");
    assert.equal(view.noindex, true);
    assert.equal(view.canonicalUrl, undefined);
    assert.equal(view.meta.url, "https://khabar.example/404.html");
    assert.deepEqual(view.breadcrumbs, []);
  });
  it("the preview's problem page counts the problems, in English when labels.json lacks its words", () => {
    const problems = [{ file: "a.md", field: "title", message: "missing" }];
    assert.deepEqual(problemsView({ problems }, labels), { title: "أخطاء في المحتوى (1)", heading: "أخطاء في المحتوى: 1", fix: labels.problems.fix, problems });
    assert.equal(problemsView({ problems }, {}).title, "Content problems (1)");
  });
});

describe("labels.json", () => {
  const keys = (value: unknown, prefix = ""): string[] =>
    typeof value === "object" && value !== null ? Object.entries(value).flatMap(([k, v]) => keys(v, `${prefix}${k}.`)) : [prefix.slice(0, -1)];
  it("has the same keys in the test fixture site as in content/", () => {
    assert.deepEqual(keys(readLabels("test/fixtures/site/content/_data/labels.json")).sort(), keys(labels).sort());
  });
  it("has a text for every label a layout prints (Nunjucks prints nothing for a missing one)", () => {
    const layouts = path.join(root, "layouts");
    const used = readdirSync(layouts, { recursive: true, encoding: "utf8" })
      .filter((file) => file.endsWith(".njk"))
      .flatMap((file) => [...readFileSync(path.join(layouts, file), "utf8").replace(/{#[\s\S]*?#}/g, "").matchAll(/\blabels((?:\.\w+)+)/g)].map((m) => `${file}: labels${m[1]}`));
    assert.ok(used.length > 40, `found ${used.length} labels in layouts/`);
    const missing = used.filter((use) => {
      const found = use.split(": labels.")[1]!.split(".").reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], labels);
      return typeof found !== "string";
    });
    assert.deepEqual(missing, []);
  });
});
