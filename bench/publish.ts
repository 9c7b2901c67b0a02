// `npm run bench:publish`: what a newsroom's day costs on a built site of N synthetic stories (every
// one published): a clean production build, a build with nothing changed, then publishing one new
// story, editing one story's body and editing one story's headline, each an `npm run build` of the
// site already built. Each step prints its wall time, peak memory (every process) and the files it
// added, changed and deleted in the output, by kind (from the build's change list), beside what the
// same publish costs in plain Eleventy and Hugo: a whole build (neither rebuilds only what changed
// from the command line).
// Options: --n 10000  --seed 1  --no-search  --dir DIR (the corpus; default under /tmp)  --baselines (default on; --no-baselines)
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { DateTime } from "luxon";
import { runCommand } from "../src/cli/run.ts";
import { eleventyCli, hugoSite, hugoVersion, plainConfig } from "./baselines.ts";
import { generateCorpus, writeCorpus } from "./corpus.ts";
import { measureHook, memorySource, runMeasured, settleDisk, type Measured } from "./measure.ts";

interface Changes {
  added: string[];
  changed: string[];
  deleted: string[];
}

/** What kind of file each changed path is: story page, list page, feed, sitemap, search index… */
export function kindOf(file: string): string {
  if (file.startsWith("pagefind/")) return "search index";
  if (/^news\/[^/]+\/index\.html$/.test(file)) return "story page";
  if (/^(latest|category|tag|source)\//.test(file) && file.endsWith(".html")) return "list page";
  if (/(^|\/)(feed\.xml|rss\.xml|feed\.json)$/.test(file)) return "feed";
  if (/sitemap/.test(file)) return "sitemap";
  if (file === "index.html") return "home";
  if (file.endsWith(".json")) return "data";
  if (file.endsWith(".html")) return "other page";
  return "other file";
}

function byKind({ added, changed, deleted }: Changes): string {
  const count = (files: string[]) => {
    const kinds = new Map<string, number>();
    for (const file of files) kinds.set(kindOf(file), (kinds.get(kindOf(file)) ?? 0) + 1);
    return [...kinds].sort((a, b) => b[1] - a[1]).map(([kind, n]) => `${n} ${kind}`).join(", ") || "none";
  };
  const total = added.length + changed.length + deleted.length;
  return `${total} files: added ${count(added)}; changed ${count(changed)}; deleted ${count(deleted)}`;
}

const line = (label: string, run: Measured, extra = "") =>
  console.log(`  ${label.padEnd(34)} ${run.wallS.toFixed(1).padStart(6)} s  ${run.peakMB.toFixed(0).padStart(5)} MB${run.nodePeakMB ? ` (Node ${run.nodePeakMB.toFixed(0)} MB)` : ""}${extra}`);

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { n: { type: "string", default: "10000" }, seed: { type: "string", default: "1" }, "no-search": { type: "boolean", default: false }, dir: { type: "string" }, "no-baselines": { type: "boolean", default: false } } });
  const n = Number(values.n);
  const work = path.join(tmpdir(), `khabar-bench-publish-${process.pid}`);
  const content = path.join(work, "content");
  const output = path.join(work, "site");
  mkdirSync(work, { recursive: true });
  const corpus = path.resolve(values.dir ?? path.join(tmpdir(), `khabar-bench-corpus-${n}`));
  const generated = generateCorpus({ n, seed: Number(values.seed) });
  if (!existsSync(path.join(corpus, "topics.json"))) writeCorpus(generated, corpus);
  cpSync(corpus, content, { recursive: true });
  const search = values["no-search"] ? ["--no-search"] : [];
  console.log(`Publish benchmark: ${n} synthetic stories (seed ${values.seed}), every one published; ${search.length ? "no search index" : "search index included"}; Node ${process.version}; peak memory from ${memorySource}`);

  const changeList = (run: Measured): Changes => {
    const list = /\(list: ([^)]+)\)/.exec(run.stdout)?.[1];
    if (!list) throw new Error(`the build printed no change list:\n${run.stdout}`);
    return JSON.parse(readFileSync(path.resolve(list), "utf8")) as Changes;
  };
  const build = (label: string, ...extra: string[]) => {
    settleDisk(2);
    const run = runMeasured(label, process.execPath, ["--import", "tsx", "--import", measureHook, "src/cli/build.ts", "--content", content, "--output", output, ...search, ...extra], work);
    const changes = changeList(run);
    line(label, run, `  ${byKind(changes)}`);
    return changes;
  };

  console.log("\nkhabar (`npm run build`):");
  rmSync(output, { recursive: true, force: true });
  build("clean build", "--clean");
  build("nothing changed");
  // A new story an hour after the corpus's newest, in the same month (a month's first story also
  // starts a new search index period: that publish is counted apart below).
  const dateOf = (markdown: string) => DateTime.fromISO(/^date: (.*)$/m.exec(markdown)![1]!.trim(), { setZone: true });
  const newest = generated.stories.reduce((a, b) => (dateOf(a.markdown) > dateOf(b.markdown) ? a : b));
  const story = (date: DateTime, title: string) =>
    newest.markdown.replace(/^date: .*$/m, `date: ${date.toISO({ suppressMilliseconds: true })}`).replace(/^title: .*$/m, `title: '${title}'`).replace(/^slug: .*\n/m, "");
  writeFileSync(path.join(content, "articles", "bench-new-story.md"), story(dateOf(newest.markdown).plus({ hours: 1 }), "أوبك+ تبقي على مستويات الإنتاج دون تغيير في اجتماعها الشهري"));
  build("publish one new story");
  // A story from the middle of the archive: its body, then its headline.
  const files = readdirSync(path.join(content, "articles"), { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".md")).sort();
  const middle = path.join(content, "articles", files[Math.floor(files.length / 2)]!);
  writeFileSync(middle, `${readFileSync(middle, "utf8")}\nوأضاف مسؤولون أن المحادثات ستتواصل الأسبوع المقبل.\n`);
  build("edit one story's body");
  writeFileSync(middle, readFileSync(middle, "utf8").replace(/^title: (["']?)/m, (start) => `${start}عاجل: `));
  build("edit one story's headline");
  writeFileSync(path.join(content, "articles", "bench-next-month.md"), story(dateOf(newest.markdown).plus({ months: 1 }).startOf("month").plus({ hours: 9 }), "قمة اقتصادية عربية تبدأ أعمالها في الرياض"));
  build("a new month's first story");

  if (!values["no-baselines"]) {
    console.log("\nA publish elsewhere is a whole build (same corpus with the new story):");
    const plainOut = path.join(work, "plain-site");
    const plain = runMeasured("plain", process.execPath, ["--import", measureHook, eleventyCli, `--config=${plainConfig(work, content)}`, `--input=${content}`, `--output=${plainOut}`, "--quiet"], work);
    line("plain Eleventy 3", plain);
    rmSync(plainOut, { recursive: true, force: true });
    const hugo = hugoVersion();
    if (!hugo) console.log("  Hugo: not installed (apt-get install hugo), skipped");
    for (const related of hugo ? [false, true] : []) {
      const site = hugoSite(work, content, related);
      const run = runMeasured(related ? "hugo-related" : "hugo", "hugo", ["--source", site, "--destination", path.join(work, "hugo-out"), "--quiet"], work);
      line(`${hugo} ${related ? "+ related (tags, date)" : "plain"}`, run);
      rmSync(path.join(work, "hugo-out"), { recursive: true, force: true });
    }
  }
  rmSync(work, { recursive: true, force: true });
}

await runCommand(import.meta.url, "bench:publish", main);
