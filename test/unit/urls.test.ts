// Every address of the site comes from src/urls.ts: what each page, list, feed and file is called.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import {
  archivePageUrl,
  absoluteUrl,
  assetResolver,
  assetUrl,
  categoryUrl,
  feedUrl,
  pageFile,
  registryAssetUrl,
  sitemapPartUrl,
  SITE_PATHS,
  sourceKey,
  sourceUrl,
  storyUrl,
  tagUrl,
} from "../../src/urls.ts";

describe("page addresses", () => {
  it("percent-encodes a story's Arabic slug under /news/", () => {
    assert.equal(storyUrl("غزة-اليوم"), `/news/${encodeURIComponent("غزة-اليوم")}/`);
    assert.equal(decodeURIComponent(storyUrl("غزة-اليوم")), "/news/غزة-اليوم/");
  });
  it("gives Arabic tags readable, percent-encoded addresses by the slug rule", () => {
    assert.equal(tagUrl("الذكاء الاصطناعي"), `/tag/${encodeURIComponent("الذكاء-الاصطناعي")}/`);
    assert.equal(decodeURIComponent(tagUrl("كرة القدم!")), "/tag/كرة-القدم/");
  });
  it("uses the registry id for known sources and the slug of the name for others", () => {
    assert.equal(sourceKey({ id: "alarabiya", name: "العربية" }), "alarabiya");
    assert.equal(sourceUrl({ id: "alarabiya", name: "العربية" }), "/source/alarabiya/");
    assert.equal(sourceUrl({ name: "Associated Press" }), "/source/associated-press/");
  });
  it("numbers archive pages under the list's own address, which is its front page", () => {
    assert.equal(archivePageUrl(categoryUrl("sports"), 1), "/category/sports/page/1/");
    assert.equal(archivePageUrl(SITE_PATHS.latest, 2), "/latest/page/2/");
  });
  it("puts feeds under the page they follow, and numbers sitemap parts", () => {
    assert.equal(feedUrl(SITE_PATHS.home, "feed.xml"), "/feed.xml");
    assert.equal(feedUrl(categoryUrl("economy"), "rss.xml"), "/category/economy/rss.xml");
    assert.equal(sitemapPartUrl(2), "/sitemap-2.xml");
    assert.equal(assetUrl("fonts/a.woff2"), "/assets/fonts/a.woff2");
  });
  it("writes a page to its percent-decoded path, relative to the output folder", () => {
    assert.equal(pageFile(storyUrl("غزة-اليوم")), "news/غزة-اليوم/index.html");
    assert.equal(pageFile("/tag/%D8%BA%D8%B2%D8%A9/page/2/"), "tag/غزة/page/2/index.html");
    assert.equal(pageFile(SITE_PATHS.home), "index.html");
  });
});

describe("absoluteUrl", () => {
  it("joins the base URL, the path prefix and the site path", () => {
    assert.equal(absoluteUrl({ baseUrl: "https://khabar.example", pathPrefix: "/" }, "/latest/"), "https://khabar.example/latest/");
    assert.equal(absoluteUrl({ baseUrl: "https://khabar.example", pathPrefix: "/news/" }, "/latest/"), "https://khabar.example/news/latest/");
  });
  it("leaves an address that is already absolute as it is", () => {
    assert.equal(absoluteUrl({ baseUrl: "https://khabar.example", pathPrefix: "/news/" }, "https://other.example/x"), "https://other.example/x");
  });
});

describe("files under content/", () => {
  const folder = mkdtempSync(path.join(tmpdir(), "khabar-urls-"));
  const content = path.join(folder, "content");
  const story = path.join(content, "articles", "2025", "خبر.md");
  mkdirSync(path.join(content, "articles", "2025"), { recursive: true });
  mkdirSync(path.join(content, "images"), { recursive: true });
  writeFileSync(path.join(content, "articles", "2025", "صورة.jpg"), "");
  writeFileSync(path.join(content, "images", "map.jpg"), "");
  writeFileSync(path.join(folder, "secret.jpg"), "");
  after(() => rmSync(folder, { recursive: true, force: true }));
  const resolve = assetResolver(content, story);

  it("finds a picture next to the story, percent-encoding its path", () => {
    assert.equal(resolve("./صورة.jpg"), `/articles/2025/${encodeURIComponent("صورة.jpg")}`);
    assert.equal(resolve("صورة.jpg"), `/articles/2025/${encodeURIComponent("صورة.jpg")}`);
  });
  it("finds a path from content/, with or without a leading slash", () => {
    assert.equal(resolve("/images/map.jpg"), "/images/map.jpg");
    assert.equal(resolve("images/map.jpg"), "/images/map.jpg");
    assert.equal(registryAssetUrl(content, "images/map.jpg"), "/images/map.jpg");
  });
  it("gives null for a file that is missing or outside content/", () => {
    assert.equal(resolve("./missing.jpg"), null);
    assert.equal(resolve("../../../secret.jpg"), null);
    assert.equal(resolve("/../secret.jpg"), null);
    assert.equal(registryAssetUrl(content, "../secret.jpg"), null);
  });
  it("takes a path with a stray % as a file name instead of failing on it", () => {
    writeFileSync(path.join(content, "images", "50%.jpg"), "");
    assert.equal(resolve("/images/50%.jpg"), "/images/50%25.jpg");
    assert.equal(resolve("/images/50%25.jpg"), "/images/50%25.jpg");
    assert.equal(resolve("./a%zz.jpg"), null);
  });
  it("ignores a query or fragment when looking for the file", () => {
    assert.equal(resolve("/images/map.jpg?v=2#top"), "/images/map.jpg");
  });
  it("does not follow a symbolic link to a file outside content/", () => {
    symlinkSync(path.join(folder, "secret.jpg"), path.join(content, "images", "secret.jpg"));
    assert.equal(resolve("/images/secret.jpg"), null);
  });
  it("records a symbolic link inside content/ under its own path", () => {
    symlinkSync(path.join(content, "images", "map.jpg"), path.join(content, "images", "alias.jpg"));
    assert.equal(resolve("/images/alias.jpg"), "/images/alias.jpg");
  });
});
