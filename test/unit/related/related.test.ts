// The related engine rule by rule: scoring, the index, and the two lists under a story.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { relatedStories, relatedConfig, type Relatable, type RelatedOptions } from "../../../src/related/index.ts";
import { buildIndex, onGrid } from "../../../src/related/inverted-index.ts";
import { pairScore, recencyFactor } from "../../../src/related/score.ts";
import { analyze } from "../../../src/related/terms.ts";

const DAY = 86_400_000;
const T0 = Date.UTC(2025, 11, 1);
let counter = 0;
type Story = Relatable & { title: string };
const story = (fields: Partial<Story> & { categoryId: string; title: string }): Story => ({
  slug: `s${++counter}`,
  epoch: T0 - counter * DAY,
  handPicked: [],
  summary: "",
  text: "",
  tags: [],
  ...fields,
});
const slugs = (list: Relatable[]) => list.map((s) => s.slug);
const options: RelatedOptions = { count: 5, readAlsoCount: 4 };

const gaza = [
  story({ slug: "gaza-1", categoryId: "politics", title: "هدنة جديدة في غزة وتبادل للأسرى عبر معبر رفح", text: "قال الوسطاء إن الهدنة في قطاع غزة تشمل تبادل الأسرى وإدخال المساعدات عبر معبر رفح.", tags: ["غزة"] }),
  story({ slug: "gaza-2", categoryId: "politics", title: "الوسطاء يبحثون تمديد الهدنة في غزة", text: "يبحث الوسطاء تمديد الهدنة في غزة وزيادة المساعدات الإنسانية للنازحين عند معبر رفح.", tags: ["غزة", "فلسطين"] }),
  story({ slug: "gaza-3", categoryId: "politics", title: "دخول شاحنات المساعدات إلى غزة من معبر رفح", text: "دخلت شاحنات المساعدات قطاع غزة عبر معبر رفح مع استمرار الهدنة وتبادل الأسرى.", tags: [] }),
];
const football = [
  story({ slug: "goal-1", categoryId: "sports", title: "النجمة يفوز في الدوري بهدفين", text: "فاز فريق النجمة على منافسه بهدفين في مباراة الدوري وتصدر الترتيب.", tags: ["كرة القدم"] }),
  story({ slug: "goal-2", categoryId: "sports", title: "مدرب النجمة يشيد باللاعبين بعد الفوز في الدوري", text: "أشاد المدرب باللاعبين بعد الفوز في مباراة الدوري وقال إن الفريق يستحق الصدارة.", tags: ["كرة القدم"] }),
];
const economy = [
  story({ slug: "oil-1", categoryId: "economy", title: "أسعار النفط ترتفع بعد قرار أوبك", text: "ارتفعت أسعار النفط بعد قرار أوبك خفض الإنتاج.", tags: ["النفط"] }),
  story({ slug: "oil-2", categoryId: "economy", title: "أوبك تبقي على خفض إنتاج النفط", text: "أبقت أوبك على خفض إنتاج النفط حتى نهاية العام.", tags: ["النفط"] }),
];
const all = [...gaza, ...football, ...economy];

