// The site's single pages, feeds and sitemaps, as virtual templates over the newsroom data; their
// markup lives in layouts/. Story and list pages, thousands of them, are written by page-writer.ts.
// Templates never type an address: the fixed pages' paths are the global `paths` (src/urls.ts).
// https://www.11ty.dev/docs/virtual-templates/ · https://www.11ty.dev/docs/pagination/
import type { UserConfig } from "@11ty/eleventy";
import type { Feed, FeedFormat } from "../site/feeds.ts";
import type { ListIndex } from "../site/lists.ts";
import { pageFile, SITE_PATHS } from "../urls.ts";

const page = { eleventyExcludeFromCollections: true };
export function pagesPlugin(eleventyConfig: UserConfig): void {
  eleventyConfig.addGlobalData("paths", SITE_PATHS);
  eleventyConfig.addTemplate("pages/home.njk", "", { ...page, layout: "home.njk", permalink: `/${pageFile(SITE_PATHS.home)}` });
  eleventyConfig.addTemplate("pages/indexes.njk", "", {
    ...page,
    layout: "index-page.njk",
    pagination: { data: "newsroom.listings.indexes", size: 1, alias: "index" },
    permalink: (data: { index: ListIndex }) => `/${pageFile(data.index.url)}`,
  });
  eleventyConfig.addTemplate("pages/search.njk", "", { ...page, layout: "search.njk", permalink: `/${pageFile(SITE_PATHS.search)}` });
  eleventyConfig.addTemplate("pages/404.njk", "", { ...page, layout: "404.njk", permalink: SITE_PATHS.notFound });

  for (const format of ["atom", "rss", "json"] satisfies FeedFormat[]) {
    eleventyConfig.addTemplate(`pages/feed-${format}.njk`, "", {
      ...page,
      layout: `feeds/${format}.njk`,
      pagination: { data: "newsroom.feeds", size: 1, alias: "feed" },
      permalink: (data: { feed: Feed }) => data.feed.urls[format],
    });
  }
  // The newest stories for the «الأحدث» box of story pages (layouts/assets/site.js), so that the
  // pages themselves need not change when a story is published.
  eleventyConfig.addTemplate("pages/latest-json.njk", "", { ...page, layout: "latest.json.njk", permalink: SITE_PATHS.latestJson });
  eleventyConfig.addTemplate("pages/sitemap.njk", "", {
    ...page,
    layout: "sitemaps/urlset.njk",
    pagination: { data: "newsroom.sitemaps.parts", size: 1, alias: "sitemap" },
    permalink: (data: { sitemap: { path: string } }) => data.sitemap.path,
  });
  eleventyConfig.addTemplate("pages/sitemap-index.njk", "", {
    ...page,
    layout: "sitemaps/index.njk",
    permalink: (data: { newsroom: { sitemaps: { index?: string[] } } }) => (data.newsroom.sitemaps.index ? SITE_PATHS.sitemap : false),
  });
  eleventyConfig.addTemplate("pages/news-sitemap.njk", "", { ...page, layout: "sitemaps/news.njk", permalink: SITE_PATHS.newsSitemap });
}
