// The site's bulk pages: one per story and one per list page (latest, category, tag, source).
// src/eleventy/page-writer.ts renders and writes them; the preview's problem pages cover them.
import type { ListPage } from "./lists.ts";
import type { Story } from "./story.ts";

export interface BulkPage {
  url: string;
  layout: "story.njk" | "list.njk";
  /** What the layout renders, besides the global data. */
  data: { story: Story } | { list: ListPage };
}

export function* bulkPages({ stories, listings }: { stories: Story[]; listings: { pages: ListPage[] } }): Generator<BulkPage> {
  for (const story of stories) yield { url: story.url, layout: "story.njk", data: { story } };
  for (const list of listings.pages) yield { url: list.url, layout: "list.njk", data: { list } };
}