describe("scoring", () => {
  it("ranks a Gaza story above a football story for a Gaza story, whatever the order of the input", () => {
    // in a section of its own, so only the text (not the newest of its section) can find the others
    const lead = { ...gaza[0]!, categoryId: "world" };
    const pool = [lead, ...all.slice(1)];
    for (const order of [pool, [...pool].reverse()]) {
      const related = slugs(relatedStories(order, options).get(lead)!.related);
      assert.deepEqual(related.slice(0, 2).sort(), ["gaza-2", "gaza-3"]);
    }
  });
  it("matches words across their spellings: prefixes, suffixes, hamza and diacritics", () => {
    // one pair per rule, each story in its own section, so nothing but the matched word relates them
    for (const [first, second] of [
      ["الانتخابات", "والانتخابات"],
      ["البرلمانية", "البرلمان"],
      ["الانتخابات", "الإنتخابات"],
      ["الانتخابات", "الانْتِخابات"],
    ]) {
      const a = story({ slug: "a", categoryId: "x", title: first! });
      const b = story({ slug: "b", categoryId: "y", title: second! });
      const c = story({ slug: "c", categoryId: "z", title: "مباراة كرة القدم" });
      assert.deepEqual(slugs(relatedStories([a, b, c], { count: 1, readAlsoCount: 0 }).get(a)!.related), ["b"], `${first} / ${second}`);
    }
  });
  it("counts a same-category story up by the category bonus, and older stories down", () => {
    const config = relatedConfig();
    assert.equal(pairScore(0.5, true, 0, config), 0.5 + config.categoryBonus);
    assert.equal(pairScore(0.5, false, 0, config), 0.5);
    assert.equal(recencyFactor(0, config.recency), 1);
    const halfLife = config.recency.halfLifeDays * DAY;
    assert.ok(Math.abs(recencyFactor(halfLife, config.recency) - (1 - config.recency.weight / 2)) < 1e-12);
    assert.ok(recencyFactor(-10 * halfLife, config.recency) >= 1 - config.recency.weight);
  });
  it("prefers the newer of two stories that say the same", () => {
    // the two in another section, and every word indexed, so the order comes from the scores
    const a = story({ slug: "a", categoryId: "x", epoch: T0, title: "محطة طاقة شمسية جديدة" });
    const near = story({ slug: "near", categoryId: "y", epoch: T0 - DAY, title: "محطة طاقة شمسية جديدة" });
    const far = story({ slug: "far", categoryId: "y", epoch: T0 - 400 * DAY, title: "محطة طاقة شمسية جديدة" });
    assert.deepEqual(slugs(relatedStories([far, a, near], { count: 2, readAlsoCount: 0, maxDocumentShare: 1 }).get(a)!.related), ["near", "far"]);
  });
});

describe("the index", () => {
  const config = relatedConfig({ termsPerStory: 3, maxDocumentShare: 1 });
  const stories = [
    { title: "غزة هدنة معبر رفح أسرى" },
    { title: "غزة هدنة معبر" },
    { title: "غزة هدنة" },
    { title: "غزة نفط" },
    { title: "كلمة-فريدة" },
    { title: "رفح أسرى" },
  ];
  const bags = analyze(stories, config);
  // published in the reverse order of the list: the last story is the oldest
  const epoch = Float64Array.from(stories, (_, i) => T0 - i * DAY);
  const index = buildIndex(bags, epoch, config);
  it("keeps at most termsPerStory terms per story, scaled to unit length", () => {
    assert.equal(index.fingerprints[0]!.terms.length, 3, "the first story has 5 terms found elsewhere too");
    for (const f of index.fingerprints) {
      assert.ok(f.terms.length <= 3);
      if (f.terms.length) assert.ok(Math.abs(Math.hypot(...f.weights) - 1) < 1e-9);
    }
  });
  it("leaves out terms found in one story only", () => {
    assert.equal(index.fingerprints[4]!.terms.length, 0);
    assert.ok(bags.bags[4]!.ids.length > 0, "the words are read, just not indexed");
  });
  it("lists each term's stories oldest first, and remembers where each story sits in them", () => {
    assert.deepEqual([...index.postings[bags.terms.indexOf("رفح")]!], [5, 0]);
    assert.deepEqual([...index.postings[bags.terms.indexOf("معبر")]!], [1, 0]);
    index.fingerprints.forEach((f, story) => {
      f.terms.forEach((id, i) => assert.equal(index.postings[id]![f.positions[i]!], story));
      f.terms.forEach((id, i) => assert.equal(index.postingWeights[id]![f.positions[i]!], f.weights[i]));
    });
  });
  it("reads the archive's counts on a logarithmic grid, exactly below a threshold", () => {
    assert.equal(onGrid(7, 16, 16), 7);
    assert.equal(onGrid(1030, 16, 16), onGrid(1040, 16, 16));
    assert.ok(onGrid(1000, 8, 0, Math.ceil) >= 1000);
    assert.ok(Math.abs(onGrid(1000, 16) / 1000 - 1) < 0.022, "within half a step of 2^(1/16)");
  });
  it("leaves out terms in more than maxDocumentShare of the stories", () => {
    const strict = buildIndex(bags, epoch, relatedConfig({ maxDocumentShare: 0.5 }));
    assert.equal(strict.postings[bags.terms.indexOf("غزه")]!.length, 0);
  });
  it("looks, per shared term, at the nearestPerTerm stories published nearest to the story", () => {
    // seven stories a day apart saying the same, each in a section of its own (no fallback)
    const week = Array.from({ length: 7 }, (_, day) => story({ slug: `day-${day}`, categoryId: `c${day}`, epoch: T0 + day * DAY, title: "محطة طاقة شمسية جديدة" }));
    const near = (settings: Partial<RelatedOptions>, day: number) =>
      slugs(relatedStories(week, { count: 6, readAlsoCount: 0, maxDocumentShare: 1, ...settings }).get(week[day]!)!.related).sort();
    assert.deepEqual(near({ nearestPerTerm: 2 }, 3), ["day-2", "day-4"]);
    assert.deepEqual(near({ nearestPerTerm: 2 }, 0), ["day-1", "day-2"], "at the start, the window moves inwards");
    assert.deepEqual(near({ nearestPerTerm: 2 }, 6), ["day-4", "day-5"], "at the end too");
    assert.deepEqual(near({ nearestPerTerm: 3 }, 3), ["day-2", "day-4", "day-5"]);
    assert.deepEqual(near({}, 3), ["day-0", "day-1", "day-2", "day-4", "day-5", "day-6"], "the default looks further");
  });
  it("finds candidates only through shared terms: a story sharing none gets its category's neighbours in time", () => {
    // between goal-1 and goal-2 in time: the earlier one first, then the later one
    const lonely = story({ slug: "lonely", categoryId: "sports", epoch: (football[0]!.epoch + football[1]!.epoch) / 2, title: "كلمات لا يشاركها أحد" });
    const lists = relatedStories([...all, lonely], options);
    assert.deepEqual(slugs(lists.get(lonely)!.related), ["goal-2", "goal-1"]);
  });
});

