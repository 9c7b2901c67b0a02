// The home page: the lead story, the latest stories, then a block per category with its newest
// stories that are not already on the page.
import type { Category } from "./site.ts";
import type { Story, StoryCard } from "./stories.ts";

export interface Home {
  lead?: StoryCard;
  latest: StoryCard[];
  blocks: Array<{ category: Category; stories: StoryCard[] }>;
}

export function buildHome(stories: Story[], categories: Category[], sizes: { latest: number; perCategory: number }, card: (s: Story) => StoryCard): Home {
  const [lead, ...rest] = stories;
  const latest = rest.slice(0, sizes.latest);
  const shown = new Set([lead, ...latest]);
  const blocks = categories
    .map((category) => ({
      category,
      stories: stories.filter((s) => s.category.id === category.id && !shown.has(s)).slice(0, sizes.perCategory).map(card),
    }))
    .filter((block) => block.stories.length > 0);
  return { lead: lead && card(lead), latest: latest.map(card), blocks };
}
