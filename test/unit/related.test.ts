import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { relatedStories, type Relatable } from "../../src/related.ts";

const story = (slug: string, categoryId: string, epoch: number, handPicked: string[] = []): Relatable => ({ slug, categoryId, epoch, handPicked });
// newest first, as the loader gives them
const stories = [
  story("p1", "politics", 9),
  story("e1", "economy", 8),
  story("p2", "politics", 7, ["e2"]),
  story("s1", "sports", 6),
  story("p3", "politics", 5),
  story("e2", "economy", 4),
  story("p4", "politics", 3),
];
const lists = relatedStories(stories, { count: 2, readAlsoCount: 2 });
const slugs = (s: Relatable[]) => s.map((x) => x.slug);
const of = (slug: string) => lists.get(stories.find((s) => s.slug === slug)!)!;

describe("relatedStories (simple rule)", () => {
  it("lists the newest stories of the same category, never the story itself", () => {
    assert.deepEqual(slugs(of("p1").related), ["p2", "p3"]);
    assert.deepEqual(slugs(of("p3").related), ["p1", "p2"]);
  });
  it("puts hand-picked stories first, whatever their category", () => {
    assert.deepEqual(slugs(of("p2").related), ["e2", "p1"]);
  });
  it("fills «اقرأ أيضاً» with the newest stories of other categories", () => {
    assert.deepEqual(slugs(of("p1").readAlso), ["e1", "s1"]);
  });
  it("never shows a story in both lists", () => {
    for (const { related, readAlso } of lists.values()) {
      const both = related.filter((r) => readAlso.includes(r));
      assert.deepEqual(both, []);
    }
    assert.ok(!slugs(of("p2").readAlso).includes("e2"));
  });
  it("gives shorter lists when there are not enough stories", () => {
    assert.deepEqual(slugs(of("s1").related), []);
    const only = story("only", "x", 1);
    assert.deepEqual(relatedStories([only], { count: 5, readAlsoCount: 4 }).get(only), { related: [], readAlso: [] });
  });
  it("ignores hand-picked slugs that are not in the pool (drafts, unpublished)", () => {
    const pool = [story("a", "x", 2, ["missing"]), story("b", "x", 1)];
    assert.deepEqual(slugs(relatedStories(pool, { count: 5, readAlsoCount: 4 }).get(pool[0]!)!.related), ["b"]);
  });
});
