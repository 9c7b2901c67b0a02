// The search index per period (src/site/search.ts, docs/search.md): a build re-indexes only the
// periods whose stories changed and reuses the others from the cache (.cache/build/search, whose
// folders are named by their records' fingerprint, so builds sharing it cannot disturb each other);
// a damaged cache folder is rebuilt; and the merged period indexes answer like one index over the
// same records, asked in Node through Pagefind's own search script, as the search page asks it.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { after, before, describe, it } from "node:test";
import { DateTime } from "luxon";
import { generateCorpus, writeCorpus } from "../../bench/corpus.ts";
import { serveSite, type ServedSite } from "../../src/cli/serve.ts";
import { loadNewsroom } from "../../src/newsroom.ts";
import { buildSearchIndexes, searchPeriod, SEARCH_INDEXES_FILE } from "../../src/site/search.ts";
import { projectRoot, runCommand } from "../support/cli.ts";

const work = mkdtempSync(path.join(tmpdir(), "khabar-search-"));
after(() => rmSync(work, { recursive: true, force: true }));
const content = path.join(work, "content");
const cache = path.join(projectRoot, ".cache/build/search"); // what eleventy.config.ts gives the search plugin
const build = async (output: string) => {
  const result = await runCommand("build", ["--content", content, "--output", output]);
  assert.equal(result.code, 0, result.stderr);
  const line = /^Search: (\d+) stories in (\d+) period indexes, (\d+) re-indexed(?: \(([^)]*)\))?/m.exec(result.stdout);
  assert.ok(line, result.stdout);
  return { stories: Number(line[1]), periods: Number(line[2]), indexed: line[4] ? line[4].split(", ") : [] };
};

/** A unique word, so each run adds a story the cache has never seen. */
const token = `كلمة${[...randomBytes(4)].map((b) => "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"[b % 28]).join("")}`;
// Four months of stories, dated in the past.
const corpus = generateCorpus({ n: 80, days: 120, end: new Date("2025-10-31T12:00:00Z") });

const added = `---\ntitle: "خبر جديد عن ${token}"\ndate: 2025-07-15T10:00:00+03:00\ncategory: politics\nsource: { name: مصدر, url: "https://x.example/new" }\n---\nنص الخبر الجديد عن ${token} والمفاوضات.\n`;

const inode = (file: string) => statSync(file).ino;
/** Every file of an output's search index, relative to its pagefind/ folder. */
const indexFiles = (output: string) => readdirSync(path.join(output, "pagefind"), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.relative(path.join(output, "pagefind"), path.join(e.parentPath, e.name)));

