// The registries in content/_data/: site settings, categories and sources.
// Read once per build by the content loader (validation needs them before any page exists).
// They get the same treatment as stories: every problem in every registry is listed at once, each
// with its file and field (a ContentError), and nothing is built from a registry that has one.
// - Every address (baseUrl, logos, homepages, social and app links, defaultImage.src) is http(s),
//   or for a logo or picture a path inside content/, and holds no line break, control or invisible
//   character, space, markup character (< > " ' `) or backslash: each is printed into pages, feeds,
//   _headers and robots.txt as it is written.
// - The path prefix (site.json's or --pathprefix) is path segments of safe ASCII characters, each
//   passing the path rule (path-rule.ts): _headers, _redirects and robots.txt print it.
// - Category and source ids are output paths (/category/<id>/, /source/<id>/): each passes the
//   path rule and holds only letters, digits, hyphens, underscores and dots.
// - Names are text (one line, no control characters); a source without a name is a problem.
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { cleanLine, findNotText, hasVisibleText, notTextName, printable, quote } from "./clean-text.ts";
import type { Digits } from "./dates.ts";
import { isHttpUrl } from "./http-url.ts";
import { pathSegmentProblem } from "./path-rule.ts";
import { ContentError, type ContentProblem, type FieldProblem } from "./problems.ts";

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

// --- the checks every registry shares -------------------------------------------------------------


const isMap = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const describe = (v: unknown) =>
  v === undefined ? "missing" : Array.isArray(v) ? "a list" : isMap(v) ? "a set of fields" : v === null ? "nothing" : typeof v === "string" ? quote(v) : JSON.stringify(v);

/** Line breaks of every kind, vertical tab and form feed included. */
const LINE_BREAK = /[\n\r\u000b\u000c\u0085\u2028\u2029]/;
/** Bidi controls and marks, zero-width characters, the soft hyphen, the BOM: they make an address read as another. */
const INVISIBLE = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/;
/** Characters that end an attribute or start a tag where an address is printed. */
const MARKUP = /[<>"'`]/;
/** A scheme at the start (javascript:, data:, https:). */
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/** Characters no address or path may hold, whatever its kind: undefined when there is none. */
function hiddenProblem(value: string): string | undefined {
  if (LINE_BREAK.test(value)) return "holds a line break";
  const notText = findNotText(value);
  if (notText) return `holds ${notTextName(notText.code)}`;
  if (INVISIBLE.test(value)) return "holds an invisible character (a bidi control, a zero-width character or a soft hyphen)";
  if (/\s/u.test(value)) return "holds a space or tab (write a space in an address as %20)";
  return undefined;
}

/** Characters that would end the attribute or the line an address is printed in. */
function markupProblem(value: string): string | undefined {
  const markup = MARKUP.exec(value);
  if (markup) return `holds the markup character ${markup[0]}`;
  if (value.includes("\\")) return "holds a backslash (\\)";
  return undefined;
}

const HTTP_EXPECTED = "an http(s) address such as https://www.example.com/";
const PATH_EXPECTED = "a path from content/ (such as assets/logo.png) or an http(s) address";

/** The problem with an http(s) address written in a registry; undefined when it is fine. */
export function httpAddressProblem(value: unknown, expected = HTTP_EXPECTED): string | undefined {
  if (typeof value !== "string" || value === "") return `is ${value === "" ? "empty" : describe(value)}; expected ${expected}`;
  const hidden = hiddenProblem(value);
  if (hidden) return `${quote(value)} ${hidden}; expected ${expected}`;
  const scheme = SCHEME.exec(value)?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== "http" && scheme !== "https") return `${quote(value)} is a ${scheme}: address, which is not allowed; expected ${expected}`;
  const markup = markupProblem(value);
  if (markup) return `${quote(value)} ${markup}; expected ${expected}`;
  if (!isHttpUrl(value)) return `${quote(value)} is not an absolute http(s) address; expected ${expected}`;
  return undefined;
}

