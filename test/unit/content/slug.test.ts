import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isValidSlug, slugify, storySlug } from "../../../src/content/slug.ts";

describe("slugify (the contract's slug rule)", () => {
  it("keeps Arabic letters and joins words with single hyphens", () => {
    assert.equal(slugify("روبيو يتحدث عن التقدم"), "روبيو-يتحدث-عن-التقدم");
  });
  it("turns punctuation, quotes and runs of spaces into one hyphen and trims the ends", () => {
    assert.equal(slugify('  روبيو: تم إحراز "بعض التقدم"؟ ، في   المحادثات!  '), "روبيو-تم-إحراز-بعض-التقدم-في-المحادثات");
  });
  it("drops tashkeel, superscript alef and tatweel", () => {
    assert.equal(slugify("وعبَّرَ ترامبُ مراراً عن رغبتـــه"), "وعبر-ترامب-مرارا-عن-رغبته");
    assert.equal(slugify("الرَّحْمٰن"), "الرحمن");
  });
  it("keeps digits, Arabic-Indic or Latin, and lowercases Latin letters", () => {
    assert.equal(slugify("كوب 30 في ٢٠٢٥ COP30"), "كوب-30-في-٢٠٢٥-cop30");
  });
  it("normalises to NFC so the same title always gives the same slug", () => {
    assert.equal(slugify("e\u0301t\u00e9"), slugify("\u00e9t\u00e9"));
  });
  it("gives an empty slug for text with no letters or digits", () => {
    assert.equal(slugify("؟!… «»"), "");
  });
});

describe("isValidSlug", () => {
  it("accepts a slug already in normal form", () => assert.equal(isValidSlug("rubio-ukraine-progress"), true));
  it("rejects spaces, diacritics, upper case and empty slugs", () => {
    for (const bad of ["two words", "رُوبيو", "Rubio", "", "-edge-"]) assert.equal(isValidSlug(bad), false, bad);
  });
});

describe("storySlug", () => {
  it("takes the slug field when there is one", () => assert.equal(storySlug("rubio-talks", "/c/articles/2025/12/x.md"), "rubio-talks"));
  it("else the file name without .md, under the slug rule", () => {
    assert.equal(storySlug(undefined, "/c/articles/2025/12/محادثات السلام.md"), "محادثات-السلام");
    assert.equal(storySlug(undefined, "content\\articles\\خبر.md"), "خبر");
  });
});

describe("invisible characters in slugs", () => {
  it("drops zero-width and bidi characters, so a tag that looks the same gets the same page", () => {
    assert.equal(slugify("غزة\u200Bاليوم"), slugify("غزةاليوم"));
    assert.equal(slugify("\u202Eكرة القدم"), "كرة-القدم");
    assert.equal(slugify("ذكاء\u00ADاصطناعي"), "ذكاءاصطناعي");
  });
});
