// A light stemmer for Arabic news text (after Larkey's Light10): it strips the definite article
// with its proclitics and the common plural, feminine, nisba and pronoun suffixes, and never leaves
// fewer than `minStem` letters. Light stemming conflates the spellings of one word (الحكومة،
// والحكومة، حكومات، الحكومية) without the root analysis that merges unrelated words.
// Input is normalized text (normalize.ts): alefs folded, no diacritics.

export interface StemOptions {
  /** Fewest letters a stem keeps. */
  minStem: number;
  /** Prefixes stripped (at most one, longest first). */
  prefixes: readonly string[];
  /** Suffixes stripped, each at most once, in this order. */
  suffixes: readonly string[];
}

/** Article prefixes and the conjunction و of the issue, longest first. */
export const PREFIXES = ["وال", "بال", "كال", "فال", "لل", "ال", "و"] as const;
/**
 * Suffixes in the order they come off: the pronouns, plurals and nisba, then the feminine
 * ة and the nisba ي, so that حكومة، حكومات and حكومية share a stem with or without ة/ه folding.
 */
export const SUFFIXES = ["ها", "هم", "ات", "ون", "ين", "ية", "ه", "ة", "ي"] as const;
/** Possessive pronouns: before them a feminine ة is written ت (حكومتها), which goes too. */
const PRONOUNS = new Set(["ها", "هم", "ه"]);

export const DEFAULT_STEM: StemOptions = { minStem: 3, prefixes: PREFIXES, suffixes: SUFFIXES };

export function stripPrefix(word: string, options: StemOptions = DEFAULT_STEM): string {
  for (const prefix of options.prefixes) {
    if (word.startsWith(prefix) && word.length - prefix.length >= options.minStem) return word.slice(prefix.length);
  }
  return word;
}

export function stripSuffixes(word: string, options: StemOptions = DEFAULT_STEM): string {
  let stem = word;
  for (const suffix of options.suffixes) {
    if (stem.endsWith(suffix) && stem.length - suffix.length >= options.minStem) {
      stem = stem.slice(0, -suffix.length);
      // حكومتها → حكومت → حكوم; short words keep their ت (وقتها → وقت), plurals go by ات.
      if (PRONOUNS.has(suffix) && stem.endsWith("ت") && !stem.endsWith("ات") && stem.length - 1 > options.minStem) stem = stem.slice(0, -1);
    }
  }
  return stem;
}

/** The light stem of one normalized word. */
export function lightStem(word: string, options: StemOptions = DEFAULT_STEM): string {
  return stripSuffixes(stripPrefix(word, options), options);
}