/** The problem with a picture written in a registry (a logo, the default share picture): an
 * http(s) address or a path inside content/ (that the file exists is checked by the newsroom). */
export function addressOrPathProblem(value: unknown, expected = PATH_EXPECTED): string | undefined {
  if (typeof value !== "string" || value === "") return `is ${value === "" ? "empty" : describe(value)}; expected ${expected}`;
  const scheme = SCHEME.exec(value)?.[1]?.toLowerCase();
  if (scheme === "http" || scheme === "https") return httpAddressProblem(value, expected);
  const hidden = hiddenProblem(value);
  if (hidden) return `${quote(value)} ${hidden}; expected ${expected}`;
  if (scheme !== undefined) return `${quote(value)} is a ${scheme}: address, which is not allowed; expected ${expected}`;
  const markup = markupProblem(value);
  if (markup) return `${quote(value)} ${markup}; expected ${expected}`;
  if (value.startsWith("//")) return `${quote(value)} is an address without its scheme; expected ${expected}`;
  if (value.split("/").some((segment) => segment === "..")) return `${quote(value)} leads out of its folder (..); expected ${expected}`;
  return undefined;
}

/** Characters of one part of the path prefix: ASCII letters, digits and - . _ ~ (printed as they are in _headers and robots.txt). */
const PREFIX_PART = /^[A-Za-z0-9._~-]+$/;

/**
 * The problem with a path prefix (site.json's `pathPrefix`, `--pathprefix`); undefined when it is
 * fine. Slashes at either end do not matter; every part between them must pass the path rule and
 * hold only ASCII letters, digits and - . _ ~.
 */
export function pathPrefixProblem(prefix: unknown): string | undefined {
  const expected = "expected a path of letters, digits and - . _ ~ such as /news/ (or / for the root)";
  if (typeof prefix !== "string") return `is ${describe(prefix)}; ${expected}`;
  const trimmed = prefix.replace(/^\/+|\/+$/g, "");
  if (trimmed === "") return undefined;
  const hidden = hiddenProblem(prefix);
  if (hidden) return `${quote(prefix)} ${hidden}; ${expected}`;
  for (const part of trimmed.split("/")) {
    const rule = pathSegmentProblem(part);
    if (rule) return `${quote(prefix)}: the part ${quote(part)} ${withoutName(rule, part)}`;
    const bad = [...part].find((char) => !PREFIX_PART.test(char));
    if (bad !== undefined) return `${quote(prefix)}: the part ${quote(part)} holds ${quote(bad)}; ${expected}`;
  }
  return undefined;
}

/** A message of pathSegmentProblem without the name it starts with (the caller quotes it its own way). */
function withoutName(message: string, name: string): string {
  for (const shown of [`"${name}" `, `${JSON.stringify(name)} `]) if (message.startsWith(shown)) return message.slice(shown.length);
  return message;
}

/** Letters and digits (any script), hyphens, underscores and dots: what an id that is an address may hold. */
const ID_CHARS = /^[\p{L}\p{N}_.-]$/u;

/** The problem with a registry id that becomes part of an output path (`page` says which); undefined when it is fine. */
export function registryIdProblem(id: string, page: string): string | undefined {
  const where = `; the id is the address of ${page}`;
  const rule = pathSegmentProblem(id);
  if (rule) return `the id ${quote(id, 60)} ${withoutName(rule, id)}${where}`;
  const bad = [...id].find((char) => !ID_CHARS.test(char));
  if (bad !== undefined) return `the id ${quote(id, 60)} holds ${quote(bad)}; expected letters, digits, hyphens, underscores and dots${where}`;
  if (id.normalize("NFC") !== id) return `the id ${quote(id, 60)} is not in Unicode NFC (stories' text is), so no story could name it; expected the same letters, composed`;
  return undefined;
}

/** An id as the field of a problem line: printable, cut short. */
function idField(id: string): string {
  if (id === "") return '""';
  const chars = [...id];
  return printable(chars.length > 60 ? `${chars.slice(0, 59).join("")}…` : id);
}

