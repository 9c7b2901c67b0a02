// `npm run bench:search [-- --n 10000,20000 --periods all,month]`: the search index alone, on the
// synthetic corpus (bench/corpus.ts), side by side: one index over every story (what the build did
// before, records queued all at once) against one index per period, cold (empty cache) and after
// adding one story (warm cache), with the wall time and the peak memory of this process plus
// Pagefind's (sampled from /proc every 100 ms; Linux only).
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import * as pagefind from "pagefind";
import { runCommand } from "../src/cli/run.ts";
import { buildSearchIndexes, searchRecord, type SearchPeriodLength, type SearchStory } from "../src/site/search.ts";
import { generateCorpus } from "./corpus.ts";

type BenchStory = SearchStory & { published: { iso: string; epoch: number } };

function stories(n: number): BenchStory[] {
  return generateCorpus({ n }).stories.map((s) => ({
    url: `/news/${encodeURIComponent(s.slug)}/`,
    title: s.fields.title,
    summary: s.fields.summary ?? "",
    text: s.fields.text,
    image: undefined,
    category: { id: s.category, name: s.category, order: 0, url: "" },
    published: { iso: new Date(s.fields.epoch + 3 * 3600_000).toISOString().replace("Z", "+03:00"), epoch: s.fields.epoch },
  })) as unknown as BenchStory[];
}

/** Resident memory of this process and its children (Pagefind), in KB. */
function rssKB(): number {
  const rss = (pid: string) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
  let total = rss(String(process.pid));
  for (const task of readdirSync(`/proc/${process.pid}/task`)) {
    for (const child of readFileSync(`/proc/${process.pid}/task/${task}/children`, "utf8").trim().split(/\s+/).filter(Boolean)) {
      try {
        total += rss(child);
      } catch {
        // ended meanwhile
      }
    }
  }
  return total;
}

async function measure(work: () => Promise<unknown>): Promise<{ s: number; mb: number }> {
  let peak = rssKB();
  const timer = setInterval(() => (peak = Math.max(peak, rssKB())), 100);
  const started = performance.now();
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return { s: (performance.now() - started) / 1000, mb: Math.max(peak, rssKB()) / 1024 };
}

/** The build before #13: one index, every record queued at once, then written. */
async function oneIndexAllQueued(list: BenchStory[], out: string): Promise<void> {
  const { index } = await pagefind.createIndex({});
  await Promise.all(list.map((story) => index!.addCustomRecord(searchRecord(story, "ar"))));
  await index!.writeFiles({ outputPath: path.join(out, "pagefind") });
  await pagefind.close();
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { n: { type: "string", default: "10000,20000" }, periods: { type: "string", default: "month,year" } } });
  const lengths = values.periods!.split(",") as SearchPeriodLength[];
  console.log("Search index on the synthetic corpus (730 days); time and peak memory of this process + Pagefind's");
  console.log(`${"stories".padStart(8)}  ${"scheme".padEnd(34)} ${"indexes".padStart(7)}  ${"full index".padStart(18)}  ${"+1 story re-index".padStart(22)}`);
  const cell = ({ s, mb }: { s: number; mb: number }) => `${s.toFixed(1).padStart(6)} s ${mb.toFixed(0).padStart(6)} MB`;
  for (const n of values.n!.split(",").map(Number)) {
    const list = stories(n);
    const work = mkdtempSync(path.join(tmpdir(), "khabar-bench-search-"));
    try {
      const before = await measure(() => oneIndexAllQueued(list, path.join(work, "before")));
      console.log(`${String(n).padStart(8)}  ${"one index, all records queued (old)".padEnd(34)} ${"1".padStart(7)}  ${cell(before).padStart(18)}  ${"(all again)".padStart(22)}`);
      for (const periodLength of lengths) {
        const cacheDir = path.join(work, `cache-${periodLength}`);
        let count = 0;
        const full = await measure(async () => {
          count = (await buildSearchIndexes({ stories: list, language: "ar", cacheDir, outputDir: path.join(work, `full-${periodLength}`), periodLength })).periods.length;
        });
        // One more story, published after the newest: only its period is indexed again.
        const newest = list.reduce((a, b) => (a.published.epoch > b.published.epoch ? a : b));
        const added: BenchStory = { ...newest, url: "/news/bench-added/", title: `${newest.title} عاجل`, published: { iso: newest.published.iso, epoch: newest.published.epoch + 60_000 } };
        let indexed: string[] = [];
        const again = await measure(async () => {
          indexed = (await buildSearchIndexes({ stories: [...list, added], language: "ar", cacheDir, outputDir: path.join(work, `again-${periodLength}`), periodLength })).indexed;
        });
        console.log(`${String(n).padStart(8)}  ${`per ${periodLength}, batches of 200`.padEnd(34)} ${String(count).padStart(7)}  ${cell(full).padStart(18)}  ${`${cell(again)} (${indexed.length})`.padStart(22)}`);
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
}

await runCommand(import.meta.url, "bench:search", main);
