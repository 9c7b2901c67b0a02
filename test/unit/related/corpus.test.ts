// The engine on a 200-story generated corpus (bench/corpus.ts), loaded through the production
// loader: every story gets a full related list, and more than 90% of the links point to a story
// of the same hidden topic. The weak baseline below shows the same thresholds do fail.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { DateTime } from "luxon";
import { generateCorpus, writeCorpus, type Corpus } from "../../../bench/corpus.ts";
import { quality } from "../../../bench/related.ts";
import { relatedConfig, relatedStories } from "../../../src/related/index.ts";
import { buildIndex } from "../../../src/related/inverted-index.ts";
import { analyze } from "../../../src/related/terms.ts";
import { loadNewsroom, relatedInput, type Newsroom } from "../../../src/newsroom.ts";

const dir = mkdtempSync(path.join(tmpdir(), "khabar-related-corpus-"));
let corpus: Corpus;
let newsroom: Newsroom;
before(async () => {
  corpus = generateCorpus({ n: 200, seed: 1 });
  writeCorpus(corpus, dir);
  newsroom = await loadNewsroom({ contentDir: dir, includeUnpublished: false, now: DateTime.fromISO("2026-01-01T00:00:00Z"), root: dir });
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe("related stories on a 200-story generated corpus", () => {
  it("is the same corpus for the same seed", () => {
    assert.deepEqual(generateCorpus({ n: 200, seed: 1 }).topics, corpus.topics);
    assert.notDeepEqual(generateCorpus({ n: 200, seed: 2 }).topics, corpus.topics);
  });
  it("gives every story 5 related stories, more than 90% of them about the same topic", () => {
    assert.equal(newsroom.stories.length, 200);
    const q = quality(newsroom.stories.map((s) => [s, s] as const), corpus.topics, 5);
    assert.equal(q.coverage, 1, `coverage ${q.coverage}`);
    assert.ok(q.precision > 0.9, `precision ${q.precision}`);
  });
  it("fails the same threshold when only tags are read (the test can fail)", () => {
    const inputs = newsroom.stories.map((s) => relatedInput(s, []));
    const tagsOnly = relatedStories(inputs, { count: 5, readAlsoCount: 4, fields: { title: 0, summary: 0, body: 0, tags: 1 } });
    const q = quality(tagsOnly, corpus.topics, 5);
    assert.ok(q.precision < 0.9, `precision ${q.precision}`);
  });
  it("never shows a story in both lists, nor on its own page", () => {
    for (const s of newsroom.stories) {
      const related = new Set(s.related.map((r) => r.slug));
      assert.ok(!related.has(s.slug));
      assert.equal(s.readAlso.length, 4);
      for (const r of s.readAlso) assert.ok(!related.has(r.slug) && r.slug !== s.slug);
    }
  });
});

describe("the quality measures of bench:related", () => {
  const story = (slug: string) => ({ slug });
  const [a, b, c, d] = ["a", "b", "c", "d"].map(story) as [ReturnType<typeof story>, ReturnType<typeof story>, ReturnType<typeof story>, ReturnType<typeof story>];
  const topics = { a: "gaza", b: "gaza", c: "football", d: "football" };
  const lists: Array<[{ slug: string }, { related: Array<{ slug: string }> }]> = [
    [a, { related: [b, c] }],
    [b, { related: [a] }],
    [c, { related: [a, d] }],
    [d, { related: [] }],
  ];
  const q = quality(lists, topics, 2);
  it("counts a story as covered only with K related stories", () => assert.equal(q.coverage, 0.5));
  it("counts the links that stay within the hidden topic", () => assert.equal(q.precision, 3 / 5));
  it("counts the stories some related list links to", () => assert.equal(q.reached, 1));
  it("sees the stories no related list links to", () => {
    const fewer: typeof lists = [[a, { related: [b] }], [b, { related: [a] }], [c, { related: [a] }], [d, { related: [] }]];
    assert.equal(quality(fewer, topics, 1).reached, 0.5);
  });
});

describe("publishing one story into a 2,000-story archive", () => {
  it("leaves the fingerprint of every story that shares no word with it exactly as it was", () => {
    // Archive-wide counts (stories, average length, each word's stories) move with every story: read
    // on a grid (src/related/inverted-index.ts onGrid), they leave the other stories' weights alone.
    const config = relatedConfig({});
    const stories = generateCorpus({ n: 2001, seed: 1 })
      .stories.map((s) => ({ slug: s.slug, categoryId: s.category, ...s.fields }))
      .sort((a, b) => b.epoch - a.epoch || (a.slug < b.slug ? -1 : 1));
    const fingerprints = (list: typeof stories) => {
      const bags = analyze(list, config);
      const index = buildIndex(bags, Float64Array.from(list, (s) => s.epoch), config);
      return new Map(list.map((s, i) => [s.slug, [...index.fingerprints[i]!.terms].map((t, k) => `${bags.terms[t]}:${index.fingerprints[i]!.weights[k]}`)]));
    };
    const [published, ...archive] = stories;
    const before = fingerprints(archive);
    const after = fingerprints(stories);
    const itsWords = new Set(after.get(published!.slug)!.map((entry) => entry.split(":")[0]));
    const apart = [...before].filter(([, terms]) => !terms.some((entry) => itsWords.has(entry.split(":")[0])));
    assert.ok(apart.length > 1000, `${apart.length} stories share none of its words`);
    const moved = apart.filter(([slug, terms]) => after.get(slug)!.join() !== terms.join()).map(([slug]) => slug);
    assert.deepEqual(moved, []);
  });
});
