// Page views: each layout asks src/site/views.ts for its page's one view object (title, metadata,
// navigation, breadcrumbs, feeds, and what its body shows) instead of assembling it in Nunjucks,
// e.g. `{% set view = story | storyView(newsroom, labels) %}`.
import type { UserConfig } from "@11ty/eleventy";
import { homeView, indexView, latestStories, listView, notFoundView, problemsView, searchView, storyView } from "../site/views.ts";

export function viewsPlugin(eleventyConfig: UserConfig): void {
  const views = { storyView, listView, indexView, homeView, searchView, notFoundView, problemsView };
  for (const [name, view] of Object.entries(views)) eleventyConfig.addFilter(name, view);
  // /latest.json's whole text (layouts/latest.json.njk)
  eleventyConfig.addFilter("latestJson", (newsroom: Parameters<typeof latestStories>[0]) => JSON.stringify(latestStories(newsroom)));
}
