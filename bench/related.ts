// `npm run bench:related`: how right the related lists are. Generates the synthetic corpus
// (bench/corpus.ts) at 2,000 and 10,000 stories, loads it through the production loader (which
// runs the engine with the site's settings), and prints for K = 5:
//   coverage  = share of stories with K related stories;
//   precision = share of related links that point to a story of the same hidden topic;
//   reached   = share of stories that appear in at least one other story's related list (a story
//               no list points to is found by readers only through lists and search).
// Then re-runs the engine on the same stories with one setting changed at a time (ة/ه folding off,
// the issue's plain prefix rule, Snowball's Arabic stemmer, no stemming, no recency decay, tags
// only, fewer or more stories looked at per term) to show what each choice is worth. Options: --n 2000,10000  --seed 1  --dir /tmp/…  --quick (default rows only).
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { stemmer as snowball } from "@orama/stemmers/arabic";
import { DateTime } from "luxon";
import { relatedConfig, relatedStories, type RelatedOptions } from "../src/related/index.ts";
import { loadNewsroom, relatedInput } from "../src/newsroom.ts";
import type { Story } from "../src/site/story.ts";
import { generateCorpus, writeCorpus } from "./corpus.ts";
import { runCommand } from "../src/cli/run.ts";

export interface Quality {
  stories: number;
  coverage: number;
  precision: number;
  /** Share of stories linked from at least one related list. */
  reached: number;
  links: number;
}

/** Coverage and precision of related lists against the hidden topics. */
export function quality(lists: Iterable<[{ slug: string }, { related: Array<{ slug: string }> }]>, topics: Record<string, string>, k: number): Quality {
  let stories = 0;
  let full = 0;
  let links = 0;
  let right = 0;
  const linked = new Set<string>();
  const all: string[] = [];
  for (const [story, { related }] of lists) {
    stories++;
    all.push(story.slug);
    if (related.length >= k) full++;
    for (const other of related.slice(0, k)) {
      links++;
      linked.add(other.slug);
      if (topics[other.slug] === topics[story.slug]) right++;
    }
  }
  const share = (x: number) => x / Math.max(1, stories);
  return { stories, coverage: share(full), precision: right / Math.max(1, links), reached: share(all.filter((slug) => linked.has(slug)).length), links };
}

const percent = (x: number) => `${(100 * x).toFixed(1)}%`;

export interface Variant {
  name: string;
  options: Partial<RelatedOptions>;
}

export const VARIANTS: Variant[] = [
  { name: "ة/ه folding off", options: { foldTaMarbuta: false } },
  { name: "plain و rule (no corpus check)", options: { stem: { attestedProclitics: false } } },
  { name: "issue's suffixes only (no ة, ي)", options: { stem: { suffixes: ["ها", "هم", "ات", "ون", "ين", "ية", "ه"] } } },
  { name: "Snowball stemmer (@orama/stemmers)", options: { stem: { replace: snowball } } },
  { name: "no stemming", options: { stem: { replace: (w: string) => w } } },
  { name: "no recency decay", options: { recency: { weight: 0 } } },
  { name: "tags only (like Hugo's keywords)", options: { fields: { title: 0, summary: 0, body: 0, tags: 1 } } },
  // How many stories per shared term are looked at (the nearest in time) bounds the work per story.
  { name: "nearest 32 stories per term", options: { nearestPerTerm: 32 } },
  { name: "nearest 256 stories per term", options: { nearestPerTerm: 256 } },
];

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { n: { type: "string", default: "2000,10000" }, seed: { type: "string", default: "1" }, dir: { type: "string" }, quick: { type: "boolean", default: false } } });
  const k = 5;
  console.log(`Related stories on the synthetic corpus (seed ${values.seed}), K = ${k}`);
  for (const n of values.n!.split(",").map(Number)) {
    const dir = path.resolve(values.dir ?? path.join(tmpdir(), `khabar-bench-related-${n}`));
    const corpus = generateCorpus({ n, seed: Number(values.seed) });
    writeCorpus(corpus, dir);
    const { topics } = corpus;
    const newsroom = await loadNewsroom({ contentDir: dir, includeUnpublished: false, now: DateTime.now(), root: dir });
    const site = relatedConfig(newsroom.site.related);
    const asLists = (stories: Story[]) => stories.map((s) => [s, s] as [Story, Story]);
    const built = quality(asLists(newsroom.stories), topics, k);
    console.log(`\n${n} stories (${dir})`);
    console.log(`  production build (site settings count ${site.count}, readAlsoCount ${site.readAlsoCount}): coverage ${percent(built.coverage)}, precision ${percent(built.precision)}, reached ${percent(built.reached)} (${built.links} links)`);

    const inputs = newsroom.stories.map((s) => relatedInput(s));
    const run = (options: Partial<RelatedOptions>) => {
      const started = performance.now();
      const lists = relatedStories(inputs, { ...site, count: k, ...options } as RelatedOptions);
      const ms = performance.now() - started;
      let overlap = 0;
      let self = 0;
      for (const [story, { related, readAlso }] of lists) {
        overlap += related.filter((r) => readAlso.includes(r)).length;
        self += [...related, ...readAlso].filter((r) => r === story).length;
      }
      return { ...quality(lists, topics, k), ms, overlap, self };
    };
    const row = (name: string, q: ReturnType<typeof run>) =>
      console.log(`  ${name.padEnd(38)} coverage ${percent(q.coverage).padStart(6)}  precision ${percent(q.precision).padStart(6)}  reached ${percent(q.reached).padStart(6)}  engine ${q.ms.toFixed(0).padStart(5)} ms${q.overlap || q.self ? `  OVERLAP ${q.overlap} SELF ${q.self}` : ""}`);
    row("engine defaults (ة/ه folding on)", run({}));
    for (const variant of values.quick ? VARIANTS.slice(0, 1) : VARIANTS) row(variant.name, run(variant.options));
  }
}

await runCommand(import.meta.url, "bench:related", main);
