import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { normalizeSite } from "../../../src/content/registries.ts";
import { buildSitemaps, NEWS_WINDOW_MS } from "../../../src/site/sitemaps.ts";
import type { Story } from "../../../src/site/story.ts";

const site = normalizeSite({ name: "خبر", baseUrl: "https://khabar.example/", pathPrefix: "/news/" });
const now = Date.UTC(2025, 11, 3, 12);
const story = (slug: string, hoursAgo: number, extra: Partial<Story> = {}) => {
  const pageUrl = `https://khabar.example/news/news/${slug}/`;
  const published = { epoch: now - hoursAgo * 3600_000, iso: new Date(now - hoursAgo * 3600_000).toISOString(), text: "" };
  return { slug, pageUrl, canonicalUrl: pageUrl, noindex: false, published, modified: published, ...extra } as Story;
};

describe("buildSitemaps", () => {
  it("lists list pages and stories as absolute URLs with the path prefix", () => {
    const { parts, index } = buildSitemaps(site, [{ loc: "/" }, { loc: "/latest/" }], [story("a", 1)], now);
    assert.equal(index, undefined);
    assert.deepEqual(parts[0]!.urls.map((u) => u.loc), ["https://khabar.example/news/", "https://khabar.example/news/latest/", "https://khabar.example/news/news/a/"]);
    assert.equal(parts[0]!.path, "/sitemap.xml");
  });
  it("dates each story by its last change", () => {
    const updated = { epoch: now, iso: "2025-12-03T12:00:00.000Z", text: "" };
    const { parts } = buildSitemaps(site, [], [story("a", 5), story("b", 5, { updated, modified: updated })], now);
    assert.deepEqual(parts[0]!.urls.map((u) => u.lastmod), ["2025-12-03T07:00:00.000Z", "2025-12-03T12:00:00.000Z"]);
  });
  describe("past the limit", () => {
    const at = (iso: string, slug: string) => {
      const epoch = Date.parse(iso);
      return story(slug, (now - epoch) / 3600_000, { published: { epoch, iso, text: "" }, modified: { epoch, iso, text: "" } });
    };
    // newest first, as the newsroom gives them; the site's time zone is written in the ISO times
    const stories = [
      at("2025-12-02T09:00:00+03:00", "dec-b"),
      at("2025-12-01T01:00:00+03:00", "dec-a"),
      at("2025-11-30T23:30:00+03:00", "nov-c"),
      at("2025-11-20T10:00:00+03:00", "nov-b"),
      at("2025-11-02T10:00:00+03:00", "nov-a"),
    ];
    const split = (list: Story[]) => buildSitemaps(site, [{ loc: "/" }, { loc: "/latest/" }], list, now, 2);
    const { parts, index } = split(stories);
    it("lists the pages in their own part and the stories in one part per month of publication, oldest first", () => {
      assert.deepEqual(parts.map((p) => [p.path, p.urls.map((u) => u.loc.split("/").at(-2))]), [
        ["/sitemap-pages.xml", ["news", "latest"]],
        ["/sitemap-2025-11.xml", ["nov-a", "nov-b"]],
        ["/sitemap-2025-11-2.xml", ["nov-c"]],
        ["/sitemap-2025-12.xml", ["dec-a", "dec-b"]],
      ]);
    });
    it("dates each part in the index by the newest change of what it lists", () => {
      assert.deepEqual(index, [
        { loc: "https://khabar.example/news/sitemap-pages.xml", lastmod: "2025-12-02T09:00:00+03:00" },
        { loc: "https://khabar.example/news/sitemap-2025-11.xml", lastmod: "2025-11-20T10:00:00+03:00" },
        { loc: "https://khabar.example/news/sitemap-2025-11-2.xml", lastmod: "2025-11-30T23:30:00+03:00" },
        { loc: "https://khabar.example/news/sitemap-2025-12.xml", lastmod: "2025-12-02T09:00:00+03:00" },
      ]);
    });
    it("changes only the new story's month's part and the pages part's date when a story is published", () => {
      const after = split([at("2025-12-03T08:00:00+03:00", "dec-c"), ...stories]);
      const changed = after.parts.filter((p) => JSON.stringify(p) !== JSON.stringify(parts.find((q) => q.path === p.path)));
      assert.deepEqual(changed.map((p) => p.path), ["/sitemap-2025-12-2.xml"]);
      const dated = after.index!.filter((p) => JSON.stringify(p) !== JSON.stringify(index!.find((q) => q.loc === p.loc)));
      assert.deepEqual(dated.map((p) => p.loc.split("/").at(-1)), ["sitemap-pages.xml", "sitemap-2025-12-2.xml"]);
    });
  });
  it("keeps out of every sitemap stories that are noindex or canonical elsewhere", () => {
    const { parts, news } = buildSitemaps(site, [], [story("own", 1), story("hidden", 1, { noindex: true }), story("syndicated", 1, { canonicalUrl: "https://original.example/x" })], now);
    assert.deepEqual(parts[0]!.urls.map((u) => u.loc), ["https://khabar.example/news/news/own/"]);
    assert.deepEqual(news.map((s) => s.slug), ["own"]);
  });
  it("puts only stories of the last 48 hours in the news sitemap, at most 1,000", () => {
    const recent = Array.from({ length: 1200 }, (_, i) => story(`r${i}`, (i / 1200) * 47));
    const old = [story("old", 49), story("edge", NEWS_WINDOW_MS / 3600_000 + 0.01)];
    // old stories first, so only the 48-hour rule (not the cap) can keep them out
    const { news } = buildSitemaps(site, [], [...old, story("future", -1), ...recent], now);
    assert.equal(news.length, 1000);
    assert.ok(news.every((s) => now - s.published.epoch <= NEWS_WINDOW_MS && s.published.epoch <= now));
    assert.equal(news[0]!.slug, "r0");
  });
  it("keeps a story 48 hours old and leaves out one a moment older, or dated in the future", () => {
    const { news } = buildSitemaps(site, [], [story("future", -1), story("edge-in", 48), story("edge-out", 48.001), story("recent", 1)], now);
    assert.deepEqual(news.map((s) => s.slug), ["edge-in", "recent"]);
  });
});
