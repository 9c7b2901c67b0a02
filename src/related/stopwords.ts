// Arabic stop words: Orama's Arabic list (@orama/stopwords, the list most JavaScript search
// libraries share) normalized like the text, minus a few entries that are content words in news,
// plus newsroom words that carry no topic (verbs of saying, particles the list lacks).
// A word is also a stop word when it is one of these behind the conjunction و or ف (وفي، فقد).
import { stopwords as oramaArabic } from "@orama/stopwords/arabic";
import { normalizeArabic, type NormalizeOptions } from "./normalize.ts";

/** In Orama's list but topic words in news: «زيارة» (a visit), «قوة» (a force), «إطار» (a tyre, a framework). */
const NOT_STOP = ["زيارة", "قوة", "إطار"];

/** Newsroom words with no topic in them, missing from Orama's list. */
export const NEWSROOM_STOP_WORDS = [
  "قال", "قالت", "يقول", "تقول", "أعلن", "أعلنت", "يعلن", "أكد", "أكدت", "يؤكد", "ذكر", "ذكرت", "أوضح", "أوضحت", "أشار", "أشارت",
  "أضاف", "أضافت", "كشف", "كشفت", "يرى", "ترى", "توقع", "توقعت", "رجح", "بحسب", "وفق", "وفقا", "بشأن", "عبر", "بينما", "إنه", "إنها",
  "أنه", "أنها", "إلا", "أيضا", "لدى", "عاجل", "خلاله", "حسبما", "فيه", "عليه", "إليه", "منه", "عنه",
];

const cache = new Map<boolean, Set<string>>();

/** The stop-word set, normalized with the same options as the text it filters. */
export function stopWordSet(options: NormalizeOptions): Set<string> {
  let set = cache.get(options.foldTaMarbuta);
  if (!set) {
    const drop = new Set(NOT_STOP.map((w) => normalizeArabic(w, options)));
    set = new Set([...oramaArabic, ...NEWSROOM_STOP_WORDS].map((w) => normalizeArabic(w, options).trim()).filter((w) => w && !drop.has(w)));
    cache.set(options.foldTaMarbuta, set);
  }
  return set;
}

/** Is this normalized word a stop word, alone or behind و / ف? */
export function isStopWord(word: string, stop: Set<string>): boolean {
  if (stop.has(word)) return true;
  const first = word.charCodeAt(0);
  return (first === 0x0648 || first === 0x0641) && word.length > 2 && stop.has(word.slice(1));
}
