// The fingerprint of each story and list page: the frame every page shares, the page's own data,
// and the cards it lists. A card is hashed once per build, however many lists show it: the cards
// are what most pages are made of (10,000 stories: ~12,000 pages, ~250,000 cards shown).
import { storyIdentity } from "../newsroom.ts";
import type { BulkPage } from "../site/bulk-pages.ts";
import type { StoryCard } from "../site/story.ts";
import { fingerprint, withCollections } from "./fingerprint.ts";

// Plain JSON, not stableJson: key order is that of the objects as built, and sorting every card's
// keys cost seconds at 10,000 stories.
const hash = (value: unknown) => fingerprint(JSON.stringify(value, withCollections));

export class PagePrints {
  readonly #cards = new WeakMap<StoryCard, string>();

  /** `frame`: the fingerprint of what every page shares (src/eleventy/page-writer.ts). */
  constructor(readonly frame: string) {}

  #card(card: StoryCard): string {
    let print = this.#cards.get(card);
    if (print === undefined) this.#cards.set(card, (print = hash(card)));
    return print;
  }

  /** The page's fingerprint. Key order is that of the objects as built: the same code and content give the same order. */
  of(page: BulkPage): string {
    const cards = (list: StoryCard[]) => list.map((card) => this.#card(card));
    let data: unknown;
    if ("story" in page.data) {
      const { story } = page.data;
      const identity = storyIdentity(story);
      // A story from the story cache is named by what it was made from, plus what this build set on
      // it: its lists, its state by this build's clock, the picture sizes read from the files.
      const own = identity ? { identity, scheduled: story.scheduled, noindex: story.noindex, image: story.image } : story;
      data = { ...own, related: cards(story.related), readAlso: cards(story.readAlso) };
    } else data = { ...page.data.list, stories: cards(page.data.list.stories) };
    return fingerprint(this.frame, page.layout, page.url, JSON.stringify(data, withCollections));
  }
}
