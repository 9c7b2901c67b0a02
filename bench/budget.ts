// `npm run budget`: builds the site and checks that its pages stay fast on a phone. For the home
// page, a category page and an article page it prints and enforces:
//   - HTML + CSS + JS transferred under 30 KB compressed (gzip, as every host serves; brotli shown too;
//     pictures and fonts excluded);
//   - no render-blocking script (module, defer or async only; no inline script but JSON data);
//   - at most 5 KB of JavaScript, compressed;
//   - at most two font files requested before the first paint;
// and runs Lighthouse 12.2.3 in mobile mode (its default: a mid-range phone on slow 4G, simulated)
// on the built site served on localhost with compression, as a static host serves it (the server of
// `npm run serve`, src/cli/serve.ts): performance at least 0.98, accessibility, best practices and
// SEO 1.0. Lighthouse's timings move with the load on the machine, so each page is measured --runs
// times (default 5) and the median run counts.
//
//   npm run budget [-- --runs 5] [-- --output DIR] [-- --skip-build] [-- --path /news/x/ ...]
//
// Needs a Chromium: CHROME_PATH, else /usr/bin/chromium. It is a command, not a test.
import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { loadavg, availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs, promisify } from "node:util";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { buildSite } from "../src/cli/build.ts";
import { runCommand } from "../src/cli/run.ts";
import { serveSite } from "../src/cli/serve.ts";

export const LIMITS = {
  /** HTML + CSS + JS of one page, compressed. */
  transferBytes: 30 * 1024,
  scriptBytes: 5 * 1024,
  fontsBeforePaint: 2,
  performance: 0.98,
  accessibility: 1,
  "best-practices": 1,
  seo: 1,
};

const require = createRequire(import.meta.url);
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
const CHROME_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

export interface Sizes {
  raw: number;
  gzip: number;
  brotli: number;
}

export interface PageWeight {
  html: Sizes;
  css: Sizes;
  js: Sizes;
  total: Sizes;
  /** Files the page loads: stylesheets and scripts (with the modules they import). */
  files: string[];
  /** Scripts that stop the parser: classic <script src> without defer/async, and inline scripts that run. */
  blockingScripts: string[];
}

