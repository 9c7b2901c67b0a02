// Which feeds the site has, what each holds, and how pages announce them.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildFeeds } from "../../../src/site/feeds.ts";
import type { SiteCategory as Category } from "../../../src/site/story.ts";
import type { Story } from "../../../src/site/story.ts";

const categories: Category[] = [
  { id: "politics", name: "سياسة", order: 1, url: "/category/politics/" },
  { id: "sports", name: "رياضة", order: 2, url: "/category/sports/" },
];
const time = (hour: number) => ({ epoch: Date.UTC(2025, 11, 3, hour), iso: `2025-12-03T${String(hour).padStart(2, "0")}:00:00Z`, text: "" });
const story = (slug: string, category: Category, hour: number, updatedHour?: number) =>
  ({ slug, category, published: time(hour), modified: time(updatedHour ?? hour) }) as unknown as Story;
// newest first, as the loader gives them
const stories = [story("c", categories[0]!, 9), story("b", categories[1]!, 8, 11), story("a", categories[0]!, 7)];

describe("buildFeeds", () => {
  const feeds = buildFeeds(stories, categories, 2);
  it("gives the whole site's feed first, then one per category, each with its newest stories up to the size", () => {
    assert.deepEqual(feeds.map((f) => [f.key, f.name, f.home]), [["", undefined, "/"], ["politics", "سياسة", "/category/politics/"], ["sports", "رياضة", "/category/sports/"]]);
    assert.deepEqual(feeds.map((f) => f.stories.map((s) => s.slug)), [["c", "b"], ["c", "a"], ["b"]]);
  });
  it("dates each feed by the latest change of a story in it, not the newest story", () => {
    assert.deepEqual(feeds.map((f) => f.updated), ["2025-12-03T11:00:00Z", "2025-12-03T09:00:00Z", "2025-12-03T11:00:00Z"]);
    assert.equal(buildFeeds([], categories, 2)[0]!.updated, "1970-01-01T00:00:00.000Z");
  });
  it("announces Atom, RSS and JSON Feed with their MIME types, under the feed's page", () => {
    assert.deepEqual(feeds[1]!.links, [
      { href: "/category/politics/feed.xml", type: "application/atom+xml", label: "Atom" },
      { href: "/category/politics/rss.xml", type: "application/rss+xml", label: "RSS" },
      { href: "/category/politics/feed.json", type: "application/feed+json", label: "JSON Feed" },
    ]);
    assert.deepEqual(feeds[0]!.links.map((l) => l.href), ["/feed.xml", "/rss.xml", "/feed.json"]);
  });
});
