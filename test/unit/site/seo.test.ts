import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { contentSecurityPolicy } from "../../../src/site/csp.ts";
import type { ListPage } from "../../../src/site/lists.ts";
import { homeMeta, listCrumbs, listMeta, listTitle, storyMeta } from "../../../src/site/seo.ts";
import { normalizeSite } from "../../../src/content/registries.ts";
import type { Story } from "../../../src/site/story.ts";

const site = normalizeSite({ name: "خبر", baseUrl: "https://khabar.example", logo: "/assets/logo.png", defaultImage: { src: "/images/share.png", alt: "خبر", width: 1200, height: 630 } });
const labels = { home: "الرئيسية", latest: "آخر الأخبار", tags: "الوسوم", sources: "المصادر", sourcePage: "أخبار" };
const story = {
  title: 'عنوان </script><script>alert(1)</script> "مقتبس"',
  description: "وصف",
  pageUrl: "https://khabar.example/news/x/",
  canonicalUrl: "https://khabar.example/news/x/",
  published: { iso: "2025-12-03T10:15:00+03:00" },
  updated: { iso: "2025-12-03T12:00:00+03:00" },
  modified: { iso: "2025-12-03T12:00:00+03:00" },
  category: { id: "politics", name: "سياسة", url: "/category/politics/" },
  tags: ["روسيا", "أوكرانيا"],
  source: { name: "العربية", url: "https://www.alarabiya.net/x", homepage: "https://www.alarabiya.net/" },
  image: { src: "/articles/a.jpg", alt: "صورة", width: 1600, height: 900 },
} as unknown as Story;

describe("storyMeta", () => {
  const meta = storyMeta(story, site, labels);
  it("gives Open Graph article values: times, section, tags and the picture with its size", () => {
    assert.equal(meta.type, "article");
    assert.deepEqual(meta.article, { published: "2025-12-03T10:15:00+03:00", modified: "2025-12-03T12:00:00+03:00", section: "سياسة", tags: ["روسيا", "أوكرانيا"] });
    assert.deepEqual(meta.image, { url: "https://khabar.example/articles/a.jpg", alt: "صورة", width: 1600, height: 900 });
  });
  it("writes NewsArticle and BreadcrumbList JSON-LD that cannot close its <script>", () => {
    assert.doesNotMatch(meta.jsonLd!, /<\/script/i);
    const graph = (JSON.parse(meta.jsonLd!) as { "@graph": Array<Record<string, unknown>> })["@graph"];
    const article = graph.find((g) => g["@type"] === "NewsArticle")!;
    assert.equal(article.headline, story.title);
    assert.equal(article.isBasedOn, "https://www.alarabiya.net/x");
    assert.equal(article.inLanguage, "ar");
    assert.deepEqual(article.author, { "@type": "Organization", name: "العربية", url: "https://www.alarabiya.net/" });
    assert.deepEqual((article.publisher as { logo: unknown }).logo, { "@type": "ImageObject", url: "https://khabar.example/assets/logo.png" });
    const crumbs = graph.find((g) => g["@type"] === "BreadcrumbList")!.itemListElement as Array<{ name: string; item: string }>;
    assert.deepEqual(crumbs.map((c) => [c.name, c.item]), [["الرئيسية", "https://khabar.example/"], ["سياسة", "https://khabar.example/category/politics/"]]);
  });
  it("falls back to the site's default picture", () => {
    assert.equal(storyMeta({ ...story, image: undefined } as Story, site, labels).image?.url, "https://khabar.example/images/share.png");
  });
});

describe("homeMeta", () => {
  it("describes the WebSite with a SearchAction on the search page", () => {
    const data = JSON.parse(homeMeta(site).jsonLd!) as { "@type": string; potentialAction: { target: { urlTemplate: string } } };
    assert.equal(data["@type"], "WebSite");
    assert.equal(data.potentialAction.target.urlTemplate, "https://khabar.example/search/?q={search_term_string}");
  });
});

describe("list pages", () => {
  const page = (kind: ListPage["kind"], name: string) => ({ kind, name, firstUrl: `/${kind}/x/` }) as ListPage;
  it("titles source pages «أخبار <source>» and others by their name", () => {
    assert.equal(listTitle(page("source", "Reuters"), labels), "أخبار Reuters");
    assert.equal(listTitle(page("tag", "روسيا"), labels), "روسيا");
    assert.equal(listTitle(page("latest", ""), labels), "آخر الأخبار");
  });
  it("puts tag and source pages under their index in the breadcrumbs", () => {
    assert.deepEqual(listCrumbs(page("tag", "روسيا"), labels), [{ name: "الوسوم", url: "/tags/" }, { name: "روسيا", url: "/tag/x/" }]);
    assert.deepEqual(listCrumbs(page("category", "سياسة"), labels), [{ name: "سياسة", url: "/category/x/" }]);
  });
  it("gives list pages an absolute og:url", () => {
    assert.equal(listMeta({ title: "t", url: "/latest/page/2/" }, site, labels).url, "https://khabar.example/latest/page/2/");
  });
});

describe("contentSecurityPolicy", () => {
  it("allows scripts only from the site (no inline script), players only from the two embed hosts", () => {
    const policy = contentSecurityPolicy();
    assert.match(policy, /script-src 'self' 'wasm-unsafe-eval';/);
    assert.doesNotMatch(policy, /unsafe-inline/);
    assert.match(policy, /frame-src https:\/\/www\.youtube-nocookie\.com https:\/\/player\.vimeo\.com;/);
    assert.match(policy, /object-src 'none'/);
  });
  it("leaves frame-ancestors out of the <meta> version, where browsers ignore it", () => {
    assert.match(contentSecurityPolicy("header"), /frame-ancestors 'none'/);
    assert.doesNotMatch(contentSecurityPolicy("meta"), /frame-ancestors/);
  });
});
