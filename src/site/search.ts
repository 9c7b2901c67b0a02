// Static full-text search: Pagefind's index, built from the stories themselves as custom records
// (the text a reader sees on the story page: headline, summary, lead picture's caption and
// description, body; in the site's language so Pagefind applies its Arabic stemmer)
// rather than by reading thousands of written pages back from disk. https://pagefind.app/docs/node-api/
//
// One index per publication period (a month by default), each kept in a cache folder named by a
// fingerprint of its records, so a build re-indexes only the periods whose stories changed; the
// search page merges them at query time (https://pagefind.app/docs/multisite/). Pagefind's own
// process holds every record of an index until it is written and needs ~90 MB per 1,000 stories
// while writing (bench/search.ts): one period at a time bounds it by the largest period, not the archive.
// docs/search.md says why in full.
import { createHash } from "node:crypto";
import { copyFileSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as pagefind from "pagefind";
import { filesUnder } from "../content/files-under.ts";
import type { Story } from "./story.ts";

/** Bump when what a record holds, or how a period is cut, changes: every period is then re-indexed. */
export const SEARCH_RECORD_VERSION = 1;

export interface SearchRecord {
  /** The story's site path, without the path prefix (the search page gives Pagefind the base). */
  url: string;
  content: string;
  language: string;
  meta: { title: string };
  filters: { category: string[] };
}

export type SearchStory = Pick<Story, "url" | "title" | "summary" | "image" | "text" | "category">;

export function searchRecord(story: SearchStory, language: string): SearchRecord {
  // The stemmer does not join every form (مفاوضات and المفاوضات stem apart), so every visible word counts.
  // The whole body is kept: Pagefind finds a story by any word of it and builds excerpts from this text.
  const parts = [story.title, story.summary, story.image?.caption, story.image?.alt, story.text];
  const content = parts.filter((part): part is string => typeof part === "string" && part.trim() !== "").join("\n");
  return { url: story.url, content, language, meta: { title: story.title }, filters: { category: [story.category.name] } };
}

/** How the archive is cut into indexes: a month keeps the re-indexed part small (bench/search.ts); "all": one index (tests, comparisons). */
export type SearchPeriodLength = "all" | "year" | "quarter" | "month";

/**
 * The period of a story from its publication time as the site states it (an ISO 8601 text in the
 * site's time zone, so a story published on the 1st at 01:00 in Riyadh is in that month): "2025",
 * "2025-q4" or "2025-12" ("all" for one index). Periods sort as text in time order.
 */
export function searchPeriod(publishedIso: string, length: SearchPeriodLength = "month"): string {
  const match = /^(\d{4})-(\d{2})/.exec(publishedIso);
  if (!match) throw new Error(`khabar: a publication time without a date: ${JSON.stringify(publishedIso)}`);
  const [, year, month] = match;
  if (length === "all") return "all";
  if (length === "year") return year!;
  if (length === "quarter") return `${year}-q${Math.ceil(Number(month) / 3)}`;
  return `${year}-${month}`;
}

/** Stories grouped by period, newest period first; within one, newest story first (then by address), so a period's records come in one order whatever order they were given in. */
export function groupByPeriod<T extends { url: string; published: { iso: string; epoch: number } }>(stories: Iterable<T>, length: SearchPeriodLength = "month"): Array<[string, T[]]> {
  const periods = new Map<string, T[]>();
  for (const story of stories) {
    const period = searchPeriod(story.published.iso, length);
    let list = periods.get(period);
    if (!list) periods.set(period, (list = []));
    list.push(story);
  }
  for (const list of periods.values()) list.sort((a, b) => b.published.epoch - a.published.epoch || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  return [...periods].sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0));
}

let pagefindVersionText: string | undefined;
/** The installed Pagefind's version: its index format and binary change with it. */
export function pagefindVersion(): string {
  // The package's exports hide package.json: read it next to the entry point.
  pagefindVersionText ??= (JSON.parse(readFileSync(new URL("../package.json", import.meta.resolve("pagefind")), "utf8")) as { version: string }).version;
  return pagefindVersionText;
}