/**
 * Text a registry gives readers (a name, a tagline): a string with something visible, no control
 * characters; returned as one line, in NFC, trimmed (as stories' text). Undefined, with a problem,
 * when it is not; undefined without one when it is not given and not `required`.
 */
function registryText(value: unknown, field: string, problems: FieldProblem[], required: boolean, expected: string): string | undefined {
  if (value === undefined || value === null || value === "") {
    if (required) problems.push({ field, message: `is missing; expected ${expected}` });
    return undefined;
  }
  if (typeof value !== "string") {
    problems.push({ field, message: `is ${describe(value)}; expected ${expected}` });
    return undefined;
  }
  const notText = findNotText(value);
  if (notText) {
    problems.push({ field, message: `${quote(value)} holds ${notTextName(notText.code)}; expected ${expected} without control characters` });
    return undefined;
  }
  const clean = cleanLine(value);
  if (!hasVisibleText(clean)) {
    problems.push({ field, message: `has no visible text; expected ${expected}` });
    return undefined;
  }
  return clean;
}

/** Ids that differ only in case or composition would be one folder on a case-insensitive disk. */
function sameFolder(ids: Map<string, string>, id: string): string | undefined {
  const key = id.normalize("NFC").toLowerCase();
  const other = ids.get(key);
  if (other === undefined) ids.set(key, id);
  return other;
}

// --- site.json --------------------------------------------------------------------------------------

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

/** Where a problem with `--pathprefix` is reported: it is no file's. */
export const COMMAND_LINE = "(command line)";

/** Fills defaults and checks every setting; throws a ContentError listing every problem, as from
 * `file` (where the settings were read). */
export function normalizeSite(raw: Record<string, unknown>, file = "content/_data/site.json", options: RegistryOptions = {}): SiteSettings {
  const { site, problems } = checkSite(raw, file, options);
  if (problems.length) throw new ContentError(problems);
  return site;
}

