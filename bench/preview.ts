// `npm run bench:preview`: the preview server (`npm start`) on N synthetic stories: how long it takes
// to come up (a first start, then a second one that finds the build cache and its own output from the
// first), and, over 10 saves of one story, the time from the save to the story's page served with
// the change (the page the browser reloads to). Options: --n 10000  --seed 1  --saves 10
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { runCommand } from "../src/cli/run.ts";
import { storySlug } from "../src/content/slug.ts";
import { storyUrl } from "../src/urls.ts";
import { eleventyCli } from "./baselines.ts";
import { generateCorpus, writeCorpus } from "./corpus.ts";
import { benchRoot, median } from "./measure.ts";

const ORDINALS = ["أول", "ثان", "ثالث", "رابع", "خامس", "سادس", "سابع", "ثامن", "تاسع", "عاشر"];

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Milliseconds until `test` holds (checked every 20 ms), or throws after `limit`. */
async function until(what: string, test: () => Promise<boolean>, limit: number, server: ChildProcess, log: () => string): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < limit) {
    if (server.exitCode !== null) throw new Error(`the preview stopped while waiting for ${what}:\n${log().slice(-3000)}`);
    if (await test().catch(() => false)) return performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`timed out waiting for ${what}:\n${log().slice(-3000)}`);
}

async function stop(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null) return;
  const exited = new Promise((resolve) => server.once("exit", resolve));
  server.kill("SIGTERM");
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
  if (server.exitCode === null) server.kill("SIGKILL");
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { n: { type: "string", default: "10000" }, seed: { type: "string", default: "1" }, saves: { type: "string", default: "10" } } });
  const n = Number(values.n);
  const work = path.join(tmpdir(), `khabar-bench-preview-${process.pid}`);
  const content = path.join(work, "content");
  const output = path.join(work, "preview");
  mkdirSync(work, { recursive: true });
  const corpus = path.join(tmpdir(), `khabar-bench-corpus-${n}`);
  if (!existsSync(path.join(corpus, "topics.json"))) writeCorpus(generateCorpus({ n, seed: Number(values.seed) }), corpus);
  cpSync(corpus, content, { recursive: true });
  const files = readdirSync(path.join(content, "articles"), { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".md")).sort();
  const file = path.join(content, "articles", files[Math.floor(files.length / 2)]!);
  const original = readFileSync(file, "utf8");
  const slug = storySlug(/^slug: (.*)$/m.exec(original)?.[1]?.trim(), file);
  const pageUrl = storyUrl(slug);
  console.log(`Preview benchmark: ${n} synthetic stories (seed ${values.seed}); Node ${process.version}; the story edited: ${path.relative(content, file)}`);

  const start = async (label: string) => {
    const port = await freePort();
    let log = "";
    const started = performance.now();
    const server = spawn(process.execPath, ["--import", "tsx", eleventyCli, "--config=eleventy.config.ts", "--serve", `--port=${port}`, `--output=${output}`], {
      cwd: benchRoot,
      env: { ...process.env, KHABAR_CONTENT: path.relative(benchRoot, content) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    server.stdout!.on("data", (d: Buffer) => (log += d.toString()));
    server.stderr!.on("data", (d: Buffer) => (log += d.toString()));
    const page = async () => (await fetch(`http://127.0.0.1:${port}${pageUrl}`)).text();
    await until("the first preview", async () => (await page()).includes("</html>"), 600_000, server, () => log);
    console.log(`  ${label.padEnd(44)} ${((performance.now() - started) / 1000).toFixed(1)} s to the story's page`);
    return { server, page, log: () => log };
  };

  const first = await start("first start");
  await stop(first.server);
  const { server, page, log } = await start("second start (cache and output from the first)");
  const times: number[] = [];
  try {
    // Not timed: the watcher reads the content folder after the server is up, and a save before it
    // is done goes unseen. Saved again every 10 s until the page shows it.
    const warmUp = "تحديث تجريبي من غرفة الأخبار";
    await until("the watcher", async () => {
      if (!(await page()).includes(warmUp)) writeFileSync(file, `${original}\n${warmUp}.\n`);
      await new Promise((resolve) => setTimeout(resolve, 10_000));
      return (await page()).includes(warmUp);
    }, 600_000, server, log);
    for (let i = 1; i <= Number(values.saves); i++) {
      // Words only: the page wraps digits (and Latin) in markup of their own.
      const marker = `تحديث ${ORDINALS[(i - 1) % ORDINALS.length]} من غرفة الأخبار ${"جديد ".repeat(Math.floor((i - 1) / ORDINALS.length))}`.trim();
      const saved = performance.now();
      writeFileSync(file, `${original}\n${marker}.\n`);
      await until(`save ${i}`, async () => (await page()).includes(marker), 300_000, server, log);
      times.push(performance.now() - saved);
    }
  } finally {
    await stop(server);
    writeFileSync(file, original);
  }
  console.log(`  save to updated page, ${times.length} saves:      median ${(median(times) / 1000).toFixed(2)} s (each: ${times.map((t) => (t / 1000).toFixed(2)).join(", ")} s)`);
  rmSync(work, { recursive: true, force: true });
}

await runCommand(import.meta.url, "bench:preview", main);
