// The bulk pages the page writer renders: one per story and one per list page.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { ListPage } from "../../../src/site/lists.ts";
import { bulkPages } from "../../../src/site/bulk-pages.ts";
import type { Story } from "../../../src/site/story.ts";
import { storyUrl } from "../../../src/urls.ts";

describe("bulkPages", () => {
  const stories = ["أ", "ب"].map((slug) => ({ slug, url: storyUrl(slug) }) as Story);
  const lists = ["/latest/", "/latest/page/2/", "/category/sports/"].map((url) => ({ url }) as ListPage);
  const pages = [...bulkPages({ stories, listings: { pages: lists } })];

  it("gives every story a page with the story layout", () => {
    const storyPages = pages.filter((p) => p.layout === "story.njk");
    assert.deepEqual(storyPages.map((p) => p.url), stories.map((s) => s.url));
    assert.deepEqual(storyPages.map((p) => ("story" in p.data ? p.data.story : undefined)), stories);
  });
  it("gives every list page a page with the list layout", () => {
    const listPages = pages.filter((p) => p.layout === "list.njk");
    assert.deepEqual(listPages.map((p) => p.url), ["/latest/", "/latest/page/2/", "/category/sports/"]);
    assert.deepEqual(listPages.map((p) => ("list" in p.data ? p.data.list : undefined)), lists);
  });
  it("writes nothing else, and no address twice", () => {
    assert.equal(pages.length, stories.length + lists.length);
    assert.equal(new Set(pages.map((p) => p.url)).size, pages.length);
  });
});
