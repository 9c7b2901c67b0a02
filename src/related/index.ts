// The related engine's face: the one file the rest of khabar imports.
// «أخبار ذات صلة» and «اقرأ أيضاً» for every story at once, from what the stories say: Arabic text
// normalized, stop words dropped, words light-stemmed (src/related/), weighted by BM25 with title
// and tags counted up, indexed once per build, and scored through shared terms only, so the cost
// grows with the number of stories, not with its square. Pure: no Eleventy, no files, no clock.
// Weights: src/related/config.ts; a site overrides them under "related" in site.json.
import { relatedConfig, type RelatedSettings } from "./config.ts";
import { buildIndex } from "./inverted-index.ts";
import { storiesByCategory, storyLists, timeline } from "./lists.ts";
import { Scorer, type StoryFacts } from "./score.ts";
import { analyze } from "./terms.ts";

export { relatedConfig, relatedSettingsProblems, type RelatedSettings } from "./config.ts";

export interface Relatable {
  slug: string;
  categoryId: string;
  /** Publication time in milliseconds: the lists are chosen around it, and the recency decay counts from it. */
  epoch: number;
  /** Hand-picked related slugs from front matter, shown first. */
  handPicked: string[];
  title?: string;
  /** The summary (the editor's, or the first paragraph). */
  summary?: string;
  /** Plain text of the body. */
  text?: string;
  tags?: readonly string[];
  /** Drafts and scheduled stories (preview only): they get lists but are never listed. */
  unpublished?: boolean;
}

/** List lengths (site.json "related") and, optionally, any weight of the engine's config. */
export type RelatedOptions = RelatedSettings & { count: number; readAlsoCount: number };

export interface RelatedLists<T> {
  related: T[];
  readAlso: T[];
}

/** Name of the performance measure each run records (bench/build.ts reads it). */
export const RELATED_MEASURE = "khabar:related";

/** Builds both lists for every story. Order of `stories` does not matter. */
export function relatedStories<T extends Relatable>(stories: readonly T[], options: RelatedOptions): Map<T, RelatedLists<T>> {
  const started = performance.now();
  const config = relatedConfig(options);
  const categoryIds = new Map<string, number>();
  const epoch = Float64Array.from(stories, (s) => s.epoch);
  const rank = timeline(epoch, (i) => stories[i]!.slug);
  const facts: StoryFacts = {
    category: Int32Array.from(stories, (s) => {
      let id = categoryIds.get(s.categoryId);
      if (id === undefined) categoryIds.set(s.categoryId, (id = categoryIds.size));
      return id;
    }),
    epoch,
    hidden: Uint8Array.from(stories, (s) => (s.unpublished ? 1 : 0)),
    rank,
  };
  const bySlug = new Map<string, number>();
  stories.forEach((s, i) => {
    if (!bySlug.has(s.slug)) bySlug.set(s.slug, i);
  });
  const handPicked = stories.map((s) => s.handPicked.map((slug) => bySlug.get(slug)).filter((i): i is number => i !== undefined));

  const index = buildIndex(analyze(stories, config), facts.epoch, config);
  const scorer = new Scorer(index, facts, config);
  const input = { handPicked, facts, rank, byCategory: storiesByCategory(facts, rank, categoryIds.size) };
  const result = new Map<T, RelatedLists<T>>();
  stories.forEach((story, i) => {
    const lists = storyLists(i, input, scorer, config);
    result.set(story, { related: lists.related.map((j) => stories[j]!), readAlso: lists.readAlso.map((j) => stories[j]!) });
  });
  performance.measure(RELATED_MEASURE, { start: started, end: performance.now(), detail: { stories: stories.length } });
  return result;
}
