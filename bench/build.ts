// `npm run bench`: the production build of the 10,000-story synthetic corpus against plain Eleventy 3
// building the same Markdown files with a one-line layout and nothing else, side by side
// (alternating, in the same run), several runs each: the build with and without its Pagefind search
// index, and plain Eleventy. Prints the medians of wall time and peak memory and their ratios, the
// related engine's own time inside the build and its share of it, and the engine's cost at 2,000 vs
// 20,000 stories.
// Options: --n 10000  --runs 3  --seed 1  --scale 2000,20000  --dir DIR (the corpus; default under /tmp)
//          --settle 10 (seconds the disk is left to settle before each build: deleting one build's
//          thousands of files otherwise slows the next one's writes several-fold on this machine)
//
// Each build is a clean build (`--clean`: no story, page or search index is taken from the build
// cache) and a child process started from a missing output folder; wall time is measured around
// it; peak memory is the largest resident set of the process tree (GNU time's %M, which includes
// child processes such as Pagefind's indexer) or, without /usr/bin/time, of the Node process alone
// (process.resourceUsage().maxRSS, reported by bench/measure-hook.mjs in both cases).
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { RELATED_MEASURE, relatedStories, type Relatable } from "../src/related/index.ts";
import { generateCorpus, writeCorpus } from "./corpus.ts";
import { runCommand } from "../src/cli/run.ts";
import { eleventyCli, plainConfig } from "./baselines.ts";
import { measureHook as hook, median, memorySource, runMeasured, settleDisk } from "./measure.ts";


interface Run {
  wallS: number;
  peakMB: number;
  nodePeakMB: number;
  engineMs?: number;
}

function measure(label: string, args: string[], output: string, work: string, settle: number): Run {
  rmSync(output, { recursive: true, force: true });
  settleDisk(settle);
  const run = runMeasured(label, process.execPath, args, work);
  rmSync(output, { recursive: true, force: true });
  const engine = run.measures.find((m) => m.name === RELATED_MEASURE);
  return { wallS: run.wallS, peakMB: run.peakMB, nodePeakMB: run.nodePeakMB ?? NaN, engineMs: engine?.ms };
}


function engineInputs(n: number, seed: number): Relatable[] {
  return generateCorpus({ n, seed }).stories.map((s) => ({ slug: s.slug, categoryId: s.category, ...s.fields }));
}

/** The engine alone, in this process, at two sizes: the first (cold) run of each, then `runs` more
 * of each, alternating between the sizes so both meet the same machine (both corpora stay in
 * memory throughout); medians of those. */
