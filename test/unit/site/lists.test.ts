import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildListings, pageLinks, paginate, type ListIndexEntry } from "../../../src/site/lists.ts";
import type { SiteCategory as Category } from "../../../src/site/story.ts";
import type { Story, StoryCard } from "../../../src/site/story.ts";

const politics: Category = { id: "politics", name: "سياسة", order: 1, url: "/category/politics/" };
const sports: Category = { id: "sports", name: "رياضة", order: 2, url: "/category/sports/" };
const cards = (n: number) => Array.from({ length: n }, (_, i) => ({ slug: `s${i}` }) as StoryCard);

describe("paginate", () => {
  const pages = paginate({ kind: "latest", key: "", name: "", firstUrl: "/latest/" }, cards(45), 20);
  it("splits a list into pages of the site's size, the first at the list's own address", () => {
    assert.deepEqual(pages.map((p) => [p.url, p.stories.length]), [["/latest/", 20], ["/latest/page/2/", 20], ["/latest/page/3/", 5]]);
  });
  it("links each page to the previous and the next", () => {
    assert.deepEqual(pages.map((p) => [p.previous, p.next]), [[undefined, "/latest/page/2/"], ["/latest/", "/latest/page/3/"], ["/latest/page/2/", undefined]]);
  });
  it("still writes one (empty) page for an empty list", () => {
    assert.equal(paginate({ kind: "tag", key: "x", name: "x", firstUrl: "/tag/x/" }, [], 20).length, 1);
  });
});

describe("pageLinks", () => {
  it("shows every page when there are few", () => {
    assert.deepEqual(pageLinks("/l/", 2, 3), [
      { number: 1, url: "/l/", current: false },
      { number: 2, url: "/l/page/2/", current: true },
      { number: 3, url: "/l/page/3/", current: false },
    ]);
  });
  it("shows the first, the last and two either side of the current page, with gaps", () => {
    const shown = pageLinks("/l/", 10, 500).map((l) => ("gap" in l ? "…" : l.number));
    assert.deepEqual(shown, [1, "…", 8, 9, 10, 11, 12, "…", 500]);
  });
});

describe("buildListings", () => {
  const story = (slug: string, category: Category, tags: string[], source: { id?: string; name: string }) =>
    ({ slug, category, tags, source, title: slug }) as unknown as Story;
  const stories = [
    story("a", politics, ["روسيا", "أوكرانيا"], { id: "alarabiya", name: "العربية" }),
    story("b", sports, ["كرة القدم"], { name: "Reuters" }),
    story("c", politics, ["روسيا"], { name: "Reuters" }),
  ];
  const { pages, indexes } = buildListings(stories, [politics, sports], 20);
  const [tags, sources] = indexes.map((i) => i.entries) as [ListIndexEntry[], ListIndexEntry[]];
  const slugsOf = (kind: string, key: string) => pages.find((p) => p.kind === kind && p.key === key)?.stories.map((c) => c.slug);

  it("writes latest, category, tag and source lists, newest first", () => {
    assert.deepEqual(slugsOf("latest", ""), ["a", "b", "c"]);
    assert.deepEqual(slugsOf("category", "politics"), ["a", "c"]);
    assert.deepEqual(slugsOf("tag", "روسيا"), ["a", "c"]);
    assert.deepEqual(slugsOf("source", "reuters"), ["b", "c"]);
    assert.deepEqual(slugsOf("source", "alarabiya"), ["a"]);
  });
  it("indexes tags and sources, most stories first", () => {
    assert.deepEqual(indexes.map((i) => [i.kind, i.url]), [["tags", "/tags/"], ["sources", "/sources/"]]);
    assert.deepEqual(tags.map((t) => [t.name, t.count]), [["روسيا", 2], ["أوكرانيا", 1], ["كرة القدم", 1]]);
    assert.deepEqual(sources.map((s) => [s.name, s.count, s.url]), [["Reuters", 2, "/source/reuters/"], ["العربية", 1, "/source/alarabiya/"]]);
  });
});
