// The home page: the lead story, the latest stories, then a block per category with its newest
// stories that are not already on the page.
import { toCard, type SiteCategory, type Story, type StoryCard } from "./story.ts";

export interface Home {
  lead?: StoryCard;
  latest: StoryCard[];
  blocks: Array<{ category: SiteCategory; stories: StoryCard[] }>;
}

export function buildHome(stories: Story[], categories: SiteCategory[], sizes: { latest: number; perCategory: number }): Home {
  const [lead, ...rest] = stories;
  const latest = rest.slice(0, sizes.latest);
  const shown = new Set([lead, ...latest]);
  const blocks = categories
    .map((category) => ({
      category,
      stories: stories.filter((s) => s.category.id === category.id && !shown.has(s)).slice(0, sizes.perCategory).map(toCard),
    }))
    .filter((block) => block.stories.length > 0);
  return { lead: lead && toCard(lead), latest: latest.map(toCard), blocks };
}
