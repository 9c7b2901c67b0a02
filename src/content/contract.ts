// The content contract (docs/content.md) as code: checks one story's front matter and says, for every
// problem, the field, what is wrong and what is expected. Pure: registries come in as arguments.
// Text is clean at the edge (clean-text.ts): control characters are refused in every text of the
// front matter, bidi controls are balanced in text fields, invisible characters are removed from
// addresses and slugs, and every name that becomes part of an output path passes the path rule.
import type { DateTime } from "luxon";
import { cleanAddress, cleanLine, findNotText, hasVisibleText, notTextName, printable, quote } from "./clean-text.ts";
import { parseStoryDate } from "./dates.ts";
import { isHttpUrl } from "./http-url.ts";
import { pathSegmentProblem } from "./path-rule.ts";
import type { FieldProblem } from "./problems.ts";
import type { Category, RegisteredSource } from "./registries.ts";
import { isValidSlug, slugify } from "./slug.ts";
import { closest } from "./suggest.ts";
import { parseVideoUrl } from "./video-url.ts";

export interface StoryImageInput {
  src: string;
  alt: string;
  caption?: string;
  credit?: string;
  /** Pixel size of a remote picture (local pictures are measured by the build). */
  width?: number;
  height?: number;
}

export interface StoryVideoInput {
  url: string;
  poster?: string;
  caption?: string;
}

export interface StorySourceInput {
  id?: string;
  name: string;
  url: string;
  homepage?: string;
  logo?: string;
}

/** Front matter that passed the contract, with registry references resolved. */
export interface ValidFrontMatter {
  title: string;
  date: DateTime;
  updated?: DateTime;
  summary?: string;
  category: Category;
  tags: string[];
  source: StorySourceInput;
  image?: StoryImageInput;
  video?: StoryVideoInput;
  related: string[];
  slug?: string;
  draft: boolean;
}

export interface ValidationContext {
  timeZone: string;
  categories: Map<string, Category>;
  sources: Map<string, RegisteredSource>;
}

const KNOWN_FIELDS = ["title", "date", "updated", "summary", "category", "tags", "source", "image", "video", "related", "slug", "draft"];
const NESTED_FIELDS: Record<string, string[]> = {
  source: ["id", "name", "url"],
  image: ["src", "alt", "caption", "credit", "width", "height"],
  video: ["url", "poster", "caption"],
};
/** Field limits, in characters (code points). */
export const LIMITS = { title: 200, summary: 600, tags: 20, tag: 50 } as const;

type Result<T> = { value: T; problems: FieldProblem[] } | { value?: undefined; problems: FieldProblem[] };

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const describe = (v: unknown) => (Array.isArray(v) ? "a list" : isMap(v) ? "a set of fields" : v === null ? "nothing" : typeof v === "string" ? quote(v, 80) : JSON.stringify(v));
const length = (value: string) => [...value].length;
const tooLong = (value: string, max: number) => `is ${length(value)} characters long; expected at most ${max}`;

/** What is said of text that holds a character that is not text; undefined when it holds none. */
function notTextProblem(value: string): string | undefined {
  const found = findNotText(value);
  return found ? `holds ${notTextName(found.code)} at character ${length(value.slice(0, found.index)) + 1}; expected text without control characters` : undefined;
}

/** Misspelt known field names: `tittle` → title. Unknown fields that resemble nothing are kept silently. */
function misspelt(data: Record<string, unknown>, known: string[], prefix: string): FieldProblem[] {
  return Object.keys(data)
    .filter((key) => !known.includes(key))
    .flatMap((key) => {
      const guess = closest(key, known);
      return guess
        ? [{ field: prefix + printable(key), message: `unknown field ${quote(key)}; did you mean "${guess}"?` }]
        : [];
    });
}

/** What is said of an id a registry does not have: the valid ones, the likely one, then `alternative`. */
export function unknownIdMessage(registry: Map<string, unknown>, id: string, kind: "source" | "category", expected: string, alternative = ""): string {
  const guess = closest(id, registry.keys());
  return `unknown ${kind} ${quote(id)}; expected ${expected}${guess ? `; did you mean "${guess}"?` : ""}${alternative}`;
}

