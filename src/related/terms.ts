// From story text to bags of terms. Every word is normalized (normalize.ts), stop words are
// dropped (stopwords.ts), and each distinct spelling is stemmed once (stem.ts), with a look at the
// whole corpus to decide whether a one-letter proclitic is a prefix or part of the word. Fields
// count with their weights; each tag is also one whole term («#الذكاء الاصطناعي»).
import type { RelatedConfig } from "./config.ts";
import { tokenize } from "./normalize.ts";
import { SpellingScanner } from "./scan.ts";
import { stripPrefix, stripSuffixes, type StemOptions } from "./stem.ts";
import { isStopWord, stopWordSet } from "./stopwords.ts";

export interface StoryText {
  title?: string;
  summary?: string;
  /** Plain body text. */
  text?: string;
  tags?: readonly string[];
}

/** One story's terms: ids into `TermBags.terms` with their field-weighted frequencies. */
export interface TermBag {
  ids: Int32Array;
  tf: Float64Array;
  /** Field-weighted number of words, for BM25's length normalization. */
  length: number;
}

export interface TermBags {
  terms: string[];
  bags: TermBag[];
}

const SINGLE_PROCLITICS = new Set(["و", "ف", "ب", "ل", "ك"]);
const DIGITS_ONLY = /^[0-9]+$/;

/** Accumulates weighted counts per id over one story, then hands them over as compact arrays. */
class Accumulator {
  private values = new Float64Array(1024);
  private readonly touched: number[] = [];

  add(id: number, weight: number): void {
    if (id >= this.values.length) {
      const grown = new Float64Array(Math.max(id + 1, this.values.length * 2));
      grown.set(this.values);
      this.values = grown;
    }
    if (this.values[id] === 0) this.touched.push(id);
    this.values[id]! += weight;
  }

  take(): { ids: Int32Array; tf: Float64Array } {
    const { touched, values } = this;
    const ids = new Int32Array(touched.length);
    const tf = new Float64Array(touched.length);
    for (let i = 0; i < touched.length; i++) {
      const id = touched[i]!;
      ids[i] = id;
      tf[i] = values[id]!;
      values[id] = 0;
    }
    touched.length = 0;
    return { ids, tf };
  }
}

/** Stems every distinct spelling once; `frequency` tells how often a spelling occurs in the corpus. */
export function stemmer(config: RelatedConfig, frequency: (word: string) => number): (word: string) => string {
  const options: StemOptions = config.stem;
  if (config.stem.replace) return config.stem.replace;
  const articles: StemOptions = config.stem.attestedProclitics ? { ...options, prefixes: options.prefixes.filter((p) => p.length > 1) } : options;
  return (word) => {
    let rest = stripPrefix(word, articles);
    if (rest === word && config.stem.attestedProclitics && SINGLE_PROCLITICS.has(word[0]!) && word.length - 1 >= options.minStem) {
      const bare = word.slice(1);
      if (frequency(bare) > frequency(word)) rest = stripPrefix(bare, articles);
    }
    return stripSuffixes(rest, options);
  };
}

export function analyze(stories: readonly StoryText[], config: RelatedConfig): TermBags {
  const normalize = { foldTaMarbuta: config.foldTaMarbuta };
  const stop = stopWordSet(normalize);
  const { fields } = config;

  // Pass 1: every spelling gets an id and a corpus frequency; each story a bag of spellings.
  const scanner = new SpellingScanner(normalize);
  const { spellings } = scanner;
  const counts: number[] = [];
  const dropped: boolean[] = [];
  const tagIds = new Map<string, number>();
  const accumulator = new Accumulator();
  const raw: Array<{ ids: Int32Array; tf: Float64Array; length: number; tags: Int32Array }> = [];
  let length = 0;
  let weight = 0;
  const onWord = (id: number) => {
    while (counts.length < spellings.length) {
      const word = spellings[counts.length]!;
      counts.push(0);
      dropped.push(word.length < 2 || DIGITS_ONLY.test(word) || isStopWord(word, stop));
    }
    counts[id]!++;
    if (dropped[id]) return;
    accumulator.add(id, weight);
    length += weight;
  };
  const addText = (text: string | undefined, fieldWeight: number) => {
    if (!text || !fieldWeight) return;
    weight = fieldWeight;
    scanner.scan(text, onWord);
  };
  const tagTerms: string[] = [];
  for (const story of stories) {
    length = 0;
    addText(story.title, fields.title);
    addText(story.summary, fields.summary);
    addText(story.text, fields.body);
    const tags: number[] = [];
    for (const tag of story.tags ?? []) {
      addText(tag, fields.tags);
      const whole = tokenize(tag, normalize).join(" ");
      if (!whole || !fields.tags) continue;
      let tagId = tagIds.get(whole);
      if (tagId === undefined) {
        tagIds.set(whole, (tagId = tagTerms.length));
        tagTerms.push(`#${whole}`);
      }
      tags.push(tagId);
    }
    raw.push({ ...accumulator.take(), length, tags: Int32Array.from(tags) });
  }

  // Pass 2: spellings to terms (stems), then each story's bag of terms.
  const spellingIds = new Map(spellings.map((word, id) => [word, id]));
  const frequency = (word: string) => {
    const id = spellingIds.get(word);
    return id === undefined ? 0 : (counts[id] ?? 0);
  };
  const stem = stemmer(config, frequency);
  const termIds = new Map<string, number>();
  const terms: string[] = [];
  const termId = (term: string) => {
    let id = termIds.get(term);
    if (id === undefined) {
      termIds.set(term, (id = terms.length));
      terms.push(term);
    }
    return id;
  };
  const termOf = Int32Array.from(spellings, (word, id) => (dropped[id] ?? true ? -1 : termId(stem(word))));
  const termOfTag = Int32Array.from(tagTerms, termId);
  const bags = raw.map(({ ids, tf, length: storyLength, tags }) => {
    for (let i = 0; i < ids.length; i++) accumulator.add(termOf[ids[i]!]!, tf[i]!);
    for (const tag of tags) accumulator.add(termOfTag[tag]!, fields.tags);
    return { ...accumulator.take(), length: storyLength };
  });
  return { terms, bags };
}