/** What a period's index is made from: its records, in order, the Pagefind version and our record format. */
export function periodFingerprint(records: readonly SearchRecord[], version = pagefindVersion()): string {
  const hash = createHash("sha256").update(`pagefind ${version}\nkhabar records ${SEARCH_RECORD_VERSION}\n`);
  for (const record of records) hash.update(JSON.stringify(record)).update("\n");
  return hash.digest("hex").slice(0, 20);
}

/** Written last into a period's cache folder: without it, or with a file missing or of another size, the folder is not trusted. */
const MANIFEST = "khabar-period.json";
interface PeriodManifest {
  fingerprint: string;
  pages: number;
  /** Every file Pagefind wrote, relative, with its size. */
  files: Record<string, number>;
}

/** The manifest of a complete cache folder for `fingerprint`, or undefined if anything is missing, half-written or different. */
export function readPeriodCache(dir: string, fingerprint: string): PeriodManifest | undefined {
  try {
    const manifest = JSON.parse(readFileSync(path.join(dir, MANIFEST), "utf8")) as PeriodManifest;
    if (manifest.fingerprint !== fingerprint || typeof manifest.files !== "object" || !manifest.files["pagefind-entry.json"]) return undefined;
    for (const [file, size] of Object.entries(manifest.files)) if (statSync(path.join(dir, file)).size !== size) return undefined;
    return manifest;
  } catch {
    return undefined;
  }
}