function checkSite(raw: Record<string, unknown>, file: string, options: RegistryOptions): { site: SiteSettings; problems: ContentProblem[] } {
  const site = { ...SITE_DEFAULTS, ...raw } as SiteSettings;
  site.home = { ...SITE_DEFAULTS.home, ...(raw.home as object) };
  site.syndication = { ...SITE_DEFAULTS.syndication, ...(raw.syndication as object) };
  site.sourceLinks = { ...SITE_DEFAULTS.sourceLinks, ...(raw.sourceLinks as object) };
  site.related = { ...(raw.related as object) };
  const found: FieldProblem[] = [];
  const problem = (field: string, message: string) => found.push({ field, message });
  const address = (field: string, value: unknown, check: (v: unknown) => string | undefined) => {
    const message = check(value);
    if (message) problem(field, message);
  };

  const name = registryText(raw.name, "name", found, true, "the site's name");
  if (name !== undefined) site.name = name;
  for (const key of ["tagline", "description"] as const) {
    const text = registryText(raw[key], key, found, false, key === "tagline" ? "a line of text" : "a description of the site");
    if (text !== undefined) site[key] = text;
  }
  const baseUrlProblem = httpAddressProblem(raw.baseUrl, "an absolute http(s) URL such as https://example.com");
  if (baseUrlProblem) problem("baseUrl", baseUrlProblem);
  else {
    const url = new URL(site.baseUrl);
    if (url.username || url.password || url.search || url.hash || site.baseUrl.includes("?") || site.baseUrl.includes("#")) {
      problem("baseUrl", `${quote(site.baseUrl)} holds a user name, a query (?) or a fragment (#); expected the site's address alone, such as https://example.com`);
    } else {
      site.baseUrl = site.baseUrl.replace(/\/+$/, "");
    }
  }
  if (raw.pathPrefix !== undefined) {
    const prefixProblem = pathPrefixProblem(raw.pathPrefix);
    if (prefixProblem) problem("pathPrefix", prefixProblem);
  }
  let prefixFromOption: ContentProblem | undefined;
  if (options.pathPrefix !== undefined) {
    const optionProblem = pathPrefixProblem(options.pathPrefix);
    if (optionProblem) prefixFromOption = { file: COMMAND_LINE, field: "--pathprefix", message: optionProblem };
  }
  site.pathPrefix = normalizePathPrefix(typeof (options.pathPrefix ?? site.pathPrefix) === "string" ? (options.pathPrefix ?? site.pathPrefix) : undefined);
  if (typeof site.language !== "string" || !/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(site.language)) problem("language", `is ${describe(site.language)}; expected a language code such as "ar" or "ar-SA"`);
  if (site.direction !== "rtl" && site.direction !== "ltr") problem("direction", `expected "rtl" or "ltr", got ${describe(site.direction)}`);
  if (!Number.isInteger(site.listPageSize) || site.listPageSize < 1) problem("listPageSize", `expected a whole number of stories per page, got ${JSON.stringify(site.listPageSize)}`);
  if (!Number.isInteger(site.feedSize) || site.feedSize < 1) problem("feedSize", `expected a whole number of stories of at least 1, got ${JSON.stringify(site.feedSize)}`);
  for (const key of ["latest", "perCategory"] as const) {
    if (!Number.isInteger(site.home[key]) || site.home[key] < 0) problem(`home.${key}`, `expected a whole number of stories, got ${JSON.stringify(site.home[key])}`);
  }
  if (typeof site.sourceLinks.nofollow !== "boolean") problem("sourceLinks.nofollow", `expected true or false, got ${describe(site.sourceLinks.nofollow)}`);
  if (site.syndication.canonical !== "site" && site.syndication.canonical !== "original") problem("syndication.canonical", `expected "site" or "original", got ${JSON.stringify(site.syndication.canonical)}`);
  if (typeof site.syndication.noindex !== "boolean") problem("syndication.noindex", `expected true or false, got ${describe(site.syndication.noindex)}`);
  if (site.digits !== "latn" && site.digits !== "arab") problem("digits", `expected "latn" or "arab", got ${JSON.stringify(site.digits)}`);
  if (!isValidZone(site.timeZone)) problem("timeZone", `expected an IANA time zone such as Asia/Riyadh, got ${JSON.stringify(site.timeZone)}`);
  if (raw.logo !== undefined) address("logo", raw.logo, (v) => addressOrPathProblem(v));
  if (raw.defaultImage !== undefined) checkDefaultImage(raw.defaultImage, found);
  if (raw.apps !== undefined) {
    if (!isMap(raw.apps)) problem("apps", `is ${describe(raw.apps)}; expected { "name", "ios", "android" }`);
    else {
      const appName = registryText(raw.apps.name, "apps.name", found, true, "the app's name");
      if (appName !== undefined) site.apps = { ...(raw.apps as unknown as AppLinks), name: appName };
      // an empty link means none (the box and the footer leave it out)
      for (const store of ["ios", "android"] as const) if (raw.apps[store] !== undefined && raw.apps[store] !== "") address(`apps.${store}`, raw.apps[store], (v) => httpAddressProblem(v, "the store's https address"));
    }
  }
  if (raw.social !== undefined) {
    if (!isMap(raw.social)) problem("social", `is ${describe(raw.social)}; expected { "x", "facebook", "telegram", "xHandle" }`);
    else {
      for (const [network, value] of Object.entries(raw.social)) {
        const field = `social.${printable(network)}`;
        if (network === "xHandle") {
          if (typeof value !== "string" || !/^@?[A-Za-z0-9_]{1,15}$/.test(value)) problem(field, `is ${describe(value)}; expected an X account name such as @khabar`);
        } else if (value !== "") address(field, value, (v) => httpAddressProblem(v, "the account's http(s) address"));
      }
    }
  }
  for (const check of options.settingsChecks ?? []) found.push(...check(raw));
  const problems: ContentProblem[] = found.map((p) => ({ file, ...p }));
  if (prefixFromOption) problems.push(prefixFromOption);
  site.description ??= site.name;
  return { site, problems };
}

