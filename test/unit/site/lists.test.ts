import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildListings, pageLinks, paginate, type ListIndexEntry } from "../../../src/site/lists.ts";
import type { SiteCategory as Category } from "../../../src/site/story.ts";
import type { Story, StoryCard } from "../../../src/site/story.ts";

const politics: Category = { id: "politics", name: "سياسة", order: 1, url: "/category/politics/" };
const sports: Category = { id: "sports", name: "رياضة", order: 2, url: "/category/sports/" };
const cards = (n: number) => Array.from({ length: n }, (_, i) => ({ slug: `s${i}` }) as StoryCard);

describe("paginate", () => {
  const list = { kind: "latest", key: "", name: "", firstUrl: "/latest/" } as const;
  // cards are newest first: s0 is the newest, s44 the oldest
  const pages = paginate(list, cards(45), 20);
  const shown = (p: { stories: StoryCard[] }) => p.stories.map((c) => c.slug);
  it("shows the newest on the front page, and numbers full archive pages from the oldest", () => {
    assert.deepEqual(pages.map((p) => [p.url, p.number, p.stories.length]), [["/latest/", 0, 25], ["/latest/page/1/", 1, 20]]);
    assert.deepEqual(shown(pages[1]!), cards(45).slice(25).map((c) => c.slug), "page 1 holds the 20 oldest, newest first");
  });
  it("keeps between size and 2 × size − 1 stories on the front page", () => {
    for (const n of [20, 39, 40, 41, 59, 60, 61, 99]) {
      const front = paginate(list, cards(n), 20)[0]!;
      assert.ok(front.stories.length >= 20 && front.stories.length <= 39, `${n} stories: ${front.stories.length} on the front page`);
    }
    assert.deepEqual(paginate(list, cards(7), 20).map((p) => p.stories.length), [7], "a short list is all on the front page");
  });
  it("never changes a full archive page when stories are published", () => {
    // the same stories, oldest first, with k newer ones published before them
    const oldest = Array.from({ length: 100 }, (_, i) => ({ slug: `old${i}` }) as StoryCard).reverse();
    const before = paginate(list, oldest, 20);
    for (const k of [1, 5, 19, 20, 21, 57]) {
      const after = paginate(list, [...cards(k), ...oldest], 20);
      for (const page of before.filter((p) => p.number > 0)) {
        const same = after.find((p) => p.url === page.url)!;
        assert.deepEqual(shown(same), shown(page), `${page.url} after ${k} new stories`);
      }
    }
  });
  it("links each page to the newer one (rel=prev) and the older one (rel=next)", () => {
    const three = paginate(list, cards(70), 20);
    assert.deepEqual(three.map((p) => [p.url, p.previous, p.next]), [
      ["/latest/", undefined, "/latest/page/2/"],
      ["/latest/page/2/", "/latest/", "/latest/page/1/"],
      ["/latest/page/1/", "/latest/page/2/", undefined],
    ]);
    assert.deepEqual(paginate(list, cards(30), 20).map((p) => [p.previous, p.next]), [[undefined, undefined]]);
  });
  it("still writes one (empty) page for an empty list", () => {
    assert.equal(paginate({ kind: "tag", key: "x", name: "x", firstUrl: "/tag/x/" }, [], 20).length, 1);
  });
});

describe("pageLinks", () => {
  const numbers = (links: ReturnType<typeof pageLinks>) => links.map((l) => ("gap" in l ? "…" : l.front ? "front" : l.current ? `[${l.number}]` : l.number));
  it("shows the front, then every archive page from the newest when there are few", () => {
    assert.deepEqual(pageLinks("/l/", 2, 3), [
      { number: 0, url: "/l/", current: false, front: true },
      { number: 3, url: "/l/page/3/", current: false },
      { number: 2, url: "/l/page/2/", current: true },
      { number: 1, url: "/l/page/1/", current: false },
    ]);
  });
  it("shows the front, two either side of the current page and page 1 (the oldest), with gaps", () => {
    assert.deepEqual(numbers(pageLinks("/l/", 10, 500)), ["front", "…", 12, 11, "[10]", 9, 8, "…", 1]);
    assert.deepEqual(numbers(pageLinks("/l/", 0, 500)), ["front", 500, 499, "…", 1]);
  });
  it("depends on the number of pages only near the newest end", () => {
    for (const current of [1, 5, 10]) assert.deepEqual(pageLinks("/l/", current, 20), pageLinks("/l/", current, 400), `page ${current}`);
    assert.notDeepEqual(pageLinks("/l/", 19, 20), pageLinks("/l/", 19, 21), "page 19 of 20 does link to the 21st when it fills");
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