/** Looks an id up in a registry; an unknown id is a problem naming the valid ones and the likely one. */
function registryEntry<T>(registry: Map<string, T>, id: string, kind: "source" | "category", expected: string, alternative: string, problems: FieldProblem[]): T | undefined {
  const entry = registry.get(id);
  if (!entry) problems.push({ field: kind === "source" ? "source.id" : "category", message: unknownIdMessage(registry, id, kind, expected, alternative) });
  return entry;
}

/**
 * A text field: a string (or a number, taken as text) without control characters, in NFC, trimmed.
 * Text fields (`kind` "text") become one line with their bidi controls balanced; addresses, paths
 * and slugs (`kind` "address") lose their invisible characters. Only invisible characters counts
 * as not given.
 */
function text(data: Record<string, unknown>, key: string, field: string, problems: FieldProblem[], required: boolean, kind: "text" | "address" = "text"): string | undefined {
  const value = data[key];
  const missing = () => {
    if (required) problems.push({ field, message: "is missing; expected text" });
    return undefined;
  };
  if (value === undefined || value === null || value === "") return missing();
  if (typeof value !== "string" && typeof value !== "number") {
    problems.push({ field, message: `is ${describe(value)}; expected text` });
    return undefined;
  }
  const raw = String(value);
  const bad = notTextProblem(raw);
  if (bad) {
    problems.push({ field, message: bad });
    return undefined;
  }
  const clean = kind === "text" ? cleanLine(raw) : cleanAddress(raw);
  return hasVisibleText(clean) ? clean : missing();
}

/** A picture or poster path: relative to the story, from content/, or http(s). */
function assetPath(value: string, field: string, problems: FieldProblem[]): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(value) && !isHttpUrl(value)) {
    problems.push({ field, message: `${quote(value)} is not allowed; expected a path next to the story (./picture.jpg), a path from content/, or an http(s) URL` });
    return undefined;
  }
  return value;
}

function validateSource(value: unknown, ctx: ValidationContext, problems: FieldProblem[]): StorySourceInput | undefined {
  if (value === undefined || value === null) {
    problems.push({ field: "source", message: "is missing; every story is attributed: expected source with a name (or a registry id) and the original story's url" });
    return undefined;
  }
  if (!isMap(value)) {
    problems.push({ field: "source", message: `is ${describe(value)}; expected fields id or name, and url` });
    return undefined;
  }
  problems.push(...misspelt(value, NESTED_FIELDS.source!, "source."));
  const id = text(value, "id", "source.id", problems, false, "address");
  let registered: RegisteredSource | undefined;
  if (id !== undefined) {
    const keys = [...ctx.sources.keys()].join(", ");
    registered = registryEntry(ctx.sources, id, "source", `a key of content/_data/sources.json (${keys})`, ", or leave id out and give source.name", problems);
  }
  const idGiven = value.id !== undefined && value.id !== null && value.id !== ""; // a refused id still says the name may come from the registry
  const givenName = text(value, "name", "source.name", problems, !idGiven);
  if (givenName !== undefined && !idGiven) {
    // without an id, the name's slug is the address of the source's page: /source/<slug>/
    const key = slugify(givenName);
    const problem = key === "" ? "is empty: the name has no letter or digit" : pathSegmentProblem(key)?.replace(/^"[^"]*" /, "");
    if (problem) problems.push({ field: "source.name", message: `gives the source's page (/source/<slug>/) a slug that ${problem}; or give source.id` });
  }
  const name = givenName ?? registered?.name;
  const url = text(value, "url", "source.url", problems, true, "address");
  if (url !== undefined && !isHttpUrl(url)) {
    problems.push({ field: "source.url", message: `${quote(url)} is not an http or https URL; expected the original story's address, e.g. https://www.example.com/news/123` });
  }
  if (!name || !url || !isHttpUrl(url) || (id !== undefined && !registered)) return undefined;
  return { id, name, url, homepage: registered?.homepage, logo: registered?.logo };
}