/** Hard links `from`'s files into `to` (copies when they are on different file systems). */
function linkTree(from: string, to: string, files: Iterable<string>): void {
  const made = new Set<string>();
  for (const file of files) {
    const target = path.join(to, file);
    const folder = path.dirname(target);
    if (!made.has(folder)) mkdirSync(folder, { recursive: true });
    made.add(folder);
    try {
      linkSync(path.join(from, file), target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EXDEV" && (error as NodeJS.ErrnoException).code !== "EPERM") throw error;
      copyFileSync(path.join(from, file), target);
    }
  }
}

/** The files of a period other than the primary one that the search page needs: its index data (the primary's script and WebAssembly serve every index). */
const isIndexData = (file: string) => file === "pagefind-entry.json" || file.endsWith(".pf_meta") || /^(index|fragment|filter)[\\/]/.test(file);

/** Lists the periods for the search page, relative to `<output>/pagefind/`, newest (the primary index) first. */
export const SEARCH_INDEXES_FILE = "khabar-indexes.json";

/** Records sent to Pagefind before waiting for its answers: bounds the messages queued in both processes. */
const RECORDS_PER_BATCH = 200;

export interface SearchBuildOptions {
  /** Published stories, in any order. */
  stories: Iterable<SearchStory & { published: { iso: string; epoch: number } }>;
  language: string;
  /** Where each period's index is kept between builds (e.g. .cache/build/search). */
  cacheDir: string;
  /** False: no period is taken from the cache, each is indexed again (`--clean`). */
  reuse?: boolean;
  /** The build's output folder: the indexes go to `<outputDir>/pagefind/`. */
  outputDir: string;
  periodLength?: SearchPeriodLength;
  /** Yields between periods, so work running beside the index (the page writer) goes on. */
  yieldEvery?: () => Promise<void>;
}

export interface SearchBuildReport {
  /** Every period, newest first. */
  periods: string[];
  /** The periods indexed by this build; the others came from the cache. */
  indexed: string[];
  pages: number;
}

/** Indexes one period into a fresh folder, renamed into place only once complete. */
async function indexPeriod(records: SearchRecord[], fingerprint: string, dir: string): Promise<void> {
  const temporary = `${dir}.tmp-${process.pid}-${Date.now()}`;
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
  try {
    for (let i = 0; i < records.length; i += RECORDS_PER_BATCH) {
      const added = await Promise.all(records.slice(i, i + RECORDS_PER_BATCH).map((record) => index.addCustomRecord(record)));
      const problems = added.flatMap((result) => result.errors);
      if (problems.length) throw new Error(`Pagefind could not index every story: ${problems.join("; ")}`);
    }
    const written = await index.writeFiles({ outputPath: temporary });
    if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join("; ")}`);
  } catch (error) {
    rmSync(temporary, { recursive: true, force: true });
    throw error;
  } finally {
    // A new Pagefind process per period: its memory holds one period's pages, never the archive's
    // (memory freed inside a process is not always given back to the system).
    await pagefind.close();
  }
  const files = Object.fromEntries(filesUnder(temporary).map((file) => [file, statSync(path.join(temporary, file)).size]));
  writeFileSync(path.join(temporary, MANIFEST), JSON.stringify({ fingerprint, pages: records.length, files } satisfies PeriodManifest));
  rmSync(dir, { recursive: true, force: true }); // a folder the check above did not trust
  try {
    renameSync(temporary, dir);
  } catch (error) {
    // Another build finished the same folder first: same fingerprint, same index.
    rmSync(temporary, { recursive: true, force: true });
    if (!readPeriodCache(dir, fingerprint)) throw error;
  }
}

/** Cache folders of a period not used for this long are deleted (another build sharing the cache may still be using a recent one). */
const STALE_MS = 24 * 3600_000;

/**
 * Builds the search indexes, one per period, reusing every period whose records did not change,
 * and links them into `<outputDir>/pagefind/<period>/` (the newest is the primary index), Pagefind's
 * scripts into `<outputDir>/pagefind/`, and the periods' list, newest first, in
 * SEARCH_INDEXES_FILE. Stops Pagefind's process when done.
 */
export async function buildSearchIndexes({ stories, language, cacheDir, reuse = true, outputDir, periodLength = "month", yieldEvery }: SearchBuildOptions): Promise<SearchBuildReport> {
  const report: SearchBuildReport = { periods: [], indexed: [], pages: 0 };
  const output = path.join(outputDir, "pagefind");
  const used = new Set<string>();
  mkdirSync(cacheDir, { recursive: true });
  rmSync(output, { recursive: true, force: true }); // an output folder updated in place: the links are made anew
  try {
    const periods = groupByPeriod(stories, periodLength);
    for (const [index, [period, members]] of periods.entries()) {
      await yieldEvery?.();
      const records = members.map((story) => searchRecord(story, language));
      const fingerprint = periodFingerprint(records);
      // Content-addressed: a folder never changes once complete, so builds sharing the cache cannot disturb each other.
      const name = `${period}-${fingerprint}`;
      const dir = path.join(cacheDir, name);
      let manifest = reuse ? readPeriodCache(dir, fingerprint) : undefined;
      if (!manifest) {
        await indexPeriod(records, fingerprint, dir);
        manifest = readPeriodCache(dir, fingerprint);
        if (!manifest) throw new Error(`khabar: the search index of ${period} was written to ${dir} but cannot be read back`);
        report.indexed.push(period);
      }
      used.add(name);
      const now = new Date();
      utimesSync(dir, now, now); // last used: see STALE_MS
      const files = Object.keys(manifest.files);
      // Each period in its own folder, whole (the newest is the primary index: the browser loads
      // Pagefind's worker and wasm from it), so a new month adds a folder and moves none. Pagefind's
      // scripts, the same bytes for one Pagefind version, are also at the top for the search page to import.
      linkTree(dir, path.join(output, period), files);
      if (index === 0) linkTree(dir, output, files.filter((file) => !isIndexData(file)));
      report.periods.push(period);
      report.pages += manifest.pages;
    }
    if (periods.length) writeFileSync(path.join(output, SEARCH_INDEXES_FILE), JSON.stringify({ indexes: report.periods.map((period) => `${period}/`) }));
  } finally {
    await pagefind.close();
  }
  for (const entry of readdirSync(cacheDir)) {
    if (used.has(entry)) continue;
    const dir = path.join(cacheDir, entry);
    try {
      if (Date.now() - statSync(dir).mtimeMs > STALE_MS) rmSync(dir, { recursive: true, force: true });
    } catch {
      // removed by another build meanwhile
    }
  }
  return report;
}
