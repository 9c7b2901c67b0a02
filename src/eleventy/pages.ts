// The site's pages, as virtual templates over the newsroom data: one page per story and per
// category, the home page, the latest-news list and the sitemap. Their markup lives in layouts/.
// https://www.11ty.dev/docs/virtual-templates/
import type { UserConfig } from "@11ty/eleventy";
import type { Category } from "../site.ts";
import type { Story } from "../stories.ts";

const page = { eleventyExcludeFromCollections: true };

export function pagesPlugin(eleventyConfig: UserConfig): void {
  eleventyConfig.addTemplate("pages/story.njk", "", {
    ...page,
    layout: "story.njk",
    pagination: { data: "newsroom.stories", size: 1, alias: "story" },
    permalink: (data: { story: Story }) => `${decodeURIComponent(data.story.url)}index.html`,
  });
  eleventyConfig.addTemplate("pages/category.njk", "", {
    ...page,
    layout: "category.njk",
    pagination: { data: "newsroom.categoryList", size: 1, alias: "category" },
    permalink: (data: { category: Category }) => `${data.category.url}index.html`,
  });
  eleventyConfig.addTemplate("pages/home.njk", "", { ...page, layout: "home.njk", permalink: "/index.html" });
  eleventyConfig.addTemplate("pages/latest.njk", "", { ...page, layout: "latest.njk", permalink: "/latest/index.html" });
  eleventyConfig.addTemplate("pages/sitemap.njk", "", { ...page, layout: "sitemap.xml.njk", permalink: "/sitemap.xml" });
}