export function sizes(content: Buffer | string): Sizes {
  const buffer = Buffer.isBuffer(content) ? content : Buffer.from(content);
  return {
    raw: buffer.length,
    gzip: gzipSync(buffer, { level: 9 }).length,
    brotli: brotliCompressSync(buffer, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

const add = (a: Sizes, b: Sizes): Sizes => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli });
const zero: Sizes = { raw: 0, gzip: 0, brotli: 0 };

function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}(?:\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+)))?`, "i").exec(tag)?.slice(1).find((v) => v !== undefined) ?? (new RegExp(`\\s${name}[\\s>]`, "i").test(tag) ? "" : undefined);
}

/** What a built page makes a reader download before pictures and fonts, read from the files. */
export function pageWeight(siteDir: string, htmlFile: string, prefix = "/"): PageWeight {
  const html = readFileSync(path.join(siteDir, htmlFile), "utf8");
  const local = (url: string) => {
    const pathname = decodeURIComponent(new URL(url, "http://site.invalid/").pathname);
    return path.join(siteDir, pathname.startsWith(prefix) ? pathname.slice(prefix.length) : pathname);
  };
  let css = zero;
  let js = zero;
  const files: string[] = [];
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = attribute(tag, "rel")?.toLowerCase().split(/\s+/) ?? [];
    const href = attribute(tag, "href");
    if (!href || !rel.includes("stylesheet")) continue;
    css = add(css, sizes(readFileSync(local(href))));
    files.push(href);
  }
  const blockingScripts: string[] = [];
  const seen = new Set<string>();
  const script = (file: string, url: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file);
    js = add(js, sizes(text));
    files.push(url);
    // static imports of a module load before it runs
    for (const [, specifier] of text.toString("utf8").matchAll(/^\s*import\s+(?:[^"';]*?\s+from\s+)?["']([^"']+)["']/gm)) {
      script(path.resolve(path.dirname(file), specifier!), new URL(specifier!, new URL(url, "http://site.invalid/")).pathname);
    }
  };
  for (const [tag, body] of Array.from(html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi), (m) => [`<script${m[1]}>`, m[2]!] as const)) {
    const src = attribute(tag, "src");
    const type = attribute(tag, "type")?.toLowerCase();
    if (type && type !== "module" && !/javascript|ecmascript/.test(type)) continue; // JSON-LD and other data
    if (src) {
      if (type !== "module" && attribute(tag, "defer") === undefined && attribute(tag, "async") === undefined) blockingScripts.push(src);
      script(local(src), src);
    } else if (body.trim()) {
      blockingScripts.push(`inline script: ${body.trim().slice(0, 40)}…`);
      js = add(js, sizes(body));
    }
  }
  const htmlSizes = sizes(html);
  return { html: htmlSizes, css, js, total: add(add(htmlSizes, css), js), files, blockingScripts };
}

// --- Lighthouse ---

export interface LighthouseRun {
  scores: Record<(typeof CATEGORIES)[number], number>;
  /** Font files requested before the first paint. */
  fontsBeforePaint: string[];
  /** Audits that cost points, for the report. */
  failing: string[];
  metrics: Record<string, number>;
}

interface LighthouseResult {
  categories: Record<string, { score: number; auditRefs: Array<{ id: string; weight: number }> }>;
  audits: Record<string, { score: number | null; title: string; numericValue?: number; displayValue?: string; details?: { items?: Array<Record<string, unknown>> } }>;
}

export function readLighthouse(result: LighthouseResult): LighthouseRun {
  const scores = Object.fromEntries(CATEGORIES.map((id) => [id, result.categories[id]?.score ?? 0])) as LighthouseRun["scores"];
  const firstPaint = (result.audits.metrics?.details?.items?.[0]?.observedFirstPaint as number | undefined) ?? Infinity;
  const requests = (result.audits["network-requests"]?.details?.items ?? []) as Array<{ url: string; resourceType?: string; rendererStartTime?: number; networkRequestTime?: number }>;
  const fontsBeforePaint = requests.filter((r) => r.resourceType === "Font" && (r.rendererStartTime ?? r.networkRequestTime ?? Infinity) < firstPaint).map((r) => r.url);
  const failing: string[] = [];
  for (const id of CATEGORIES) {
    for (const ref of result.categories[id]?.auditRefs ?? []) {
      const audit = result.audits[ref.id];
      if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) failing.push(`${id}: ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ""} ${audit.score}`);
    }
  }
  const metrics = Object.fromEntries(["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index"].map((id) => [id, result.audits[id]?.numericValue ?? NaN]));
  return { scores, fontsBeforePaint, failing, metrics };
}

/**
 * Lighthouse simulates a slow phone from the main-thread work it observes, so other programs
 * competing for the CPU make a page look slower than it is. As root (CI, this project's machines)
 * Lighthouse and its Chromium run at a higher scheduling priority, like a phone's foreground tab.
 */
function prioritized(command: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0 && existsSync("/usr/bin/nice") ? ["/usr/bin/nice", ["-n", "-10", command, ...args]] : [command, args];
}

async function lighthouse(url: string, chromePath: string): Promise<LighthouseRun> {
  const dir = await mkdtemp(path.join(tmpdir(), "khabar-lighthouse-"));
  const output = path.join(dir, "report.json");
  const cli = path.join(path.dirname(require.resolve("lighthouse/package.json")), "cli/index.js");
  try {
    await promisify(execFile)(...prioritized(process.execPath, [cli, url, "--output=json", `--output-path=${output}`, `--only-categories=${CATEGORIES.join(",")}`, `--chrome-flags=${CHROME_FLAGS.join(" ")}`, "--quiet"]), {
      env: { ...process.env, CHROME_PATH: chromePath },
      maxBuffer: 64 * 1024 * 1024,
    });
    return readLighthouse(JSON.parse(await readFile(output, "utf8")) as LighthouseResult);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// --- the report ---

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const table = (rows: string[][]) => {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  return rows.map((row) => row.map((cell, i) => cell.padEnd(widths[i]!)).join("  ").trimEnd()).join("\n");
};

/** The pages measured: the home page, the first category and the newest story in the sitemap. */
export function pickPages(siteDir: string): Array<{ name: string; path: string }> {
  const sitemap = readFileSync(path.join(siteDir, "sitemap.xml"), "utf8");
  const paths = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  const category = paths.find((p) => /\/category\/[^/]+\/$/.test(p));
  const article = paths.find((p) => /\/news\/[^/]+\/$/.test(p));
  if (!category || !article) throw new Error(`${siteDir}/sitemap.xml lists no category page or no story: is the site empty?`);
  return [
    { name: "home", path: "/" },
    { name: "category", path: category },
    { name: "article", path: article },
  ];
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      output: { type: "string", default: ".cache/budget/site" },
      runs: { type: "string", default: "5" },
      "skip-build": { type: "boolean", default: false },
      path: { type: "string", multiple: true },
    },
  });
  const root = process.cwd();
  const siteDir = path.resolve(values.output!);
  const runs = Math.max(1, Number(values.runs));
  const chromePath = process.env.CHROME_PATH ?? "/usr/bin/chromium";
  if (!existsSync(chromePath)) throw new Error(`No Chromium at ${chromePath}: set CHROME_PATH`);

  if (!values["skip-build"]) {
    const started = performance.now();
    await buildSite({ root, output: siteDir });
    console.log(`Built ${path.relative(root, siteDir)}/ in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  const pages = values.path?.length ? values.path.map((p, i) => ({ name: `page ${i + 1}`, path: p })) : pickPages(siteDir);
  const problems: string[] = [];

  const weights = pages.map((page) => ({ page, weight: pageWeight(siteDir, `${decodeURIComponent(page.path).replace(/^\//, "")}${page.path.endsWith("/") ? "index.html" : ""}`) }));
  // Served as a host serves it: compressed (brotli, else gzip) and cacheable.
  const server = await serveSite({ root: siteDir, compress: true, cacheControl: "public, max-age=3600" });
  const load = loadavg()[0]!;
  if (load > availableParallelism()) console.log(`Note: the machine is busy (load ${load.toFixed(1)} on ${availableParallelism()} cores); Lighthouse's timings will be slower than on a quiet machine.`);
  const results: Array<{ median: LighthouseRun; all: LighthouseRun[] }> = [];
  try {
    for (const { page } of weights) {
      const all: LighthouseRun[] = [];
      for (let i = 0; i < runs; i++) {
        const run = await lighthouse(new URL(page.path.replace(/^\//, ""), server.url).href, chromePath);
        all.push(run);
        console.log(`Lighthouse ${page.name} run ${i + 1}/${runs}: ${CATEGORIES.map((c) => `${c} ${run.scores[c].toFixed(2)}`).join(", ")}`);
      }
      const sorted = [...all].sort((a, b) => a.scores.performance - b.scores.performance);
      results.push({ median: sorted[Math.floor((sorted.length - 1) / 2)]!, all });
    }
  } finally {
    await server.close();
  }
  console.log("");
  const budgetRows = [["page", "path", "HTML", "CSS", "JS", "total gzip", "total brotli", "blocking scripts", "fonts before paint"]];
  weights.forEach(({ page, weight }, i) => {
    const fonts = Math.max(...results[i]!.all.map((run) => run.fontsBeforePaint.length));
    budgetRows.push([page.name, decodeURIComponent(page.path), kb(weight.html.gzip), kb(weight.css.gzip), kb(weight.js.gzip), kb(weight.total.gzip), kb(weight.total.brotli), String(weight.blockingScripts.length), String(fonts)]);
    if (weight.total.gzip >= LIMITS.transferBytes) problems.push(`${page.name}: HTML+CSS+JS is ${kb(weight.total.gzip)} compressed; the budget is under ${kb(LIMITS.transferBytes)}`);
    if (weight.js.gzip > LIMITS.scriptBytes) problems.push(`${page.name}: ${kb(weight.js.gzip)} of JavaScript; the budget is ${kb(LIMITS.scriptBytes)}`);
    for (const script of weight.blockingScripts) problems.push(`${page.name}: render-blocking script ${script}`);
    if (fonts > LIMITS.fontsBeforePaint) problems.push(`${page.name}: ${fonts} font files before the first paint; the budget is ${LIMITS.fontsBeforePaint}`);
  });
  console.log(`Page budgets (compressed; pictures and fonts excluded): under ${kb(LIMITS.transferBytes)} HTML+CSS+JS, at most ${kb(LIMITS.scriptBytes)} JS, no blocking script, at most ${LIMITS.fontsBeforePaint} fonts before first paint`);
  console.log(table(budgetRows));

  const scoreRows = [["page", ...CATEGORIES, "FCP", "LCP", "TBT", "CLS"]];
  weights.forEach(({ page }, i) => {
    const { median, all } = results[i]!;
    const m = median.metrics;
    scoreRows.push([page.name, ...CATEGORIES.map((c) => median.scores[c].toFixed(2)), `${Math.round(m["first-contentful-paint"]!)} ms`, `${Math.round(m["largest-contentful-paint"]!)} ms`, `${Math.round(m["total-blocking-time"]!)} ms`, m["cumulative-layout-shift"]!.toFixed(3)]);
    for (const category of CATEGORIES) {
      if (median.scores[category] < LIMITS[category]) {
        problems.push(`${page.name}: Lighthouse ${category} ${median.scores[category].toFixed(2)} < ${LIMITS[category]} (runs: ${all.map((r) => r.scores[category].toFixed(2)).join(", ")}); ${median.failing.filter((f) => f.startsWith(`${category}:`)).join("; ")}`);
      }
    }
  });
  console.log(`\nLighthouse 12.2.3, mobile (simulated slow 4G, 4x CPU slowdown), median of ${runs} run${runs === 1 ? "" : "s"} by performance`);
  console.log(table(scoreRows));

  if (problems.length) {
    console.log(`\nOver budget:\n  ${problems.join("\n  ")}`);
    process.exitCode = 1;
  } else {
    console.log("\nAll pages within budget.");
  }
}

await runCommand(import.meta.url, "budget", main);
