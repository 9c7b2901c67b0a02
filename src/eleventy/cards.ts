// Story cards: a story's card shows up in many lists (other stories' related lists, its section,
// tags, source, latest), so layouts/partials/card.njk is rendered once per build for each story,
// heading level and summary choice, and the same autoescaped HTML reused everywhere.
import type { UserConfig } from "@11ty/eleventy";
import type { StoryCard } from "../site/story.ts";

interface FilterContext {
  env: { render(name: string, context: Record<string, unknown>): string };
}

export function cardsPlugin(eleventyConfig: UserConfig): void {
  let rendered = new Map<string, string>();
  eleventyConfig.on("eleventy.before", () => {
    rendered = new Map(); // each build (and each preview rebuild) starts afresh
  });
  eleventyConfig.addFilter("storyCard", function (this: FilterContext, card: StoryCard, cardLevel: number, showSummary?: boolean): string {
    const key = `${cardLevel}${showSummary ? "+" : "-"}${card.url}`;
    let html = rendered.get(key);
    if (html === undefined) {
      html = this.env.render("partials/card.njk", { card, cardLevel, showSummary: Boolean(showSummary) });
      rendered.set(key, html);
    }
    return html;
  });
}
