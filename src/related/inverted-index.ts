// The inverted index, built once per build. Each story keeps only its `termsPerStory` highest
// BM25-weighted terms (its fingerprint, scaled to unit length so that scores are cosines); each
// term lists its stories in order of publication, and each fingerprint entry remembers where its
// story sits in that list, so that scoring can look at the stories published nearest to it
// (score.ts). Terms found in one story only, or in more than `maxDocumentShare` of them, cannot
// tell related stories apart and are left out.
import type { RelatedConfig } from "./config.ts";
import type { TermBags } from "./terms.ts";

export interface Fingerprint {
  terms: Int32Array;
  weights: Float64Array;
  /** Where the story sits in each term's posting list. */
  positions: Int32Array;
}

export interface RelatedIndex {
  fingerprints: Fingerprint[];
  /** term id -> story indexes, oldest first (ties: lower index) */
  postings: Int32Array[];
  /** term id -> weights matching `postings` */
  postingWeights: Float64Array[];
}

export function bm25Idf(documentFrequency: number, documents: number): number {
  return Math.log(1 + (documents - documentFrequency + 0.5) / (documentFrequency + 0.5));
}

/**
 * `value` on a logarithmic grid of `steps` points per doubling (exact below `exactBelow`). The
 * archive-wide counts BM25 reads (the number of stories, each word's number of stories, the average
 * length) move a little with every story published; read on this grid they stay put, so publishing a
 * story leaves the other stories' weights, and so their lists, exactly as they were (near-ties would
 * otherwise flip here and there across the archive). They move together when the archive has grown
 * by a step.
 */
export function onGrid(value: number, steps: number, exactBelow = 0, round = Math.round): number {
  if (value < exactBelow || value <= 0) return value;
  return 2 ** (round(Math.log2(value) * steps) / steps);
}

/** `epoch`: each story's publication time, which orders the posting lists. */
export function buildIndex({ terms, bags }: TermBags, epoch: Float64Array, config: RelatedConfig): RelatedIndex {
  const n = bags.length;
  const df = new Int32Array(terms.length);
  let totalLength = 0;
  for (const bag of bags) {
    for (const id of bag.ids) df[id]!++;
    totalLength += bag.length;
  }
  const averageLength = onGrid(totalLength / Math.max(1, n) || 1, 32);
  const documents = onGrid(n, 8, 0, Math.ceil); // never fewer than there are
  const maxDf = Math.max(2, Math.floor(config.maxDocumentShare * documents));
  const idf = Float64Array.from(df, (d) => bm25Idf(onGrid(d, 16, 16), documents));
  const { k1, b } = config.bm25;
  // Ties between equally weighted terms go by the word itself, not by its id: ids follow the order
  // words were first met, which a newly published story changes for every word after its own.
  const rankOf = new Int32Array(terms.length);
  Array.from(terms.keys())
    .sort((x, y) => (terms[x]! < terms[y]! ? -1 : terms[x]! > terms[y]! ? 1 : 0))
    .forEach((id, rank) => (rankOf[id] = rank));

  // Each story's `termsPerStory` heaviest terms, heaviest first (ties: the word first in code-point order), picked by
  // insertion into a short buffer: no per-term tuple, no sort of the whole bag.
  const keep = config.termsPerStory;
  const topIds = new Int32Array(keep);
  const topWeights = new Float64Array(keep);
  const fingerprints: Fingerprint[] = bags.map((bag) => {
    const norm = k1 * (1 - b + (b * bag.length) / averageLength);
    let kept = 0;
    for (let i = 0; i < bag.ids.length; i++) {
      const id = bag.ids[i]!;
      const d = df[id]!;
      if (d < 2 || d > maxDf) continue;
      const tf = bag.tf[i]!;
      const weight = (idf[id]! * tf * (k1 + 1)) / (tf + norm);
      let at = kept;
      while (at > 0 && (weight > topWeights[at - 1]! || (weight === topWeights[at - 1]! && rankOf[id]! < rankOf[topIds[at - 1]!]!))) at--;
      if (at >= keep) continue;
      const last = Math.min(kept, keep - 1);
      topIds.copyWithin(at + 1, at, last);
      topWeights.copyWithin(at + 1, at, last);
      topIds[at] = id;
      topWeights[at] = weight;
      if (kept < keep) kept++;
    }
    let squares = 0;
    for (let i = 0; i < kept; i++) squares += topWeights[i]! * topWeights[i]!;
    const length = Math.sqrt(squares) || 1;
    const weights = topWeights.slice(0, kept);
    for (let i = 0; i < kept; i++) weights[i]! /= length;
    return { terms: topIds.slice(0, kept), weights, positions: new Int32Array(kept) };
  });

  // Counting pass, then fill in order of publication.
  const sizes = new Int32Array(terms.length);
  for (const f of fingerprints) for (const id of f.terms) sizes[id]!++;
  const postings = Array.from(sizes, (size) => new Int32Array(size));
  const postingWeights = Array.from(sizes, (size) => new Float64Array(size));
  const filled = new Int32Array(terms.length);
  const order = Array.from(fingerprints.keys()).sort((x, y) => epoch[x]! - epoch[y]! || x - y);
  for (const story of order) {
    const f = fingerprints[story]!;
    for (let i = 0; i < f.terms.length; i++) {
      const id = f.terms[i]!;
      const at = filled[id]!++;
      postings[id]![at] = story;
      postingWeights[id]![at] = f.weights[i]!;
      f.positions[i] = at;
    }
  }
  return { fingerprints, postings, postingWeights };
}
