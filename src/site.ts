// The registries in content/_data/: site settings, categories and sources.
// Read once per build by the content loader (validation needs them before any page exists).
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { ContentError } from "./problems.ts";
import { DEFAULT_CONFIG, relatedSettingsProblems } from "./related/config.ts";
import type { FieldProblem } from "./validate.ts";

export type Digits = "latn" | "arab";

export interface AppLinks {
  /** The app's name, shown in «حمّل تطبيق <name>». */
  name: string;
  ios?: string;
  android?: string;
}

export interface SiteSettings {
  name: string;
  tagline?: string;
  description: string;
  /** Absolute origin the site is served from, e.g. https://khabar.example (no trailing slash needed). */
  baseUrl: string;
  language: string;
  direction: "rtl" | "ltr";
  /** IANA zone in which dates without an offset are read and all dates are shown. */
  timeZone: string;
  digits: Digits;
  sourceLinks: { nofollow: boolean };
  related: { count: number; readAlsoCount: number };
  /** Stories per list page (latest, category, tag, source). */
  listPageSize: number;
  home: { latest: number; perCategory: number };
  /** Latest stories in each feed. */
  feedSize: number;
  /** Where the site lives under baseUrl, e.g. "/news/"; "/" at the root. */
  pathPrefix: string;
  /** Republished stories: canonical to the site itself or to the original, and whether to noindex them. */
  syndication: { canonical: "site" | "original"; noindex: boolean };
  /** Share picture used when a page has none: a path from content/ or an http(s) URL. */
  defaultImage?: { src: string; alt: string; width?: number; height?: number; share?: { url: string; width: number; height: number } };
  /** The publisher's logo for JSON-LD: a path from content/ or an http(s) URL. */
  logo?: string;
  apps?: AppLinks;
  social?: Record<string, string>;
  [extra: string]: unknown;
}

export interface Category {
  id: string;
  name: string;
  order: number;
  /** Site path of the category page, e.g. /category/politics/. */
  url: string;
}

export interface RegisteredSource {
  id: string;
  name: string;
  homepage?: string;
  /** Path from content/ (e.g. assets/sources/x.svg) or an http(s) URL. */
  logo?: string;
}

export interface Registries {
  site: SiteSettings;
  categories: Map<string, Category>;
  sources: Map<string, RegisteredSource>;
}

const SITE_DEFAULTS = {
  language: "ar",
  direction: "rtl",
  timeZone: "UTC",
  digits: "latn",
  sourceLinks: { nofollow: true },
  related: { count: DEFAULT_CONFIG.count, readAlsoCount: DEFAULT_CONFIG.readAlsoCount },
  listPageSize: 20,
  home: { latest: 12, perCategory: 4 },
  feedSize: 50,
  pathPrefix: "/",
  syndication: { canonical: "site", noindex: false },
} as const;

/** "news", "/news", "/news/" all mean "/news/"; "" and "/" mean the root. */
export function normalizePathPrefix(prefix: string | undefined): string {
  const trimmed = (prefix ?? "").replace(/^\/+|\/+$/g, "");
  return trimmed ? `/${trimmed}/` : "/";
}

