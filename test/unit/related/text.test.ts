// The Arabic text rules of the related engine: normalization, the fast scanner, stop words, stemming.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { normalizeArabic, tokenize } from "../../../src/related/normalize.ts";
import { SpellingScanner } from "../../../src/related/scan.ts";
import { DEFAULT_STEM, lightStem } from "../../../src/related/stem.ts";
import { isStopWord, stopWordSet } from "../../../src/related/stopwords.ts";
import { relatedConfig } from "../../../src/related/config.ts";
import { stemmer } from "../../../src/related/terms.ts";

const off = { foldTaMarbuta: false };
const on = { foldTaMarbuta: true };

describe("normalizeArabic", () => {
  it("folds أ إ آ ٱ to ا, with and without diacritics", () => {
    assert.equal(normalizeArabic("أحمد إبراهيم آمال ٱلله"), "احمد ابراهيم امال الله");
    assert.equal(normalizeArabic("أَحْمَد إِبْرَاهِيم آمَال"), "احمد ابراهيم امال");
  });
  it("folds ى to ي", () => {
    assert.equal(normalizeArabic("مستشفى مصطفى"), "مستشفي مصطفي");
    assert.equal(normalizeArabic("مُسْتَشْفَى"), "مستشفي");
  });
  it("folds ة to ه only when asked", () => {
    assert.equal(normalizeArabic("الحكومة", off), "الحكومة");
    assert.equal(normalizeArabic("الحكومة", on), "الحكومه");
    assert.equal(normalizeArabic("الْحُكُومَةُ", on), "الحكومه");
  });
  it("drops tashkeel U+064B–U+0652 and the superscript alef U+0670", () => {
    assert.equal(normalizeArabic("كَتَبَ الطَّالِبُ دَرْسًا وَاحِدًا"), "كتب الطالب درسا واحدا");
    assert.equal(normalizeArabic("هٰذا"), "هذا");
    assert.equal(normalizeArabic("\u064B\u064C\u064D\u064E\u064F\u0650\u0651\u0652"), "");
  });
  it("drops tatweel", () => {
    assert.equal(normalizeArabic("الحكـــومة"), "الحكومة");
  });
  it("writes Arabic-Indic and Persian digits as 0-9", () => {
    assert.equal(normalizeArabic("٠١٢٣٤٥٦٧٨٩ ۲۰۲۵"), "0123456789 2025");
  });
  it("composes a letter and a following hamza sign (NFC) before folding", () => {
    assert.equal(normalizeArabic("ا\u0654حمد"), "احمد");
  });
  it("lower-cases Latin letters", () => {
    assert.equal(normalizeArabic("OPEC ChatGPT"), "opec chatgpt");
  });
});

describe("tokenize", () => {
  it("removes Arabic and ASCII punctuation", () => {
    assert.deepEqual(tokenize('«غزة»، هدنة؛ تبادل؟ (OPEC) "x" - ١٠٪.'), ["غزة", "هدنة", "تبادل", "opec", "x", "10"]);
  });
});

describe("SpellingScanner (the fast path)", () => {
  it("finds exactly the words tokenize finds, with the same spellings", () => {
    const text = 'قالَ الوزيرُ «إنّ المفاوضاتِ» مع آلِ ٱلبيتِ؛ الحكـــومة ٢٠٢٥ OPEC مستشفى... هٰذا سا\u0654ل؟ İstanbul 😀 end';
    for (const options of [on, off]) {
      const scanner = new SpellingScanner(options);
      const words: string[] = [];
      scanner.scan(text, (id) => words.push(scanner.spellings[id]!));
      const expected = tokenize(text, options).filter((w) => w !== "😀"); // not a letter either way
      assert.deepEqual(words.filter((w) => w !== "😀"), expected);
    }
  });
  it("gives one id per distinct spelling", () => {
    const scanner = new SpellingScanner(on);
    const ids: number[] = [];
    scanner.scan("غزة وغزة غزة أَحمد احمد", (id) => ids.push(id));
    assert.deepEqual(ids, [0, 1, 0, 2, 2]);
    assert.deepEqual(scanner.spellings, ["غزه", "وغزه", "احمد"]);
  });
});

