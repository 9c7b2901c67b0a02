// `npm run corpus -- --n 10000 --out DIR [--seed 1]`: a deterministic synthetic Arabic newsroom
// in the content contract's format (docs/content.md), for measuring related stories and the build.
// DIR gets articles/YYYY/MM/<slug>.md, the rest of content/ copied (_data/, logos) and topics.json, which
// maps every slug to its hidden topic ("category/topic"): the answer key of `npm run bench:related`.
//
// Each story is written about one hidden topic of its category: its title and body mix words of
// that topic with words of its category, newsroom words, places, numbers and function words, in
// inflected spellings (article, conjunction and preposition prefixes, plural and pronoun suffixes),
// with the noise of real text: missing hamzas, ى written ي, occasional tashkeel and tatweel,
// Arabic-Indic digits. About a third of stories stray into a sibling topic for a paragraph; a
// quarter have no tags; some tags are shared by topics of different categories; places are tags of
// stories of any topic. The same --n and --seed always give the same files.
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { slugify } from "../src/content/slug.ts";
import { CATEGORIES, GENERAL_WORDS, PLACES, STOP_WORDS, VERBS } from "./vocabulary.ts";
import { runCommand } from "../src/cli/run.ts";

export interface CorpusOptions {
  n: number;
  seed?: number;
  /** Days covered by the corpus, ending at `end`. */
  days?: number;
  end?: Date;
}

export interface GeneratedStory {
  slug: string;
  /** Path under articles/. */
  file: string;
  topic: string;
  category: string;
  markdown: string;
  /** What the related engine reads, for benchmarks that skip the loader. */
  fields: { title: string; summary?: string; text: string; tags: string[]; epoch: number; handPicked: string[] };
}

export interface Corpus {
  stories: GeneratedStory[];
  /** slug -> "category/topic" */
  topics: Record<string, string>;
}

/** mulberry32: small, fast and the same everywhere. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Lemma {
  word: string;
  kind: string;
}

const lemmas = (spec: string): Lemma[] =>
  spec.split(/\s+/).filter(Boolean).map((entry) => {
    const [word, kind] = entry.split(":");
    return { word: word!, kind: kind ?? "m" };
  });

const SOURCES = ["alarabiya", "reuters", "aljazeera", "skynewsarabia", "bbcarabic", "afp"];
const TASHKEEL = ["\u064E", "\u064F", "\u0650", "\u0651", "\u0652", "\u064B", "\u064D"];
const ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩";

class Writer {
  constructor(readonly rand: () => number) {}

  int(min: number, max: number): number {
    return min + Math.floor(this.rand() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.rand() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.rand() * items.length)]!;
  }
  /** Zipf-like: earlier items are used more often. */
  pickSkewed<T>(items: readonly T[]): T {
    return items[Math.floor(items.length * this.rand() ** 1.6)]!;
  }
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.rand() * (i + 1));
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  }

  /** The form each lemma takes in the story being written: a writer keeps to one spelling of a
   * word through a story (المفاوضات here, المفاوضين there), which is what makes stemming matter. */
  private forms = new Map<Lemma, [string, boolean]>();

  newStory(): void {
    this.forms.clear();
  }

  /** One written form of a lemma: an inflection, a proclitic, and the noise of real text. */
  inflect(lemma: Lemma): string {
    const kept = this.forms.get(lemma);
    const [stem, possessive] = kept && this.chance(0.8) ? kept : this.inflection(lemma);
    if (!kept) this.forms.set(lemma, [stem, possessive]);
    return this.noise(this.proclitic(lemma, stem, possessive));
  }

  private inflection({ word, kind }: Lemma): [string, boolean] {
    let stem = word;
    let possessive = false;
    switch (kind) {
      case "f": {
        const r = this.rand();
        if (r < 0.25) stem = `${word.slice(0, -1)}ات`;
        else if (r < 0.3) [stem, possessive] = [`${word.slice(0, -1)}ت${this.pick(["ها", "ه", "هم"])}`, true];
        break;
      }
      case "m":
        if (this.chance(0.12)) [stem, possessive] = [`${word}${this.pick(["ه", "ها", "هم"])}`, true];
        break;
      case "mp": {
        const r = this.rand();
        if (r < 0.2) stem = `${word}ون`;
        else if (r < 0.45) stem = `${word}ين`;
        else if (r < 0.5) stem = `${word}ة`;
        break;
      }
      case "n": {
        const r = this.rand();
        if (r < 0.4) stem = `${word}ة`;
        else if (r < 0.5) stem = `${word}ين`;
        else if (r < 0.55) stem = `${word}ون`;
        break;
      }
      case "at":
        if (this.chance(0.35)) stem = `${word}ات`;
        break;
    }
    return [stem, possessive];
  }

  private proclitic({ word, kind }: Lemma, stem: string, possessive: boolean): string {
    const definite = word.startsWith("ال");
    let written: string;
    if (kind === "p" || definite || possessive) {
      const clitic = this.chance(0.12) ? this.pick(["و", "ب", "ل"]) : "";
      written = clitic === "ل" && definite ? `ل${stem.slice(1)}` : `${clitic}${stem}`;
    } else {
      const r = this.rand();
      const article = stem.startsWith("ل") ? "ال" : this.pick(["ال", "ال", "ال", "لل"]);
      written =
        r < 0.4 ? `${article}${stem}`
        : r < 0.5 ? `وال${stem}`
        : r < 0.57 ? `${this.pick(["بال", "بال", "كال", "فال"])}${stem}`
        : r < 0.64 ? `${this.pick(["و", "ب", "ل"])}${stem}`
        : stem;
    }
    return written;
  }

  noise(word: string): string {
    let w = word;
    if (this.chance(0.15)) w = w.replace(/[أإآ]/g, "ا");
    if (w.endsWith("ى") && this.chance(0.3)) w = `${w.slice(0, -1)}ي`;
    if (this.chance(0.04)) {
      const at = this.int(1, Math.max(1, w.length - 1));
      w = `${w.slice(0, at)}${this.pick(TASHKEEL)}${w.slice(at)}`;
    }
    if (this.chance(0.01) && w.length > 3) w = `${w.slice(0, 2)}\u0640${w.slice(2)}`;
    return w;
  }

  number(): string {
    const n = String(this.pick([2, 3, 5, 10, 12, 15, 20, 25, 30, 40, 50, 100, 250, 1000, 2024, 2025]));
    return this.chance(0.4) ? [...n].map((d) => ARABIC_DIGITS[Number(d)]).join("") : n;
  }
}

