// The registries in content/_data/: site settings, categories and sources.
// Read once per build by the content loader (validation needs them before any page exists).
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Digits } from "./dates.ts";
import { isHttpUrl } from "./http-url.ts";
import { ContentError, type FieldProblem } from "./problems.ts";

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
  /** The related engine's settings as written (list lengths, weights); checked and completed by
   * the engine itself (src/related/config.ts), through `RegistryOptions.settingsChecks`. */
  related: Record<string, unknown>;
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
  related: {},
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

/** What a caller may add to reading the registries. */
export interface RegistryOptions {
  /** Serve under this sub-path instead of site.json's pathPrefix (`npm run build -- --pathprefix`). */
  pathPrefix?: string;
  /** More checks of site.json, each returning its problems (the related engine checks its settings). */
  settingsChecks?: Array<(raw: Record<string, unknown>) => FieldProblem[]>;
}

/** Fills defaults and checks the settings the engine relies on; throws a ContentError listing every
 * problem, as from `file` (where the settings were read). */
export function normalizeSite(raw: Record<string, unknown>, file = "content/_data/site.json", options: RegistryOptions = {}): SiteSettings {
  const site = { ...SITE_DEFAULTS, ...raw } as SiteSettings;
  site.home = { ...SITE_DEFAULTS.home, ...(raw.home as object) };
  site.syndication = { ...SITE_DEFAULTS.syndication, ...(raw.syndication as object) };
  site.related = { ...(raw.related as object) };
  const problems: FieldProblem[] = [];
  const problem = (field: string, message: string) => problems.push({ field, message });
  if (typeof site.name !== "string" || !site.name) problem("name", "expected the site's name");
  if (typeof site.baseUrl !== "string" || !isHttpUrl(site.baseUrl)) {
    problem("baseUrl", "expected an absolute http(s) URL such as https://example.com");
  } else {
    site.baseUrl = site.baseUrl.replace(/\/+$/, "");
  }
  site.pathPrefix = normalizePathPrefix(options.pathPrefix ?? site.pathPrefix);
  if (!Number.isInteger(site.listPageSize) || site.listPageSize < 1) problem("listPageSize", `expected a whole number of stories per page, got ${JSON.stringify(site.listPageSize)}`);
  if (site.syndication.canonical !== "site" && site.syndication.canonical !== "original") problem("syndication.canonical", `expected "site" or "original", got ${JSON.stringify(site.syndication.canonical)}`);
  if (site.digits !== "latn" && site.digits !== "arab") problem("digits", `expected "latn" or "arab", got ${JSON.stringify(site.digits)}`);
  if (!isValidZone(site.timeZone)) problem("timeZone", `expected an IANA time zone such as Asia/Riyadh, got ${JSON.stringify(site.timeZone)}`);
  for (const check of options.settingsChecks ?? []) problems.push(...check(raw));
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

/** The path prefix for Eleventy's config, read synchronously before any data is loaded: `override`
 * (the command line's), else site.json's. */
export function readPathPrefix(contentDir: string, override?: string): string {
  try {
    const raw = JSON.parse(readFileSync(path.join(contentDir, "_data", "site.json"), "utf8")) as { pathPrefix?: string };
    return normalizePathPrefix(override ?? raw.pathPrefix);
  } catch {
    return normalizePathPrefix(override);
  }
}

async function readJson(file: string): Promise<Record<string, unknown>> {
  try {
    return JSON.parse(await readFile(file, "utf8")) as Record<string, unknown>;
  } catch (error) {
    throw new Error(`${file}: cannot read the registry (${(error as Error).message})`);
  }
}

export async function loadRegistries(dataDir: string, options: RegistryOptions = {}): Promise<Registries> {
  const [siteRaw, categoriesRaw, sourcesRaw] = await Promise.all(
    ["site.json", "categories.json", "sources.json"].map((name) => readJson(path.join(dataDir, name))),
  );
  const categories = new Map<string, Category>();
  Object.entries(categoriesRaw ?? {}).forEach(([id, value], index) => {
    const entry = (typeof value === "string" ? { name: value } : value) as { name: string; order?: number };
    categories.set(id, { id, name: entry.name, order: entry.order ?? index + 1 });
  });
  const sources = new Map<string, RegisteredSource>();
  for (const [id, value] of Object.entries(sourcesRaw ?? {})) {
    sources.set(id, { id, ...(value as Omit<RegisteredSource, "id">) });
  }
  return { site: normalizeSite(siteRaw ?? {}, path.relative(process.cwd(), path.join(dataDir, "site.json")), options), categories, sources };
}

/** Categories in the order editors set in the registry. */
export function orderedCategories<C extends Category>(categories: Map<string, C>): C[] {
  return [...categories.values()].sort((a, b) => a.order - b.order);
}