/** Absolute URL of a site path (which starts with "/"), with the base URL and the path prefix. */
export function absoluteUrl(site: Pick<SiteSettings, "baseUrl" | "pathPrefix">, sitePath: string): string {
  if (/^https?:\/\//.test(sitePath)) return sitePath;
  return `${site.baseUrl}${site.pathPrefix.replace(/\/$/, "")}${sitePath}`;
}

export function categoryUrl(id: string): string {
  return `/category/${id}/`;
}

/** Fills defaults and checks the settings the engine relies on; throws a ContentError listing every
 * problem, as from `file` (where the settings were read). */
export function normalizeSite(raw: Record<string, unknown>, file = "content/_data/site.json"): SiteSettings {
  const site = { ...SITE_DEFAULTS, ...raw } as SiteSettings;
  site.home = { ...SITE_DEFAULTS.home, ...(raw.home as object) };
  site.syndication = { ...SITE_DEFAULTS.syndication, ...(raw.syndication as object) };
  site.related = { ...SITE_DEFAULTS.related, ...(raw.related as object) };
  const problems: FieldProblem[] = [];
  const problem = (field: string, message: string) => problems.push({ field, message });
  if (typeof site.name !== "string" || !site.name) problem("name", "expected the site's name");
  if (typeof site.baseUrl !== "string" || !/^https?:\/\/[^/]+/.test(site.baseUrl)) {
    problem("baseUrl", "expected an absolute http(s) URL such as https://example.com");
  } else {
    site.baseUrl = site.baseUrl.replace(/\/+$/, "");
  }
  site.pathPrefix = normalizePathPrefix(process.env.KHABAR_PATH_PREFIX ?? site.pathPrefix);
  if (!Number.isInteger(site.listPageSize) || site.listPageSize < 1) problem("listPageSize", `expected a whole number of stories per page, got ${JSON.stringify(site.listPageSize)}`);
  if (site.syndication.canonical !== "site" && site.syndication.canonical !== "original") problem("syndication.canonical", `expected "site" or "original", got ${JSON.stringify(site.syndication.canonical)}`);
  if (site.digits !== "latn" && site.digits !== "arab") problem("digits", `expected "latn" or "arab", got ${JSON.stringify(site.digits)}`);
  if (!isValidZone(site.timeZone)) problem("timeZone", `expected an IANA time zone such as Asia/Riyadh, got ${JSON.stringify(site.timeZone)}`);
  problems.push(...relatedSettingsProblems(raw.related));
  if (problems.length) throw new ContentError(problems.map((p) => ({ file, ...p })));
  site.description ??= site.name;
  return site;
}

function isValidZone(zone: unknown): boolean {
  if (typeof zone !== "string") return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The path prefix for Eleventy's config, read synchronously before any data is loaded. */
export function readPathPrefix(contentDir: string): string {
  try {
    const raw = JSON.parse(readFileSync(path.join(contentDir, "_data", "site.json"), "utf8")) as { pathPrefix?: string };
    return normalizePathPrefix(process.env.KHABAR_PATH_PREFIX ?? raw.pathPrefix);
  } catch {
    return normalizePathPrefix(process.env.KHABAR_PATH_PREFIX);
  }
}

async function readJson(file: string): Promise<Record<string, unknown>> {
  try {
    return JSON.parse(await readFile(file, "utf8")) as Record<string, unknown>;
  } catch (error) {
    throw new Error(`${file}: cannot read the registry (${(error as Error).message})`);
  }
}

export async function loadRegistries(dataDir: string): Promise<Registries> {
  const [siteRaw, categoriesRaw, sourcesRaw] = await Promise.all(
    ["site.json", "categories.json", "sources.json"].map((name) => readJson(path.join(dataDir, name))),
  );
  const categories = new Map<string, Category>();
  Object.entries(categoriesRaw ?? {}).forEach(([id, value], index) => {
    const entry = (typeof value === "string" ? { name: value } : value) as { name: string; order?: number };
    categories.set(id, { id, name: entry.name, order: entry.order ?? index + 1, url: categoryUrl(id) });
  });
  const sources = new Map<string, RegisteredSource>();
  for (const [id, value] of Object.entries(sourcesRaw ?? {})) {
    sources.set(id, { id, ...(value as Omit<RegisteredSource, "id">) });
  }
  return { site: normalizeSite(siteRaw ?? {}, path.relative(process.cwd(), path.join(dataDir, "site.json"))), categories, sources };
}

/** Categories in the order editors set in the registry. */
export function orderedCategories(categories: Map<string, Category>): Category[] {
  return [...categories.values()].sort((a, b) => a.order - b.order);
}
