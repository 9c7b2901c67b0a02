// The sample site under test: built once per run into test/output/site (Playwright's globalSetup is
// this file's default export), plus what the tests read from its input (content/) and its output.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { buildSite } from "../../src/cli/build.ts";
import { parseStoryFile } from "../../src/content/front-matter.ts";

export const root = path.resolve(import.meta.dirname, "../..");
export const siteDir = path.join(root, "test/output/site");
export const screenshotDir = path.join(root, "test/output/screenshots");

/** Builds the sample content/ into test/output/site, as `npm run build` does into _site/. */
export async function buildSampleSite(output = siteDir): Promise<void> {
  const started = performance.now();
  await buildSite({ root, output });
  process.stderr.write(`[khabar tests] built the sample site into ${path.relative(root, output)}/ in ${((performance.now() - started) / 1000).toFixed(2)} s\n`);
}

export default async function globalSetup(): Promise<void> {
  await buildSampleSite();
}

// --- the input: registries and stories as the editor wrote them ---

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(path.join(root, file), "utf8")) as T;
}

export interface SiteSettings {
  name: string;
  baseUrl: string;
  language: string;
  direction: string;
  sourceLinks?: { nofollow?: boolean };
  apps?: { name?: string; ios?: string; android?: string };
  listPageSize: number;
}

export const site = readJson<SiteSettings>("content/_data/site.json");
export const categories = Object.entries(readJson<Record<string, { name: string; order: number }>>("content/_data/categories.json"))
  .map(([id, { name, order }]) => ({ id, name, order }))
  .sort((a, b) => a.order - b.order);
export const sources = readJson<Record<string, { name: string; homepage?: string; logo?: string }>>("content/_data/sources.json");

export interface StoryFile {
  /** Path from the project root. */
  file: string;
  /** File name without .md. */
  name: string;
  frontMatter: Record<string, unknown>;
  /** The Markdown after the front matter. */
  body: string;
}

/** Every Markdown story under content/articles/, with its front matter. */
export function storyFiles(): StoryFile[] {
  const dir = path.join(root, "content/articles");
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".md"))
    .sort()
    .map((file) => {
      // read as the engine reads it (core schema: dates stay strings)
      const parsed = parseStoryFile(readFileSync(path.join(dir, file), "utf8"));
      if (!parsed.ok) throw new Error(`content/articles/${file}: ${parsed.field} ${parsed.message}`);
      return { file: path.join("content/articles", file), name: path.basename(file, ".md"), frontMatter: parsed.data, body: parsed.body };
    });
}

/** The story written as content/articles/…/<name>.md. */
export function storyFile(name: string): StoryFile {
  const found = storyFiles().find((story) => story.name === name);
  if (!found) throw new Error(`No story file named ${name}.md under content/articles/`);
  return found;
}

// --- the output ---

/** Every file of the built site, as paths relative to it. */
export function builtFiles(dir = siteDir): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => !file.split(path.sep).some((part) => part.startsWith(".")))
    .map((file) => file.split(path.sep).join("/"))
    .sort();
}

export function builtHtmlFiles(dir = siteDir): string[] {
  return builtFiles(dir).filter((file) => file.endsWith(".html"));
}

/** The site path a URL points to, decoded: "/news/روبيو-…/". */
export function sitePath(url: string, base = site.baseUrl): string {
  return decodeURIComponent(new URL(url, `${base}/`).pathname);
}

/** The built file that serves a site path ("/a/" -> "a/index.html"). */
export function fileForPath(pathname: string): string {
  const relative = decodeURIComponent(pathname).replace(/^\//, "");
  return relative === "" || relative.endsWith("/") ? `${relative}index.html` : relative;
}

/** The <loc> URLs of a sitemap, in order. */
export function sitemapUrls(xml: string): string[] {
  return [...xml.matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/g)].map((match) => match[1]!.replaceAll("&amp;", "&"));
}
