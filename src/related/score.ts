// Relatedness of two stories: the cosine of their fingerprints (shared top terms, BM25-weighted,
// title and tags counted up), plus a small bonus for the same category, times a recency decay.
// Candidates are only the stories that share an indexed term with the story, and per term only the
// `nearestPerTerm` published nearest to it: no all-pairs loop, and a bounded cost per story.
import type { RelatedConfig } from "./config.ts";
import type { RelatedIndex } from "./inverted-index.ts";

const DAY = 86_400_000;

export interface StoryFacts {
  /** Category of each story, as a small integer. */
  category: Int32Array;
  /** Publication time of each story, in milliseconds. */
  epoch: Float64Array;
  /** 1 for stories that may never be listed (drafts and scheduled stories in preview). */
  hidden: Uint8Array;
  /** Each story's place in time, 0 for the oldest; ties of time broken by slug (lists.ts `timeline`). */
  rank: Int32Array;
}

export interface Candidate {
  story: number;
  score: number;
}

/** 1 for stories published together, falling towards 1 - weight as they lie further apart. */
export function recencyFactor(millisecondsApart: number, { weight, halfLifeDays }: RelatedConfig["recency"]): number {
  return 1 - weight + weight * 2 ** (-Math.abs(millisecondsApart) / DAY / halfLifeDays);
}

export function pairScore(cosine: number, sameCategory: boolean, millisecondsApart: number, config: RelatedConfig): number {
  return (cosine + (sameCategory ? config.categoryBonus : 0)) * recencyFactor(millisecondsApart, config.recency);
}

/** Scores candidates for many stories, reusing one accumulator (the index's size) for all. */
export class Scorer {
  private readonly sums: Float64Array;
  private readonly touched: Int32Array;

  constructor(
    private readonly index: RelatedIndex,
    private readonly facts: StoryFacts,
    private readonly config: RelatedConfig,
  ) {
    this.sums = new Float64Array(index.fingerprints.length);
    this.touched = new Int32Array(index.fingerprints.length);
  }

  /** The `limit` best candidates for one story, best first, none below config.minScore. */
  best(story: number, limit: number): Candidate[] {
    const { fingerprints, postings, postingWeights } = this.index;
    const { sums, touched } = this;
    let count = 0;
    const own = fingerprints[story]!;
    const nearest = this.config.nearestPerTerm;
    for (let t = 0; t < own.terms.length; t++) {
      const term = own.terms[t]!;
      const weight = own.weights[t]!;
      const list = postings[term]!;
      const weights = postingWeights[term]!;
      let from = 0;
      let to = list.length;
      if (to > nearest + 1) {
        // the story itself and `nearest` others around it, moved inwards at either end of the list
        from = Math.min(Math.max(0, own.positions[t]! - (nearest >> 1)), to - nearest - 1);
        to = from + nearest + 1;
      }
      for (let i = from; i < to; i++) {
        const other = list[i]!;
        if (sums[other] === 0) touched[count++] = other;
        sums[other]! += weight * weights[i]!;
      }
    }
    const { category, epoch, hidden, rank } = this.facts;
    const found: Candidate[] = [];
    let floor = this.config.minScore;
    for (let i = 0; i < count; i++) {
      const other = touched[i]!;
      const cosine = sums[other]!;
      sums[other] = 0;
      if (other === story || hidden[other] || cosine + this.config.categoryBonus < floor) continue;
      const score = pairScore(cosine, category[other] === category[story], epoch[other]! - epoch[story]!, this.config);
      if (score < floor) continue;
      // keep the best `limit`, sorted, ties to the story nearer in time, then the later one
      let at = found.length;
      while (at > 0 && better(score, other, found[at - 1]!, rank[story]!, rank)) at--;
      if (at >= limit) continue;
      found.splice(at, 0, { story: other, score });
      if (found.length > limit) found.pop();
      if (found.length === limit) floor = Math.max(floor, found[limit - 1]!.score);
    }
    return found;
  }
}

/** Whether `story` with `score` goes before `than`, for the story ranked `at` in time. */
function better(score: number, story: number, than: Candidate, at: number, rank: Int32Array): boolean {
  if (score !== than.score) return score > than.score;
  const apart = Math.abs(rank[story]! - at);
  const thanApart = Math.abs(rank[than.story]! - at);
  if (apart !== thanApart) return apart < thanApart;
  return rank[story]! > rank[than.story]!;
}