function checkDefaultImage(value: unknown, problems: FieldProblem[]): void {
  if (!isMap(value)) {
    problems.push({ field: "defaultImage", message: `is ${describe(value)}; expected { "src", "alt" }` });
    return;
  }
  const src = addressOrPathProblem(value.src);
  if (src) problems.push({ field: "defaultImage.src", message: src });
  registryText(value.alt, "defaultImage.alt", problems, true, "a description of the picture");
  for (const key of ["width", "height"] as const) {
    const size = value[key];
    if (size !== undefined && (!Number.isInteger(size) || (size as number) < 1)) problems.push({ field: `defaultImage.${key}`, message: `expected a whole number of pixels, got ${describe(size)}` });
  }
  if (value.share !== undefined) {
    const share = isMap(value.share) ? addressOrPathProblem(value.share.url) : `is ${describe(value.share)}; expected { "url", "width", "height" }`;
    if (share) problems.push({ field: isMap(value.share) ? "defaultImage.share.url" : "defaultImage.share", message: share });
  }
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
 * (the command line's), else site.json's. A prefix that breaks the rule gives "/" here: the build
 * stops on it anyway when the registries are read (with the problem named). */
export function readPathPrefix(contentDir: string, override?: string): string {
  let prefix = override;
  if (prefix === undefined) {
    try {
      prefix = (JSON.parse(readFileSync(path.join(contentDir, "_data", "site.json"), "utf8")) as { pathPrefix?: string }).pathPrefix;
    } catch {
      prefix = undefined;
    }
  }
  return prefix === undefined || pathPrefixProblem(prefix) ? "/" : normalizePathPrefix(prefix);
}

// --- categories.json and sources.json -------------------------------------------------------------

/** The sections of categories.json, checked: each problem as from `file`. */
export function checkCategories(raw: Record<string, unknown>, file = "content/_data/categories.json"): { categories: Map<string, Category>; problems: ContentProblem[] } {
  const categories = new Map<string, Category>();
  const problems: FieldProblem[] = [];
  const folders = new Map<string, string>();
  Object.entries(raw).forEach(([id, value], index) => {
    const field = idField(id);
    const idProblem = registryIdProblem(id, "the section's page, /category/<id>/");
    if (idProblem) problems.push({ field, message: idProblem });
    const other = sameFolder(folders, id);
    if (other !== undefined) problems.push({ field, message: `differs from the id "${printable(other)}" only in case or composition; on a disk that ignores case both sections' pages would be one folder: expected another id` });
    if (typeof value !== "string" && !isMap(value)) {
      problems.push({ field, message: `is ${describe(value)}; expected { "name": ..., "order": ... } or the name as text` });
      return;
    }
    const entry = typeof value === "string" ? { name: value } : value;
    const name = registryText(entry.name, `${field}.name`, problems, true, "the section's name readers see");
    const order = entry.order ?? index + 1;
    if (typeof order !== "number" || !Number.isFinite(order)) problems.push({ field: `${field}.order`, message: `is ${describe(order)}; expected a number (the section's place in the navigation)` });
    categories.set(id, { id, name: name ?? "", order: order as number });
  });
  return { categories, problems: problems.map((p) => ({ file, ...p })) };
}

/** The sources of sources.json, checked: each problem as from `file`. */
export function checkSources(raw: Record<string, unknown>, file = "content/_data/sources.json"): { sources: Map<string, RegisteredSource>; problems: ContentProblem[] } {
  const sources = new Map<string, RegisteredSource>();
  const problems: FieldProblem[] = [];
  const folders = new Map<string, string>();
  for (const [id, value] of Object.entries(raw)) {
    const field = idField(id);
    const idProblem = registryIdProblem(id, "the source's page, /source/<id>/");
    if (idProblem) problems.push({ field, message: idProblem });
    const other = sameFolder(folders, id);
    if (other !== undefined) problems.push({ field, message: `differs from the id "${printable(other)}" only in case or composition; on a disk that ignores case both sources' pages would be one folder: expected another id` });
    if (!isMap(value)) {
      problems.push({ field, message: `is ${describe(value)}; expected { "name": ..., "homepage": ..., "logo": ... }` });
      continue;
    }
    const name = registryText(value.name, `${field}.name`, problems, true, "the source's name readers see (every story citing the source shows it)");
    if (value.homepage !== undefined) {
      const message = httpAddressProblem(value.homepage, "the source's http(s) address such as https://www.example.com/");
      if (message) problems.push({ field: `${field}.homepage`, message });
    }
    if (value.logo !== undefined) {
      const message = addressOrPathProblem(value.logo, "a path from content/ (such as assets/sources/x.svg) or an http(s) address");
      if (message) problems.push({ field: `${field}.logo`, message });
    }
    if (value.categoryMap !== undefined) {
      const map = value.categoryMap;
      if (!isMap(map) || Object.values(map).some((v) => typeof v !== "string")) {
        problems.push({ field: `${field}.categoryMap`, message: `is ${describe(map)}; expected the feed's category names mapped to category ids, such as { "Politics": "politics" }` });
      }
    }
    sources.set(id, { ...(value as Omit<RegisteredSource, "id">), id, name: name ?? "" });
  }
  return { sources, problems: problems.map((p) => ({ file, ...p })) };
}

async function readJson(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, "utf8")) as unknown;
  } catch (error) {
    throw new Error(`${file}: cannot read the registry (${(error as Error).message})`);
  }
}

