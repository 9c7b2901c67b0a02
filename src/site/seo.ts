// What search engines and share previews read: Open Graph / X card values and JSON-LD, computed
// per page from data the engine already has. JSON-LD is serialised with jsonForScript so no field
// (a headline with </script>…) can close its element.
import { jsonForScript } from "../body/safe-html.ts";
import type { SiteSettings } from "../content/registries.ts";
import { absoluteUrl, SITE_PATHS } from "../urls.ts";
import type { ListPage } from "./lists.ts";
import type { Story, StoryPicture } from "./story.ts";

export interface MetaImage {
  url: string;
  alt: string;
  width?: number;
  height?: number;
}

export interface PageMeta {
  type: "article" | "website";
  title: string;
  description: string;
  /** The page's own absolute URL (og:url). */
  url: string;
  image?: MetaImage;
  article?: { published: string; modified: string; section: string; tags: string[] };
  jsonLd?: string;
}

export interface Crumb {
  name: string;
  url: string;
}

/** The share picture of a page: the story's 1200x630 crop (or the site default's), else the picture itself. */
function metaImage(site: SiteSettings, image?: StoryPicture): MetaImage | undefined {
  const picture: StoryPicture | undefined = image ?? site.defaultImage;
  if (!picture) return undefined;
  const shown = picture.share ?? picture;
  return { url: absoluteUrl(site, "url" in shown ? shown.url : shown.src), alt: picture.alt, width: shown.width, height: shown.height };
}

/** NewsArticle `image`: the 16:9, 4:3 and 1:1 crops the picture is large enough for, then the share picture. */
function articleImages(site: SiteSettings, image: StoryPicture | undefined, meta: MetaImage | undefined): string[] | undefined {
  const urls = [...(image?.crops ?? []).map((crop) => absoluteUrl(site, crop.url)), ...(meta ? [meta.url] : [])];
  return urls.length ? [...new Set(urls)] : undefined;
}

function breadcrumbList(site: SiteSettings, labels: PageLabels, crumbs: Crumb[]) {
  return {
    "@type": "BreadcrumbList",
    itemListElement: [{ name: labels.home, url: SITE_PATHS.home }, ...crumbs].map((crumb, i) => ({
      "@type": "ListItem",
      position: i + 1,
      name: crumb.name,
      item: absoluteUrl(site, crumb.url),
    })),
  };
}

function publisher(site: SiteSettings) {
  return {
    "@type": "Organization",
    name: site.name,
    url: absoluteUrl(site, SITE_PATHS.home),
    logo: site.logo ? { "@type": "ImageObject", url: absoluteUrl(site, site.logo) } : undefined,
  };
}

export function storyMeta(story: Story, site: SiteSettings, labels: PageLabels): PageMeta {
  const image = metaImage(site, story.image);
  const modified = story.modified.iso;
  const article = {
    "@type": "NewsArticle",
    headline: story.title,
    description: story.description,
    mainEntityOfPage: story.canonicalUrl,
    url: story.pageUrl,
    datePublished: story.published.iso,
    dateModified: modified,
    inLanguage: site.language,
    articleSection: story.category.name,
    keywords: story.tags.length ? story.tags : undefined,
    image: articleImages(site, story.image, image),
    author: { "@type": "Organization", name: story.source.name, url: story.source.homepage ?? story.source.url },
    isBasedOn: story.source.url,
    publisher: publisher(site),
  };
  return {
    type: "article",
    title: story.title,
    description: story.description,
    url: story.pageUrl,
    image,
    article: { published: story.published.iso, modified, section: story.category.name, tags: story.tags },
    jsonLd: jsonForScript({ "@context": "https://schema.org", "@graph": [article, breadcrumbList(site, labels, [{ name: story.category.name, url: story.category.url }])] }),
  };
}

/** A list page (latest, category, tag, source, indexes): a website page with breadcrumbs. */
export function listMeta(page: { title: string; url: string; description?: string }, site: SiteSettings, labels: PageLabels, crumbs: Crumb[] = []): PageMeta {
  return {
    type: "website",
    title: page.title,
    description: page.description ?? site.description,
    url: absoluteUrl(site, page.url),
    image: metaImage(site),
    jsonLd: crumbs.length ? jsonForScript({ "@context": "https://schema.org", ...breadcrumbList(site, labels, crumbs) }) : undefined,
  };
}

/** The home page: WebSite with a SearchAction pointing at the search page. */
export function homeMeta(site: SiteSettings): PageMeta {
  return {
    type: "website",
    title: site.name,
    description: site.description,
    url: absoluteUrl(site, SITE_PATHS.home),
    image: metaImage(site),
    jsonLd: jsonForScript({
      "@context": "https://schema.org",
      "@type": "WebSite",
      name: site.name,
      url: absoluteUrl(site, SITE_PATHS.home),
      inLanguage: site.language,
      publisher: publisher(site),
      potentialAction: {
        "@type": "SearchAction",
        target: { "@type": "EntryPoint", urlTemplate: `${absoluteUrl(site, SITE_PATHS.search)}?q={search_term_string}` },
        "query-input": "required name=search_term_string",
      },
    }),
  };
}

/** UI words the metadata needs, from content/_data/labels.json. */
export interface PageLabels {
  home: string;
  latest: string;
  tags: string;
  sources: string;
  sourcePage: string;
}

/** The heading of a list page: the category or tag, «أخبار <source>», or «آخر الأخبار». */
export function listTitle(page: ListPage, labels: PageLabels): string {
  if (page.kind === "latest") return labels.latest;
  if (page.kind === "source") return `${labels.sourcePage} ${page.name}`;
  return page.name;
}

/** The breadcrumb trail of a list page, after the home page. */
export function listCrumbs(page: ListPage, labels: PageLabels): Crumb[] {
  const self = { name: listTitle(page, labels), url: page.firstUrl };
  if (page.kind === "tag") return [{ name: labels.tags, url: SITE_PATHS.tags }, self];
  if (page.kind === "source") return [{ name: labels.sources, url: SITE_PATHS.sources }, self];
  return [self];
}
