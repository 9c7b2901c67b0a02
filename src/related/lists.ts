// The two lists under a story. «أخبار ذات صلة»: the editor's hand-picked stories first, then the
// best-scored candidates, then (only if too few stories share its words) the newest stories of its
// category. «اقرأ أيضاً»: the newest stories of other categories, one per category before a second
// from any, and `readAlsoSameCategory` of the newest stories of its own category that did not make
// the related list. No story is in both lists, none is the story itself, none is hidden.
import type { RelatedConfig } from "./config.ts";
import type { Scorer, StoryFacts } from "./score.ts";

export interface ListInput {
  /** Hand-picked stories, already resolved to indexes (unknown slugs dropped). */
  handPicked: number[][];
  facts: StoryFacts;
  /** Story indexes of each category, newest first, hidden stories left out. */
  newestByCategory: number[][];
  /** For each category, the newest few stories of every other category, newest first. */
  otherCategories: number[][];
}

export interface StoryLists {
  related: number[];
  readAlso: number[];
}

/** Story indexes of each category id, newest first (ties: input order), hidden ones left out. */
export function newestByCategory(facts: StoryFacts, categories: number): number[][] {
  const lists: number[][] = Array.from({ length: categories }, () => []);
  const order = Array.from(facts.epoch.keys()).sort((a, b) => facts.epoch[b]! - facts.epoch[a]! || a - b);
  for (const i of order) if (!facts.hidden[i]) lists[facts.category[i]!]!.push(i);
  return lists;
}

/**
 * For each category, the newest stories of every other category, newest first: enough of each
 * (`count` + `readAlsoCount` + 1) that the story's own related list can never exhaust them.
 */
export function otherCategories(newest: number[][], facts: StoryFacts, config: RelatedConfig): number[][] {
  const heads = newest.map((list) => list.slice(0, config.count + config.readAlsoCount + 1));
  return newest.map((_, category) =>
    heads.flatMap((head, c) => (c === category ? [] : head)).sort((a, b) => facts.epoch[b]! - facts.epoch[a]! || a - b),
  );
}

/** The first `limit` stories of `list` not yet taken; takes them. */
function takeFrom(list: readonly number[], limit: number, taken: Set<number>, into: number[]): void {
  for (let i = 0, added = 0; i < list.length && added < limit; i++) {
    const story = list[i]!;
    if (taken.has(story)) continue;
    taken.add(story);
    into.push(story);
    added++;
  }
}

export function storyLists(story: number, input: ListInput, scorer: Scorer, config: RelatedConfig): StoryLists {
  const { facts, newestByCategory: newest } = input;
  const taken = new Set<number>([story]);
  const related: number[] = [];
  for (const other of input.handPicked[story] ?? []) {
    if (related.length >= config.count) break;
    if (taken.has(other) || facts.hidden[other]) continue;
    taken.add(other);
    related.push(other);
  }
  if (related.length < config.count) {
    const best = scorer.best(story, config.count + related.length);
    takeFrom(best.map((c) => c.story), config.count - related.length, taken, related);
  }
  const category = facts.category[story]!;
  takeFrom(newest[category] ?? [], config.count - related.length, taken, related);

  // «اقرأ أيضاً»
  const sameWanted = Math.min(config.readAlsoSameCategory, config.readAlsoCount);
  const otherWanted = config.readAlsoCount - sameWanted;
  // the newest of every other category, then one per category (newest first), then the rest
  const pool = input.otherCategories[category] ?? [];
  const seen = new Set<number>();
  const firstOfEach = pool.filter((s) => !taken.has(s) && !seen.has(facts.category[s]!) && seen.add(facts.category[s]!));
  const others: number[] = [];
  takeFrom(firstOfEach, otherWanted, taken, others);
  takeFrom(pool, otherWanted - others.length, taken, others);
  const same: number[] = [];
  takeFrom(newest[category] ?? [], sameWanted + (otherWanted - others.length), taken, same);
  if (others.length + same.length < config.readAlsoCount) takeFrom(pool, config.readAlsoCount - others.length - same.length, taken, others);
  return { related, readAlso: [...others, ...same] };
}