describe("the search index, one per period", () => {
  const first = path.join(work, "first");
  const second = path.join(work, "second");
  /** Every period, newest first. */
  let periods: string[] = [];
  let firstBuild: Awaited<ReturnType<typeof build>>;
  let secondBuild: Awaited<ReturnType<typeof build>>;

  before(async () => {
    writeCorpus(corpus, content);
    firstBuild = await build(first);
    assert.equal(firstBuild.stories, 80);
    periods = [JSON.parse(readFileSync(path.join(first, "pagefind", SEARCH_INDEXES_FILE), "utf8")).indexes].flat().map((p: string) => p.replace(/\/$/, ""));
    writeFileSync(path.join(content, "articles", `${token}.md`), added);
    secondBuild = await build(second);
  });

  it("splits the stories by month, each in its own folder, newest first in the list", () => {
    assert.ok(periods.length >= 3, periods.join());
    assert.equal(firstBuild.periods, periods.length);
    assert.deepEqual(periods, [...periods].sort().reverse());
    assert.ok(periods.includes("2025-07") && periods.includes("2025-08") && periods[0] === "2025-10", periods.join());
    assert.equal(secondBuild.periods, firstBuild.periods);
    // the newest is whole (the browser loads Pagefind's worker and wasm from the primary index); none sits at the top
    assert.ok(existsSync(path.join(first, "pagefind", periods[0]!, "pagefind-worker.js")));
    assert.ok(!existsSync(path.join(first, "pagefind/pagefind-entry.json")) && existsSync(path.join(first, "pagefind/pagefind.js")));
  });

  it("re-indexes only the period a new story is in, and links the others' cached files unchanged", () => {
    assert.equal(secondBuild.stories, 81);
    assert.deepEqual(secondBuild.indexed, [searchPeriod("2025-07-15T10:00:00+03:00")]);
    const reused = periods.filter((p) => p !== "2025-07");
    assert.ok(reused.length >= 2);
    for (const period of reused) {
      for (const file of ["pagefind-entry.json", ...readdirSync(path.join(first, "pagefind", period, "index")).map((f) => `index/${f}`)]) {
        assert.equal(inode(path.join(second, "pagefind", period, file)), inode(path.join(first, "pagefind", period, file)), `${period}/${file}`);
      }
    }
    assert.notEqual(inode(path.join(second, "pagefind/2025-07/pagefind-entry.json")), inode(path.join(first, "pagefind/2025-07/pagefind-entry.json")));
  });

  it("rebuilds a period whose cache folder lost a file, and never links a half-written one", async () => {
    const entry = inode(path.join(second, "pagefind/2025-08/pagefind-entry.json"));
    const folder = readdirSync(cache).find((name) => name.startsWith("2025-08-") && readdirSync(path.join(cache, name)).some((f) => f === "pagefind-entry.json" && inode(path.join(cache, name, f)) === entry));
    assert.ok(folder, "the period's cache folder");
    const fragments = path.join(cache, folder, "fragment");
    rmSync(path.join(fragments, readdirSync(fragments)[0]!));
    const third = path.join(work, "third");
    const thirdBuild = await build(third);
    assert.deepEqual(thirdBuild.indexed, ["2025-08"]);
    assert.deepEqual(indexFiles(third).sort(), indexFiles(second).sort());
    // and a folder without its manifest (a build stopped while writing it) is not trusted either
    rmSync(path.join(cache, folder, "khabar-period.json"), { force: true });
    const fourth = await build(path.join(work, "fourth"));
    assert.deepEqual(fourth.indexed, ["2025-08"]);
  });

  describe("answers like one index over the same records", () => {
    let merged: ServedSite;
    let single: ServedSite;
    const one = path.join(work, "single");
    before(async () => {
      // One index over the records the build made, from the same stories.
      const newsroom = await loadNewsroom({ contentDir: content, includeUnpublished: false, now: DateTime.now(), root: projectRoot });
      const report = await buildSearchIndexes({ stories: newsroom.stories, language: newsroom.site.language, cacheDir: path.join(work, "single-cache"), outputDir: one, periodLength: "all" });
      assert.deepEqual(report.periods, ["all"]);
      merged = await serveSite({ root: second });
      single = await serveSite({ root: one });
    });
    after(async () => {
      await merged?.close();
      await single?.close();
    });

    /** Pagefind's search script, a separate copy per site (a module is loaded once per URL). */
    async function searcher(site: ServedSite, output: string, copy: string) {
      const pagefind = await import(`${pathToFileURL(path.join(output, "pagefind/pagefind.js")).href}?${copy}`);
      // as the search page does (layouts/assets/search.js): the newest period is the primary index
      const [newest, ...older] = JSON.parse(readFileSync(path.join(output, "pagefind", SEARCH_INDEXES_FILE), "utf8")).indexes as string[];
      await pagefind.options({ basePath: `${site.url}pagefind/${newest}`, baseUrl: "/" });
      for (const period of older) await pagefind.mergeIndex(`${site.url}pagefind/${period}`, { baseUrl: "/" });
      return async (query: string) => {
        const found = await pagefind.search(query);
        const results = await Promise.all(found.results.map(async (r: { data(): Promise<{ url: string; meta: { title: string }; excerpt: string }> }) => r.data()));
        return results.map((r) => `${r.url} ${r.meta.title} ${r.excerpt}`).sort();
      };
    }

    it("finds the same stories with the same titles and excerpts for Arabic words every month holds (not yet for a word some months lack)", async () => {
      const inMerged = await searcher(merged, second, "merged");
      const inSingle = await searcher(single, one, "single");
      // Words every month's stories use: Pagefind shortens a word that no page of an index holds
      // until it matches something, and each merged index does that on its own (docs/search.md).
      const months = new Map<string, Set<string>>();
      for (const story of corpus.stories) {
        const month = new Date(story.fields.epoch + 3 * 3600_000).toISOString().slice(0, 7);
        const seen = months.get(month) ?? new Set<string>();
        for (const word of `${story.fields.title} ${story.fields.text}`.split(/[\s.,،؟:«»]+/)) if (word.length > 3) seen.add(word);
        months.set(month, seen);
      }
      const everywhere = [...months.values()].reduce((a, b) => new Set([...a].filter((w) => b.has(w))));
      const words = [...everywhere].sort().filter((_, i) => i % 7 === 0).slice(0, 8);
      assert.ok(words.length >= 5, words.join());
      const queries = [...words, `${words[0]} ${words[1]}`, `${words[2]} ${words[3]} ${words[4]}`];
      let total = 0;
      for (const query of queries) {
        const [a, b] = [await inMerged(query), await inSingle(query)];
        assert.deepEqual(a, b, query);
        total += a.length;
      }
      assert.ok(total > 20, `the queries find stories (${total})`);
      assert.ok((await inMerged(token)).some((r) => r.includes(`خبر جديد عن ${token}`)), "the new story, by a word only it holds");
    });
  });
});
