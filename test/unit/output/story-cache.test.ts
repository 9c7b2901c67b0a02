// Stories from the build cache are the stories a fresh build makes: same data, dates as dates, the
// same pictures asked for; a changed file, a changed setting or a damaged entry is built again.
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { DateTime } from "luxon";
import { loadNewsroom, type StoryCache } from "../../../src/newsroom.ts";
import { StoryFileCache } from "../../../src/output/story-cache.ts";
import { projectRoot } from "../../support/cli.ts";

const work = mkdtempSync(path.join(tmpdir(), "khabar-story-cache-"));
after(() => rmSync(work, { recursive: true, force: true }));
const contentDir = path.join(work, "content");
cpSync(path.join(projectRoot, "test/fixtures/site/content"), contentDir, { recursive: true });
const now = DateTime.fromISO("2026-01-01T00:00:00Z");

/** The newsroom's stories as plain data, and how many came from the cache. */
async function stories(cache?: StoryCache) {
  let hits = 0;
  const counting: StoryCache | undefined = cache && {
    scope(context) {
      const scope = cache.scope(context);
      return { ...scope, get: (key) => { const entry = scope.get(key); if (entry) hits++; return entry; } };
    },
  };
  const newsroom = await loadNewsroom({ contentDir, includeUnpublished: true, now, storyCache: counting });
  return { data: JSON.parse(JSON.stringify(newsroom.stories)) as unknown, hits, count: newsroom.stories.length };
}

describe("StoryFileCache", () => {
  const folder = path.join(work, "cache");
  it("gives back the stories a fresh build makes", async () => {
    const fresh = await stories();
    const first = await stories(new StoryFileCache(folder, "v1"));
    const second = await stories(new StoryFileCache(folder, "v1"));
    assert.equal(first.hits, 0);
    assert.equal(second.hits, second.count, "every story from the cache");
    assert.deepEqual(second.data, fresh.data);
  });

  it("builds again a story whose file changed, and every story when the engine or a setting changed", async () => {
    const file = readdirSync(path.join(contentDir, "articles"), { recursive: true, encoding: "utf8" }).find((f) => f.endsWith(".md"))!;
    const absolute = path.join(contentDir, "articles", file);
    writeFileSync(absolute, `${readFileSync(absolute, "utf8")}\nفقرة أخرى.\n`);
    const edited = await stories(new StoryFileCache(folder, "v1"));
    assert.equal(edited.hits, edited.count - 1);
    assert.equal((await stories(new StoryFileCache(folder, "v2"))).hits, 0, "another engine version");
    const site = path.join(contentDir, "_data/site.json");
    writeFileSync(site, readFileSync(site, "utf8").replace(/"name": "[^"]*"/, '"name": "اسم آخر"'));
    assert.equal((await stories(new StoryFileCache(folder, "v2"))).hits, 0, "another site setting");
  });

  it("ignores an entry that was cut short or changed, and --clean reads none", async () => {
    await stories(new StoryFileCache(folder, "v3"));
    for (const name of readdirSync(folder)) writeFileSync(path.join(folder, name), readFileSync(path.join(folder, name)).subarray(0, 40));
    const damaged = await stories(new StoryFileCache(folder, "v3"));
    assert.equal(damaged.hits, 0);
    assert.deepEqual(damaged.data, (await stories()).data);
    assert.equal((await stories(new StoryFileCache(folder, "v3", false))).hits, 0);
  });
});