function validateImage(value: unknown, problems: FieldProblem[]): StoryImageInput | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isMap(value)) {
    problems.push({ field: "image", message: `is ${describe(value)}; expected fields src and alt (caption and credit optional)` });
    return undefined;
  }
  problems.push(...misspelt(value, NESTED_FIELDS.image!, "image."));
  const rawSrc = text(value, "src", "image.src", problems, true, "address");
  const src = rawSrc === undefined ? undefined : assetPath(rawSrc, "image.src", problems);
  const before = problems.length;
  const alt = text(value, "alt", "image.alt", problems, false);
  if (alt === undefined && problems.length === before) problems.push({ field: "image.alt", message: "is missing; expected a description of the picture for readers who cannot see it" });
  const caption = text(value, "caption", "image.caption", problems, false);
  const credit = text(value, "credit", "image.credit", problems, false);
  const width = pixels(value, "width", problems);
  const height = pixels(value, "height", problems);
  const given = (key: string) => value[key] !== undefined && value[key] !== null;
  if (given("width") !== given("height")) problems.push({ field: `image.${given("width") ? "height" : "width"}`, message: "is missing; expected both width and height of the picture, or neither" });
  const size = width !== undefined && height !== undefined ? { width, height } : {};
  return src !== undefined && alt !== undefined ? { src, alt, caption, credit, ...size } : undefined;
}

/** image.width / image.height: a whole number of pixels. */
function pixels(data: Record<string, unknown>, key: "width" | "height", problems: FieldProblem[]): number | undefined {
  const value = data[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value === "number" && Number.isInteger(value) && value > 0) return value;
  problems.push({ field: `image.${key}`, message: `is ${describe(value)}; expected a whole number of pixels, such as 1200` });
  return undefined;
}

function validateVideo(value: unknown, problems: FieldProblem[]): StoryVideoInput | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isMap(value)) {
    problems.push({ field: "video", message: `is ${describe(value)}; expected fields url (caption and poster optional)` });
    return undefined;
  }
  problems.push(...misspelt(value, NESTED_FIELDS.video!, "video."));
  const url = text(value, "url", "video.url", problems, true, "address");
  if (url !== undefined && !parseVideoUrl(url)) {
    problems.push({ field: "video.url", message: `${quote(url)} is not a video we can embed; expected a YouTube or Vimeo address, or an .mp4/.webm file` });
  }
  const rawPoster = text(value, "poster", "video.poster", problems, false, "address");
  const poster = rawPoster === undefined ? undefined : assetPath(rawPoster, "video.poster", problems);
  const caption = text(value, "caption", "video.caption", problems, false);
  return url !== undefined && parseVideoUrl(url) ? { url, poster, caption } : undefined;
}

/** A list of text (`kind` as in text()); entries without anything visible are dropped, repeated ones kept once. */
function stringList(value: unknown, field: string, what: string, problems: FieldProblem[], kind: "text" | "address"): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== "string" && typeof v !== "number")) {
    problems.push({ field, message: `is ${describe(value)}; expected a list of ${what}, e.g. [first, second]` });
    return [];
  }
  const entries: string[] = [];
  value.forEach((v, i) => {
    const raw = String(v);
    const bad = notTextProblem(raw);
    if (bad) problems.push({ field, message: `entry ${i + 1} ${bad}` });
    else entries.push(kind === "text" ? cleanLine(raw) : cleanAddress(raw));
  });
  return [...new Set(entries.filter(hasVisibleText))];
}

/** Tags: how many, how long, and each tag's slug (its page's address, /tag/<slug>/) under the path rule. */
function checkTags(tags: string[], problems: FieldProblem[]): void {
  if (tags.length > LIMITS.tags) problems.push({ field: "tags", message: `has ${tags.length} tags; expected at most ${LIMITS.tags}` });
  tags.forEach((tag, i) => {
    const name = `tag ${i + 1} (${quote(tag, 30)})`;
    if (length(tag) > LIMITS.tag) return problems.push({ field: "tags", message: `${name} ${tooLong(tag, LIMITS.tag)}` });
    const slug = slugify(tag);
    const problem = slug === "" ? undefined : pathSegmentProblem(slug); // a tag without letters or digits has no page
    if (problem) problems.push({ field: "tags", message: `${name} gives its page the slug ${quote(slug, 30)}, which ${problem.replace(/^"[^"]*" /, "")}` });
  });
}

