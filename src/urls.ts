// Every address of the site, in one module: pages, lists, feeds, sitemaps, and the files editors put
// under content/. Site paths start with "/" and leave out the path prefix: Eleventy's HTML base
// plugin adds it to every link in the written pages, and `absoluteUrl` adds it for feeds, sitemaps
// and share links. Arabic segments are percent-encoded here, once.
import path from "node:path";
import { isHttpUrl } from "./content/http-url.ts";
import { realFileInside } from "./content/path-rule.ts";
import type { SiteSettings } from "./content/registries.ts";
import { slugify } from "./content/slug.ts";

/** The site's fixed pages. */
export const SITE_PATHS = {
  home: "/",
  latest: "/latest/",
  search: "/search/",
  tags: "/tags/",
  sources: "/sources/",
  notFound: "/404.html",
  sitemap: "/sitemap.xml",
  newsSitemap: "/news-sitemap.xml",
  /** The newest stories, for the «الأحدث» box the story pages' script fills (src/site/views.ts `latestStories`). */
  latestJson: "/latest.json",
  robots: "/robots.txt",
  headers: "/_headers",
  redirects: "/_redirects",
} as const;

/** Encoded files (pictures' versions, share pictures, crops) are served under this path. */
export const PICTURES_PATH = "/img/";

/** A theme file (hashed CSS or JavaScript, the favicon) or, with "fonts/", a font file. */
export function assetUrl(name: string): string {
  return `/assets/${name}`;
}

export function storyUrl(slug: string): string {
  return `/news/${encodeURIComponent(slug)}/`;
}

export function categoryUrl(id: string): string {
  return `/category/${id}/`;
}

export function tagUrl(tag: string): string {
  return `/tag/${encodeURIComponent(slugify(tag))}/`;
}

/** What names a source's list: its registry id, else its name under the slug rule. */
export function sourceKey(source: { id?: string; name: string }): string {
  return source.id ?? slugify(source.name);
}

export function sourceUrl(source: { id?: string; name: string }): string {
  return `/source/${encodeURIComponent(sourceKey(source))}/`;
}

/** Archive page `number` of a list whose front page is `firstUrl`, counted from the oldest (1): its
 * address never changes what it shows once the page is full (src/site/lists.ts `paginate`). */
export function archivePageUrl(firstUrl: string, number: number): string {
  return `${firstUrl}page/${number}/`;
}

/** A feed file of the page at `home` (/ or a category page), e.g. /category/politics/feed.xml. */
export function feedUrl(home: string, file: string): string {
  return `${home}${file}`;
}

/** A part of a sitemap split into several files: by name (a month such as "2025-12", "pages") or number. */
export function sitemapPartUrl(part: number | string): string {
  return `/sitemap-${part}.xml`;
}

/** Output path of a site URL such as /news/%D8%AE/ (relative to the output folder, percent-decoded). */
export function pageFile(url: string): string {
  return `${decodeURIComponent(url).replace(/^\//, "")}index.html`;
}

/** Absolute URL of a site path (which starts with "/"), with the base URL and the path prefix. */
export function absoluteUrl(site: Pick<SiteSettings, "baseUrl" | "pathPrefix">, sitePath: string): string {
  if (isHttpUrl(sitePath)) return sitePath;
  return `${site.baseUrl}${site.pathPrefix.replace(/\/$/, "")}${sitePath}`;
}

/** Site URL of a file under content/ (copied to the same path), each segment percent-encoded. */
export function contentFileUrl(contentDir: string, file: string): string {
  return `/${path.relative(contentDir, file).split(path.sep).map(encodeURIComponent).join("/")}`;
}

/** A path as written, percent-escapes decoded; one with a stray % (a file named "50%.jpg") is taken as it is. */
function decodedPath(written: string): string {
  try {
    return decodeURI(written);
  } catch {
    return written;
  }
}

/** Resolves a picture/video path written in a story: relative to the story, or from content/;
 * null when no such file is inside content/. */
export function assetResolver(contentDir: string, storyFile: string): (src: string) => string | null {
  const storyDir = path.dirname(storyFile);
  return (src) => {
    const clean = decodedPath(src.replace(/[?#].*$/, ""));
    const candidates = clean.startsWith("/")
      ? [path.join(contentDir, clean)]
      : clean.startsWith("./") || clean.startsWith("../")
        ? [path.join(storyDir, clean)]
        : [path.join(storyDir, clean), path.join(contentDir, clean)];
    // inside content/ once symbolic links are followed: a link never leads a story to a file elsewhere
    const found = candidates.find((file) => realFileInside(contentDir, file) !== undefined);
    return found ? contentFileUrl(contentDir, found) : null;
  };
}

/** Site URL of a path written in a registry (site.json, sources.json): a path from content/, or null when missing. */
export function registryAssetUrl(contentDir: string, src: string): string | null {
  return assetResolver(contentDir, path.join(contentDir, "_data", "registry"))(src.startsWith("/") ? src : `/${src}`);
}