interface Vocabulary {
  topic: Lemma[];
  category: Lemma[];
  general: Lemma[];
}

function sentence(w: Writer, v: Vocabulary, length: number, topicShare = 0.07): string {
  const words = [w.pick(VERBS)];
  while (words.length < length) {
    const r = w.rand();
    if (r < topicShare) words.push(w.inflect(w.pickSkewed(v.topic)));
    else if (r < topicShare + 0.16) words.push(w.inflect(w.pick(v.category)));
    else if (r < topicShare + 0.38) words.push(w.inflect(w.pick(v.general)));
    else if (r < topicShare + 0.42) words.push(w.pick(PLACES));
    else if (r < topicShare + 0.45) words.push(w.number());
    else words.push(w.pick(STOP_WORDS));
  }
  let text = words.join(" ");
  if (w.chance(0.15)) {
    const at = text.indexOf(" ", Math.floor(text.length / 2));
    if (at > 0) text = `${text.slice(0, at)}، «${text.slice(at + 1)}»`;
  }
  return `${text}${w.chance(0.08) ? "؟" : "."}`;
}

function title(w: Writer, v: Vocabulary, sibling: Lemma[]): string {
  const parts = [w.inflect(w.pickSkewed(v.topic)), w.pick(STOP_WORDS), w.inflect(w.pick(v.category))];
  parts.push(w.inflect(w.pickSkewed(w.chance(0.3) ? sibling : v.topic)));
  if (w.chance(0.4)) parts.push(w.pick(PLACES));
  if (w.chance(0.5)) parts.push(w.inflect(w.pick(v.general)));
  const text = w.shuffle(parts).join(" ");
  return w.chance(0.2) ? `${w.pick(["عاجل", "مصدر", "خبير", "مسؤول"])}: ${text}` : text;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The date in the site's zone (+03:00), as an editor writes it. */
function isoDate(epoch: number): string {
  const d = new Date(epoch + 3 * 3600_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:00+03:00`;
}

export function generateCorpus({ n, seed = 1, days = 730, end = new Date("2025-12-31T18:00:00Z") }: CorpusOptions): Corpus {
  const w = new Writer(random(seed));
  const general = lemmas(GENERAL_WORDS);
  const topics = CATEGORIES.flatMap((category) =>
    category.topics.map((topic) => {
      const span = w.int(Math.round(days / 3), days);
      return {
        key: `${category.id}/${topic.id}`,
        category,
        topic,
        words: lemmas(topic.words),
        siblings: category.topics.filter((t) => t !== topic).map((t) => lemmas(t.words)),
        categoryWords: lemmas(category.words),
        from: end.getTime() - w.int(span, days) * 86_400_000,
        span: span * 86_400_000,
      };
    }),
  );
  const allTopicWords = topics.map((t) => t.words);
  // Balanced: every topic gets n / topics stories (±1), in a shuffled order.
  const assignment = w.shuffle(Array.from({ length: n }, (_, i) => i % topics.length));
  const stories: GeneratedStory[] = [];
  const byTopic = new Map<string, string[]>();
  const taken = new Set<string>();

  assignment.forEach((topicIndex, i) => {
    const t = topics[topicIndex]!;
    w.newStory();
    // each story uses a part of its topic's words, most-used first
    const own = w.shuffle([...t.words]).slice(0, w.int(7, 11));
    const v: Vocabulary = { topic: own, category: t.categoryWords, general };
    const headline = title(w, v, w.pick(t.siblings));
    const paragraphs: string[] = [];
    const count = w.int(3, 6);
    const stray = w.chance(0.5) ? w.int(1, count - 1) : -1;
    for (let p = 0; p < count; p++) {
      const topicWords = p === stray ? w.pick(t.siblings) : own;
      const sentences = Array.from({ length: w.int(2, 3) }, () => {
        const mention = w.chance(0.06) ? w.pick(allTopicWords) : topicWords;
        return sentence(w, { ...v, topic: mention }, w.int(10, 18));
      });
      paragraphs.push(sentences.join(" "));
    }
    const base = slugify(headline.split(/\s+/).slice(0, 5).join(" ")) || "خبر";
    let slug = `${base}-${i + 1}`;
    while (taken.has(slug)) slug = `${slug}-x`;
    taken.add(slug);

    const epoch = t.from + Math.floor(w.rand() * t.span);
    const date = isoDate(epoch);
    const tags: string[] = [];
    if (w.chance(0.75)) {
      tags.push(...w.shuffle([...t.topic.tags]).slice(0, w.int(1, t.topic.tags.length)));
      if (t.topic.sharedTags && w.chance(0.5)) tags.push(w.pick(t.topic.sharedTags));
      if (w.chance(0.3)) tags.push(w.pick(PLACES));
    }
    const peers = byTopic.get(t.key) ?? [];
    const handPicked = peers.length && w.chance(0.01) ? [w.pick(peers)] : [];
    const summary = w.chance(0.5) ? sentence(w, v, w.int(12, 20)).replace(/[«»]/g, "") : undefined;
    const uniqueTags = [...new Set(tags)];
    const fm = [
      "---",
      `title: ${JSON.stringify(headline)}`,
      `date: ${date}`,
      `category: ${t.category.id}`,
      ...(uniqueTags.length ? [`tags: ${JSON.stringify(uniqueTags)}`] : []),
      ...(summary ? [`summary: ${JSON.stringify(summary)}`] : []),
      `source: { id: ${w.pick(SOURCES)}, url: "https://source.example/${i + 1}" }`,
      ...(w.chance(0.4) ? [`image: { src: "https://images.example/${i + 1}.jpg", alt: ${JSON.stringify(headline.slice(0, 60))} }`] : []),
      ...(handPicked.length ? [`related: ${JSON.stringify(handPicked)}`] : []),
      "---",
      "",
    ];
    stories.push({
      slug,
      file: `${date.slice(0, 4)}/${date.slice(5, 7)}/${slug}.md`,
      topic: t.key,
      category: t.category.id,
      markdown: `${fm.join("\n")}${paragraphs.join("\n\n")}\n`,
      fields: { title: headline, summary: summary ?? paragraphs[0], text: paragraphs.join("\n"), tags: uniqueTags, epoch: Date.parse(date), handPicked },
    });
    peers.push(slug);
    byTopic.set(t.key, peers);
  });
  return { stories, topics: Object.fromEntries(stories.map((s) => [s.slug, s.topic])) };
}

const projectRoot = fileURLToPath(new URL("..", import.meta.url));

/**
 * Writes a complete content folder: the generated articles/, everything else of the project's
 * content/ (_data/ and the logos and pictures its settings name), and topics.json.
 */
export function writeCorpus(corpus: Corpus, dir: string, contentDir = path.join(projectRoot, "content")): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, "articles"), { recursive: true });
  for (const entry of readdirSync(contentDir)) {
    if (entry !== "articles") cpSync(path.join(contentDir, entry), path.join(dir, entry), { recursive: true });
  }
  // The sample sets listPageSize to 6 only so its 18 stories show pagination; a large corpus gets
  // the default page size a real site of that size would use.
  const siteFile = path.join(dir, "_data", "site.json");
  const { listPageSize: _sampleOnly, ...site } = JSON.parse(readFileSync(siteFile, "utf8")) as Record<string, unknown>;
  writeFileSync(siteFile, `${JSON.stringify(site, null, 2)}\n`);
  const folders = new Set<string>();
  for (const story of corpus.stories) {
    const file = path.join(dir, "articles", story.file);
    const folder = path.dirname(file);
    if (!folders.has(folder)) mkdirSync(folder, { recursive: true });
    folders.add(folder);
    writeFileSync(file, story.markdown);
  }
  writeFileSync(path.join(dir, "topics.json"), `${JSON.stringify(corpus.topics, null, 0)}\n`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { n: { type: "string", default: "2000" }, out: { type: "string" }, seed: { type: "string", default: "1" } } });
  if (!values.out) {
    console.error("usage: npm run corpus -- --n 10000 --out DIR [--seed 1]");
    process.exit(2);
  }
  const started = performance.now();
  const corpus = generateCorpus({ n: Number(values.n), seed: Number(values.seed) });
  writeCorpus(corpus, path.resolve(values.out));
  const topicCount = new Set(Object.values(corpus.topics)).size;
  console.log(`Wrote ${corpus.stories.length} stories over ${topicCount} topics to ${values.out} in ${((performance.now() - started) / 1000).toFixed(1)} s (answer key: ${path.join(values.out, "topics.json")})`);
}

await runCommand(import.meta.url, "corpus", main);
