// The two lists under a story, chosen relative to the story's own publication time, so that a new
// story changes the lists of the stories it is related to and of no other (issue 13: publishing one
// story must not rewrite the archive). «أخبار ذات صلة»: the editor's hand-picked stories first,
// then the best-scored candidates, then (only if too few stories share its words) its category's
// neighbours in time. «اقرأ أيضاً»: for each other category, the stories published nearest to the
// story, one per category before a second from any, and `readAlsoSameCategory` of its own
// category's neighbours that did not make the related list. "Nearest" is: at or before the story,
// nearest first, then (only when a category has too few earlier stories) just after it, nearest
// first; so later stories reach a list only when the earlier ones run out. No story is in both
// lists, none is the story itself, none is hidden.
import type { RelatedConfig } from "./config.ts";
import type { Scorer, StoryFacts } from "./score.ts";

export interface ListInput {
  /** Hand-picked stories, already resolved to indexes (unknown slugs dropped). */
  handPicked: number[][];
  facts: StoryFacts;
  /** Each story's place in time, 0 for the oldest (ties: see `timeline`). */
  rank: Int32Array;
  /** Story indexes of each category in order of `rank` (oldest first), hidden stories left out. */
  byCategory: Int32Array[];
}

export interface StoryLists {
  related: number[];
  readAlso: number[];
}

/**
 * Each story's place in time, 0 for the oldest: by publication time, ties by `key` (the slug), then
 * by input index. The key makes the order, and so every list, independent of the input's order.
 */
export function timeline(epoch: Float64Array, key: (i: number) => string): Int32Array {
  const order = Array.from(epoch.keys()).sort((a, b) => epoch[a]! - epoch[b]! || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a - b));
  const rank = new Int32Array(epoch.length);
  order.forEach((story, at) => (rank[story] = at));
  return rank;
}

/** Story indexes of each category id in order of `rank` (oldest first), hidden ones left out. */
export function storiesByCategory(facts: StoryFacts, rank: Int32Array, categories: number): Int32Array[] {
  const order = new Int32Array(rank.length);
  rank.forEach((at, story) => (order[at] = story));
  const lists: number[][] = Array.from({ length: categories }, () => []);
  for (const i of order) if (!facts.hidden[i]) lists[facts.category[i]!]!.push(i);
  return lists.map((list) => Int32Array.from(list));
}

/** First position in `list` (ordered by rank) whose story ranks at or after `at`. */
function firstAtOrAfter(list: Int32Array, rank: Int32Array, at: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (rank[list[middle]!]! < at) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Walks one category's stories outwards from a point in time: those before it, nearest first, then
 * those after it, nearest first. `next()` gives the next story not yet taken, or -1.
 */
class Neighbours {
  private before: number;
  private after: number;

  constructor(
    private readonly list: Int32Array,
    rank: Int32Array,
    story: number,
  ) {
    this.after = firstAtOrAfter(list, rank, rank[story]!);
    this.before = this.after - 1;
    if (list[this.after] === story) this.after++;
  }

  /** `later`: false to stop at the stories before the point. */
  next(taken: Set<number>, later = true): number {
    while (this.before >= 0) {
      const story = this.list[this.before--]!;
      if (!taken.has(story)) return story;
    }
    while (later && this.after < this.list.length) {
      const story = this.list[this.after++]!;
      if (!taken.has(story)) return story;
    }
    return -1;
  }
}

/** Takes up to `limit` of the story's category's neighbours in time. */
function takeNeighbours(neighbours: Neighbours, limit: number, taken: Set<number>, into: number[]): void {
  for (let added = 0; added < limit; added++) {
    const story = neighbours.next(taken);
    if (story < 0) return;
    taken.add(story);
    into.push(story);
  }
}

/**
 * Up to `limit` stories of the other categories, in rounds: each round the nearest story not yet
 * taken of every category, nearest first, so one per category comes before a second from any. All
 * stories before the story come first; those after it only when the earlier ones run out, so a
 * newly published story reaches the lists of the oldest stories alone.
 */
function takeOtherCategories(story: number, input: ListInput, limit: number, taken: Set<number>, into: number[]): void {
  const { rank, byCategory, facts } = input;
  const own = facts.category[story]!;
  const at = rank[story]!;
  let added = 0;
  for (const later of [false, true]) {
    const walkers: Neighbours[] = [];
    byCategory.forEach((list, category) => {
      if (category !== own && list.length) walkers.push(new Neighbours(list, rank, story));
    });
    while (added < limit && walkers.length) {
      const round: number[] = [];
      for (let w = walkers.length - 1; w >= 0; w--) {
        const next = walkers[w]!.next(taken, later);
        if (next < 0) walkers.splice(w, 1);
        else round.push(next);
      }
      // nearest first: the earlier stories by how far before, the later ones by how far after
      round.sort((a, b) => Math.abs(rank[a]! - at) - Math.abs(rank[b]! - at));
      for (const other of round) {
        if (added >= limit) break;
        taken.add(other);
        into.push(other);
        added++;
      }
    }
  }
}

export function storyLists(story: number, input: ListInput, scorer: Scorer, config: RelatedConfig): StoryLists {
  const { facts } = input;
  const taken = new Set<number>([story]);
  const related: number[] = [];
  for (const other of input.handPicked[story] ?? []) {
    if (related.length >= config.count) break;
    if (taken.has(other) || facts.hidden[other]) continue;
    taken.add(other);
    related.push(other);
  }
  if (related.length < config.count) {
    for (const { story: other } of scorer.best(story, config.count + related.length)) {
      if (related.length >= config.count) break;
      if (taken.has(other)) continue;
      taken.add(other);
      related.push(other);
    }
  }
  const ownList = input.byCategory[facts.category[story]!] ?? new Int32Array(0);
  const sameCategory = new Neighbours(ownList, input.rank, story);
  takeNeighbours(sameCategory, config.count - related.length, taken, related);

  // «اقرأ أيضاً»: other categories first, then the own category's next neighbours; whichever runs
  // short leaves its places to the other.
  const sameWanted = Math.min(config.readAlsoSameCategory, config.readAlsoCount);
  const others: number[] = [];
  takeOtherCategories(story, input, config.readAlsoCount - sameWanted, taken, others);
  const same: number[] = [];
  takeNeighbours(sameCategory, config.readAlsoCount - others.length, taken, same);
  if (others.length + same.length < config.readAlsoCount) takeOtherCategories(story, input, config.readAlsoCount - others.length - same.length, taken, others);
  return { related, readAlso: [...others, ...same] };
}