function engineCosts(sizes: [number, number], seed: number, runs = 9): Array<{ cold: number; warm: number }> {
  const inputs = sizes.map((n) => engineInputs(n, seed));
  const times: number[][] = sizes.map(() => []);
  for (let i = 0; i <= runs; i++) {
    inputs.forEach((stories, s) => {
      const started = performance.now();
      relatedStories(stories, { count: 5, readAlsoCount: 4 });
      times[s]!.push(performance.now() - started);
    });
  }
  return times.map((t) => ({ cold: t[0]!, warm: median(t.slice(1)) }));
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { n: { type: "string", default: "10000" }, runs: { type: "string", default: "3" }, seed: { type: "string", default: "1" }, scale: { type: "string", default: "2000,20000" }, dir: { type: "string" }, settle: { type: "string", default: "10" } },
  });
  const n = Number(values.n);
  const runs = Number(values.runs);
  const seed = Number(values.seed);
  const settle = Number(values.settle);
  const work = path.join(tmpdir(), `khabar-bench-build-${process.pid}`);
  mkdirSync(work, { recursive: true });
  const corpus = path.resolve(values.dir ?? path.join(tmpdir(), `khabar-bench-corpus-${n}`));
  writeCorpus(generateCorpus({ n, seed }), corpus);
  const config = plainConfig(work, corpus);
  console.log(`Build benchmark: ${n} synthetic stories (seed ${seed}) in ${corpus}, ${runs} runs each, alternating, the disk settled ${settle} s before each; Node ${process.version}; peak memory from ${memorySource}`);

  // Three builds, alternating: the production build as `npm run build` makes it (with the Pagefind
  // search index), the same build without the search index (what the issue's target covers: every
  // page, list, feed, sitemap and the related engine), and plain Eleventy.
  const output = (label: string) => path.join(work, `${label}-site`);
  const khabar = (label: string, ...extra: string[]) => ({ label, output: output(label), args: ["--import", "tsx", "--import", hook, "src/cli/build.ts", "--content", corpus, "--output", output(label), "--clean", ...extra] });
  const variants = [
    khabar("full"),
    khabar("site", "--no-search"),
    { label: "plain", output: output("plain"), args: ["--import", hook, eleventyCli, `--config=${config}`, `--input=${corpus}`, `--output=${output("plain")}`, "--quiet"] },
  ];
  const runsOf = new Map(variants.map((v) => [v.label, [] as Run[]]));
  for (let i = 1; i <= runs; i++) {
    const row: string[] = [];
    for (const v of variants) {
      const r = measure(v.label, v.args, v.output, work, settle);
      runsOf.get(v.label)!.push(r);
      row.push(`${v.label} ${r.wallS.toFixed(1)} s, ${r.peakMB.toFixed(0)} MB${v.label === "plain" ? "" : ` (Node ${r.nodePeakMB.toFixed(0)} MB), engine ${r.engineMs?.toFixed(0) ?? "?"} ms`}`);
    }
    console.log(`  run ${i}: ${row.join(" | ")}`);
  }
  const med = (label: string, pick: (r: Run) => number) => median(runsOf.get(label)!.map(pick));
  const [fw, sw, pw] = ["full", "site", "plain"].map((l) => med(l, (r) => r.wallS)) as [number, number, number];
  const [fm, sm, pm] = ["full", "site", "plain"].map((l) => med(l, (r) => r.peakMB)) as [number, number, number];
  const fNode = med("full", (r) => r.nodePeakMB);
  const engine = med("site", (r) => r.engineMs ?? NaN);
  console.log(`\nMedians over ${runs} runs (${n} stories):`);
  console.log(`  site build, no search index:   ${sw.toFixed(1)} s wall, ${sm.toFixed(0)} MB peak`);
  console.log(`  plain Eleventy 3:              ${pw.toFixed(1)} s wall, ${pm.toFixed(0)} MB peak`);
  console.log(`  ratio site / plain:            time ${(sw / pw).toFixed(2)}x (target <= 1.3x), memory ${(sm / pm).toFixed(2)}x (target <= 1.5x)`);
  console.log(`  related engine in the build:   ${engine.toFixed(0)} ms = ${((100 * engine) / 1000 / sw).toFixed(1)}% of the site build (target < 10%)`);
  console.log(`  production build with search:  ${fw.toFixed(1)} s wall, ${fm.toFixed(0)} MB peak (Node ${fNode.toFixed(0)} MB; Pagefind's own process, which Node never waits for, is not in either figure)`);
  console.log(`  ratio production / plain:      time ${(fw / pw).toFixed(2)}x, memory ${(fm / pm).toFixed(2)}x; the Pagefind index adds ${(fw - sw).toFixed(1)} s`);

  const [small, large] = values.scale!.split(",").map(Number) as [number, number];
  const [a, b] = engineCosts([small, large], seed) as [{ cold: number; warm: number }, { cold: number; warm: number }];
  console.log(`\nRelated engine alone (this process; first run, then median of 9 more, the two sizes alternating):`);
  console.log(`  ${small} stories: ${a.cold.toFixed(0)} ms first, ${a.warm.toFixed(0)} ms median`);
  console.log(`  ${large} stories: ${b.cold.toFixed(0)} ms first, ${b.warm.toFixed(0)} ms median`);
  console.log(`  ${large / small}x the stories cost ${(b.warm / a.warm).toFixed(1)}x the time (median; first runs ${(b.cold / a.cold).toFixed(1)}x) (target <= 12x)`);
  rmSync(work, { recursive: true, force: true });
}

await runCommand(import.meta.url, "bench", main);