describe("the two lists", () => {
  const lists = relatedStories(all, options);
  it("never list the story itself", () => {
    for (const [s, { related, readAlso }] of lists) assert.ok(!related.includes(s) && !readAlso.includes(s), s.slug);
  });
  it("never show one story in both lists", () => {
    for (const { related, readAlso } of lists.values()) assert.deepEqual(related.filter((r) => readAlso.includes(r)), []);
  });
  it("put hand-picked stories first, in the editor's order, whatever their category", () => {
    const picked = { ...gaza[1]!, handPicked: ["oil-2", "goal-1", "missing-slug", "gaza-2"] };
    const pool = all.map((s) => (s === gaza[1] ? picked : s));
    const related = slugs(relatedStories(pool, options).get(picked)!.related);
    assert.deepEqual(related.slice(0, 2), ["oil-2", "goal-1"]);
    assert.ok(!related.includes("gaza-2"), "a story is never related to itself, even hand-picked");
    assert.deepEqual(related.slice(2).sort(), ["gaza-1", "gaza-3"]);
  });
  it("never list a draft or scheduled story, though those get lists of their own", () => {
    const draft = story({ slug: "draft", categoryId: "politics", title: "هدنة غزة معبر رفح المساعدات", unpublished: true });
    const picker = { ...gaza[0]!, handPicked: ["draft"] };
    const pool = [picker, ...all.slice(1), draft];
    // every word indexed, so the draft would be a strong candidate for the Gaza stories if it were allowed
    const result = relatedStories(pool, { ...options, maxDocumentShare: 1 });
    for (const { related, readAlso } of result.values()) assert.ok(![...related, ...readAlso].includes(draft));
    assert.ok(result.get(draft)!.related.length > 0);
  });
  it("have the lengths the site asks for", () => {
    const phrases = { politics: "هدنة غزة معبر", sports: "مباراة الدوري هدف", economy: "أسعار النفط أوبك" };
    const words = ["أول", "ثان", "ثالث", "رابع", "خامس", "سادس", "سابع"];
    const pool = Object.entries(phrases).flatMap(([categoryId, phrase]) => words.map((w) => story({ categoryId, title: `${phrase} ${w}` })));
    for (const [count, readAlsoCount] of [[5, 4], [2, 3], [0, 1], [6, 0]] as const) {
      for (const { related, readAlso } of relatedStories(pool, { count, readAlsoCount }).values()) {
        assert.equal(related.length, count);
        assert.equal(readAlso.length, readAlsoCount);
      }
    }
  });
  it("are shorter when the site has too few stories", () => {
    const only = story({ slug: "only", categoryId: "x", title: "خبر" });
    assert.deepEqual(relatedStories([only], options).get(only), { related: [], readAlso: [] });
  });
  it("fill «اقرأ أيضاً» with the stories of other categories nearest before the story, one per category first, then its own category's neighbour not related", () => {
    const config = { count: 2, readAlsoCount: 3, readAlsoSameCategory: 1 };
    const extra = story({ slug: "budget", categoryId: "politics", title: "البرلمان يقر الميزانية" });
    const { related, readAlso } = relatedStories([...all, extra], config).get(gaza[0]!)!;
    assert.deepEqual(slugs(related).sort(), ["gaza-2", "gaza-3"]);
    // goal-1 (sports) is nearer before gaza-1 than goal-2 and oil-1 (economy): one per category,
    // nearest first; then the politics story nearest in time that is not related
    assert.deepEqual(slugs(readAlso), ["goal-1", "oil-1", "budget"]);
  });
  // a day per story: politics p0..p9, sports s0..s9, economy e0..e9, each saying something else
  const spread = () => {
    const words = ["شمس", "قمر", "بحر", "جبل", "نهر", "غيم", "رمل", "ثلج", "ريح", "نجم"];
    return ["p", "s", "e"].flatMap((c, k) => words.map((w, n) => story({ slug: `${c}${n}`, categoryId: c, epoch: T0 + (3 * n + k) * DAY, title: `${w}${c}${n} ${c}${k}${n}` })));
  };
  it("choose «اقرأ أيضاً» around the story's own time, not among the newest stories", () => {
    const pool = spread();
    const lists = relatedStories(pool, { count: 1, readAlsoCount: 3, readAlsoSameCategory: 1 });
    const of = (slug: string) => lists.get(pool.find((s) => s.slug === slug)!)!;
    // s5 (day 16): p5 (day 15) and e4 (day 14) are the nearest before; its own neighbours s4 (related, as nothing shares its words), then s3
    assert.deepEqual(slugs(of("s5").related), ["s4"]);
    assert.deepEqual(slugs(of("s5").readAlso), ["p5", "e4", "s3"]);
    // p0 is the oldest: nothing before it, so the nearest after it; its own section's too
    assert.deepEqual(slugs(of("p0").readAlso), ["s0", "e0", "p2"]);
  });
  it("leave every list unchanged when a newer story they have nothing to do with is published", () => {
    const pool = spread();
    const options = { count: 2, readAlsoCount: 4, readAlsoSameCategory: 1 };
    const before = relatedStories(pool, options);
    for (const categoryId of ["p", "world"]) {
      const newest = story({ slug: "newest", categoryId, epoch: T0 + 100 * DAY, title: "افتتاح متحف للفنون التشكيلية" });
      const after = relatedStories([...pool, newest], options);
      // (but for p0, the oldest story of the site: it has no story before it, so it takes the nearest
      // after it of every section, and the first story of a new section is that)
      for (const s of pool.filter((s) => categoryId === "p" || s.slug !== "p0")) {
        const [was, is] = [before.get(s)!, after.get(s)!];
        assert.deepEqual([slugs(is.related), slugs(is.readAlso)], [slugs(was.related), slugs(was.readAlso)], `${s.slug} (${categoryId})`);
      }
      assert.equal(after.get(newest)!.readAlso.length, 4, "the new story gets lists of its own");
    }
  });
  it("order stories published at the same time by slug, whatever the order of the input", () => {
    const same = ["c", "a", "d", "b"].map((slug) => story({ slug, categoryId: slug === "a" ? "x" : "y", epoch: T0, title: `كلمة${slug}` }));
    for (const order of [same, [...same].reverse()]) {
      const lists = relatedStories(order, { count: 0, readAlsoCount: 3, readAlsoSameCategory: 0 });
      // b, c and d tie in time with a: the earlier in slug order counts as published before it
      assert.deepEqual(slugs(lists.get(same[1]!)!.readAlso), ["b", "c", "d"]);
      // b: a is its only story of another section, then its own section's neighbours, c and d after it
      assert.deepEqual(slugs(lists.get(same[3]!)!.readAlso), ["a", "c", "d"]);
    }
  });
  it("fill «اقرأ أيضاً» from other categories alone when the own category has nothing left", () => {
    const { readAlso } = relatedStories(all, { count: 5, readAlsoCount: 4, readAlsoSameCategory: 1 }).get(football[0]!)!;
    assert.equal(readAlso.length, 4);
    assert.ok(readAlso.every((s) => s.categoryId !== "sports"));
  });
});