describe("stop words", () => {
  const stop = stopWordSet(on);
  it("include Orama's Arabic list, normalized, in every spelling", () => {
    for (const word of ["في", "من", "إلى", "الى", "التي", "هذه", "كانت", "ذلك"]) assert.ok(isStopWord(normalizeArabic(word, on), stop), word);
  });
  it("include newsroom words with no topic", () => {
    for (const word of ["قال", "قالت", "أعلن", "أوضح", "بشأن"]) assert.ok(isStopWord(normalizeArabic(word, on), stop), word);
  });
  it("include stop words behind و and ف", () => {
    for (const word of ["وفي", "ومن", "فقد", "وعلى"]) assert.ok(isStopWord(normalizeArabic(word, on), stop), word);
  });
  it("leave out content words, including those Orama lists", () => {
    for (const word of ["حكومة", "غزة", "زيارة", "قوة", "وزير", "فريق"]) assert.ok(!isStopWord(normalizeArabic(word, on), stop), word);
  });
});

describe("lightStem", () => {
  // word -> stem, checked by hand (normalized input, ة not folded)
  const table: Array<[string, string]> = [
    ["الحكومة", "حكوم"],
    ["والحكومة", "حكوم"],
    ["بالحكومة", "حكوم"],
    ["للحكومة", "حكوم"],
    ["حكومات", "حكوم"],
    ["الحكومية", "حكوم"],
    ["حكومتها", "حكوم"],
    ["المفاوضات", "مفاوض"],
    ["المفاوضون", "مفاوض"],
    ["للمفاوضين", "مفاوض"],
    ["اللاعبين", "لاعب"],
    ["الاقتصادية", "اقتصاد"],
    ["اقتصادي", "اقتصاد"],
    ["كالبحر", "بحر"],
    ["فالقرار", "قرار"],
    ["وقرارهم", "قرار"],
    ["الانتخابات", "انتخاب"],
    ["انتخابات", "انتخاب"],
    ["المستشفيات", "مستشف"],
    ["المستشفي", "مستشف"],
    ["قلبها", "قلب"],
    ["صوتها", "صوت"],
    ["غزة", "غزة"],
    ["وغزة", "غزة"],
    ["بنك", "بنك"],
    ["الدم", "الدم"],
  ];
  for (const [word, stem] of table) {
    it(`${word} → ${stem}`, () => assert.equal(lightStem(word), stem));
  }
  it("never leaves fewer than minStem letters", () => {
    assert.equal(lightStem("الصين"), "صين");
    assert.equal(lightStem("بيتها"), "بيت");
    assert.equal(lightStem("الدم", { ...DEFAULT_STEM, minStem: 2 }), "دم");
  });
  it("the plain و rule cuts words that begin with و (وزير → زير); the corpus check keeps them", () => {
    assert.equal(lightStem("وزير"), "زير");
    const counts = new Map([["وزير", 40], ["الوزير", 30], ["غزة", 50], ["وغزة", 5], ["زير", 0]]);
    const stem = stemmer(relatedConfig({ foldTaMarbuta: false }), (w) => counts.get(w) ?? 0);
    assert.equal(stem("وزير"), "وزير");
    assert.equal(stem("الوزير"), "وزير");
    assert.equal(stem("وغزة"), "غزة");
    const plain = stemmer(relatedConfig({ foldTaMarbuta: false, stem: { attestedProclitics: false } }), (w) => counts.get(w) ?? 0);
    assert.equal(plain("وزير"), "زير");
  });
  it("gives one stem to ة and ه endings when ة is folded", () => {
    assert.equal(lightStem(normalizeArabic("الحكومة", on)), lightStem(normalizeArabic("حكومات", on)));
  });
});