/** Unknown fields are kept for layouts: their text is held to the same rule (no control characters). */
function checkUnknown(value: unknown, field: string, problems: FieldProblem[]): void {
  if (typeof value === "string") {
    const bad = notTextProblem(value);
    if (bad) problems.push({ field, message: bad });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => checkUnknown(v, `${field}[${i}]`, problems));
  } else if (isMap(value)) {
    for (const [key, v] of Object.entries(value)) checkUnknown(v, `${field}.${printable(key)}`, problems);
  }
}

export function validateFrontMatter(data: Record<string, unknown>, ctx: ValidationContext): Result<ValidFrontMatter> {
  const problems: FieldProblem[] = misspelt(data, KNOWN_FIELDS, "");

  for (const [key, value] of Object.entries(data)) {
    const known = NESTED_FIELDS[key];
    if (!KNOWN_FIELDS.includes(key)) checkUnknown(value, printable(key), problems);
    else if (known && isMap(value)) for (const [inner, v] of Object.entries(value)) if (!known.includes(inner)) checkUnknown(v, `${key}.${printable(inner)}`, problems);
  }

  const title = text(data, "title", "title", problems, true);
  if (title !== undefined && length(title) > LIMITS.title) problems.push({ field: "title", message: `is ${length(title)} characters long; expected 1-${LIMITS.title}` });

  let date: DateTime | undefined;
  if (data.date === undefined || data.date === null || data.date === "") {
    problems.push({ field: "date", message: "is missing; expected an ISO 8601 date such as 2025-12-03T10:15:00+03:00" });
  } else {
    date = parseStoryDate(data.date, ctx.timeZone) ?? undefined;
    if (!date) problems.push({ field: "date", message: `${describe(data.date)} is not a date; expected ISO 8601 such as 2025-12-03T10:15:00+03:00 or 2025-12-03` });
  }
  let updated: DateTime | undefined;
  if (data.updated !== undefined && data.updated !== null) {
    updated = parseStoryDate(data.updated, ctx.timeZone) ?? undefined;
    if (!updated) problems.push({ field: "updated", message: `${describe(data.updated)} is not a date; expected ISO 8601 such as 2025-12-03T12:00:00+03:00` });
    else if (date && updated < date) problems.push({ field: "updated", message: `${updated.toISO()} is before date ${date.toISO()}; expected a time not before date` });
  }

  const summary = text(data, "summary", "summary", problems, false);
  if (summary !== undefined && length(summary) > LIMITS.summary) problems.push({ field: "summary", message: tooLong(summary, LIMITS.summary) });

  let category: Category | undefined;
  const categoryId = text(data, "category", "category", problems, true, "address");
  if (categoryId !== undefined) {
    category = registryEntry(ctx.categories, categoryId, "category", `one of ${[...ctx.categories.keys()].join(", ")}`, "", problems);
  }

  const tags = stringList(data.tags, "tags", "tags", problems, "text");
  checkTags(tags, problems);
  const source = validateSource(data.source, ctx, problems);
  const image = validateImage(data.image, problems);
  const video = validateVideo(data.video, problems);
  const related = stringList(data.related, "related", "story slugs", problems, "address");

  const slug = text(data, "slug", "slug", problems, false, "address");
  if (slug !== undefined && !isValidSlug(slug)) {
    problems.push({ field: "slug", message: `${quote(slug, 80)} is not a valid slug; expected letters and digits joined by single hyphens, without diacritics` });
  } else if (slug !== undefined) {
    const problem = pathSegmentProblem(slug); // the story's page is /news/<slug>/
    if (problem) problems.push({ field: "slug", message: problem });
  }
  if (data.draft !== undefined && data.draft !== null && typeof data.draft !== "boolean") {
    problems.push({ field: "draft", message: `is ${describe(data.draft)}; expected true or false` });
  }

  if (problems.length || !title || !date || !category || !source) return { problems };
  return {
    problems,
    value: { title, date, updated, summary, category, tags, source, image, video, related, slug, draft: data.draft === true },
  };
}
