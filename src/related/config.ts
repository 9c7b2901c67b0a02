// Every weight of the related-stories engine, in one place. A site can override any of them under
// "related" in content/_data/site.json (the list lengths live there already); the defaults are the
// values measured by `npm run bench:related` on the synthetic corpus (bench/corpus.ts).
import type { FieldProblem } from "../content/problems.ts";
import { closest } from "../content/suggest.ts";
import { DEFAULT_STEM, type StemOptions } from "./stem.ts";

export interface RelatedConfig {
  /** Length of «أخبار ذات صلة» (hand-picked stories included). */
  count: number;
  /** Length of «اقرأ أيضاً». */
  readAlsoCount: number;
  /** How many of «اقرأ أيضاً» are the story's own category's neighbours in time that did not make the
   * related list; the rest are the other categories' stories nearest before it (one per category first). */
  readAlsoSameCategory: number;
  /** Fold ة into ه before matching (see normalize.ts); measured both ways by bench:related. */
  foldTaMarbuta: boolean;
  stem: StemOptions & {
    /** Strip a single proclitic (و ف ب ل ك) only when the rest of the word is more frequent in the
     * corpus than the whole word: وغزة → غزة, but وزير stays وزير (زير is not a word of the corpus). */
    attestedProclitics: boolean;
    /** Another stemmer instead of the light one (bench:related measures Snowball's this way). */
    replace?: (normalizedWord: string) => string;
  };
  /** How much one occurrence of a word counts, by where it is. Tags also count as whole tags. */
  fields: { title: number; summary: number; body: number; tags: number };
  /** BM25 term-frequency saturation (k1) and length normalization (b). */
  bm25: { k1: number; b: number };
  /** Highest-weighted terms kept per story: the story's fingerprint, and its entries in the index. */
  termsPerStory: number;
  /** Candidates looked at per shared term: the stories published nearest to the story (half before,
   * half after, where there are). Bounds the work per story, so the engine's cost grows linearly
   * with the number of stories, and every story is a candidate for its neighbours in time (keeping
   * each term's heaviest stories instead left 42% of stories in no list at 20,000). */
  nearestPerTerm: number;
  /** Terms in more than this share of stories say nothing about a topic and are not indexed. */
  maxDocumentShare: number;
  /** Added to the similarity (a cosine, 0..1) of a story of the same category. */
  categoryBonus: number;
  /** Recency: the score is multiplied by (1 - weight) + weight × 2^(-days apart / halfLifeDays). */
  recency: { weight: number; halfLifeDays: number };
  /** Below this score a candidate is not related; the list is then filled with the same category's
   * neighbours in time, so every story gets a full list when the site has enough stories. */
  minScore: number;
}

export const DEFAULT_CONFIG: RelatedConfig = {
  count: 5,
  readAlsoCount: 4,
  readAlsoSameCategory: 1,
  foldTaMarbuta: true,
  stem: { ...DEFAULT_STEM, attestedProclitics: true },
  fields: { title: 3, summary: 1, body: 1, tags: 3 },
  bm25: { k1: 1.2, b: 0.75 },
  termsPerStory: 24,
  nearestPerTerm: 64,
  maxDocumentShare: 0.1,
  categoryBonus: 0.05,
  recency: { weight: 0.15, halfLifeDays: 180 },
  minScore: 0.05,
};

export type RelatedSettings = Partial<Omit<RelatedConfig, "stem" | "fields" | "bm25" | "recency">> & {
  stem?: Partial<RelatedConfig["stem"]>;
  fields?: Partial<RelatedConfig["fields"]>;
  bm25?: Partial<RelatedConfig["bm25"]>;
  recency?: Partial<RelatedConfig["recency"]>;
};

/** The defaults with a site's settings laid over them. */
export function relatedConfig(settings: RelatedSettings = {}): RelatedConfig {
  return {
    ...DEFAULT_CONFIG,
    ...settings,
    stem: { ...DEFAULT_CONFIG.stem, ...settings.stem },
    fields: { ...DEFAULT_CONFIG.fields, ...settings.fields },
    bm25: { ...DEFAULT_CONFIG.bm25, ...settings.bm25 },
    recency: { ...DEFAULT_CONFIG.recency, ...settings.recency },
  };
}

/** Settings counted in whole stories or letters, with the least each may be; every other number is a weight. */
const WHOLE_NUMBERS: Record<string, number> = { count: 0, readAlsoCount: 0, readAlsoSameCategory: 0, termsPerStory: 1, nearestPerTerm: 1, minStem: 1 };
/** Settings that are shares of 1. */
const SHARES = new Set(["maxDocumentShare", "weight", "b"]);

/**
 * What is wrong with a site's "related" settings (site.json), field by field ("related.recency.weight"),
 * checked against the defaults: every key must be one of theirs, of the same kind.
 */
export function relatedSettingsProblems(settings: unknown): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const problem = (field: string, message: string) => problems.push({ field, message });
  const check = (value: unknown, model: unknown, name: string, key: string) => {
    if (Array.isArray(model)) {
      if (!Array.isArray(value) || value.some((v) => typeof v !== "string" || !v)) problem(name, `expected a list of Arabic letters or words, got ${JSON.stringify(value)}`);
    } else if (typeof model === "object" && model) {
      if (typeof value !== "object" || !value || Array.isArray(value)) {
        problem(name, `expected an object with ${Object.keys(model).join(", ")}, got ${JSON.stringify(value)}`);
        return;
      }
      for (const [k, v] of Object.entries(value)) {
        if (k in model && k !== "replace") check(v, (model as Record<string, unknown>)[k], `${name}.${k}`, k);
        else {
          const known = Object.keys(model).filter((m) => m !== "replace");
          const guess = closest(k, known);
          problem(`${name}.${k}`, `not a setting${guess ? ` (did you mean ${guess}?)` : ""}; expected one of ${known.join(", ")}`);
        }
      }
    } else if (typeof model === "boolean") {
      if (typeof value !== "boolean") problem(name, `expected true or false, got ${JSON.stringify(value)}`);
    } else if (key in WHOLE_NUMBERS) {
      const least = WHOLE_NUMBERS[key]!;
      if (!Number.isInteger(value) || (value as number) < least) problem(name, `expected a whole number of at least ${least}, got ${JSON.stringify(value)}`);
    } else if (typeof value !== "number" || !Number.isFinite(value) || value < 0 || (SHARES.has(key) && value > 1) || (key === "halfLifeDays" && value === 0)) {
      const expected = SHARES.has(key) ? "a share between 0 and 1" : key === "halfLifeDays" ? "a number of days above 0" : "a number not below 0";
      problem(name, `expected ${expected}, got ${JSON.stringify(value)}`);
    }
  };
  if (settings !== undefined) check(settings, DEFAULT_CONFIG, "related", "related");
  return problems;
}