/**
 * Reads and checks site.json, categories.json and sources.json. A registry that cannot be read
 * throws an Error naming it; every problem in the three is thrown at once as a ContentError.
 */
/** content/_data/labels.json, the words readers see: read by the newsroom (the video block) and given to templates. */
export async function readLabels(dataDir: string): Promise<Record<string, unknown>> {
  return (await readJson(path.join(dataDir, "labels.json"))) as Record<string, unknown>;
}

export async function loadRegistries(dataDir: string, options: RegistryOptions = {}): Promise<Registries> {
  const names = ["site.json", "categories.json", "sources.json"] as const;
  const [siteRaw, categoriesRaw, sourcesRaw] = await Promise.all(names.map((name) => readJson(path.join(dataDir, name))));
  const [siteFile, categoriesFile, sourcesFile] = names.map((name) => path.relative(process.cwd(), path.join(dataDir, name)) || name) as [string, string, string];
  const problems: ContentProblem[] = [];
  /** Checks a registry that is a set of fields; one that is not is one problem, and is not read further. */
  const whole = <T>(raw: unknown, file: string, expected: string, check: (raw: Record<string, unknown>) => T & { problems: ContentProblem[] }): T | undefined => {
    if (!isMap(raw)) {
      problems.push({ file, field: "(file)", message: `is ${describe(raw)}; expected ${expected}` });
      return undefined;
    }
    const checked = check(raw);
    problems.push(...checked.problems);
    return checked;
  };
  const site = whole(siteRaw, siteFile, 'the site\'s settings, { "name": ..., "baseUrl": ... }', (raw) => checkSite(raw, siteFile, options));
  const categories = whole(categoriesRaw, categoriesFile, 'the sections by id, { "politics": { "name": "سياسة" } }', (raw) => checkCategories(raw, categoriesFile));
  const sources = whole(sourcesRaw, sourcesFile, 'the sources by id, { "afp": { "name": "AFP" } }', (raw) => checkSources(raw, sourcesFile));
  if (problems.length || !site || !categories || !sources) throw new ContentError(problems);
  return { site: site.site, categories: categories.categories, sources: sources.sources };
}

/** Categories in the order editors set in the registry. */
export function orderedCategories<C extends Category>(categories: Map<string, C>): C[] {
  return [...categories.values()].sort((a, b) => a.order - b.order);
}
