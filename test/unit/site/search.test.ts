import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { searchRecord } from "../../../src/site/search.ts";
import { storyUrl } from "../../../src/urls.ts";
import { type Story } from "../../../src/site/story.ts";

const story = {
  url: storyUrl("مفاوضات-السلام"),
  title: "روبيو: تقدم في المحادثات",
  summary: "ملخص الخبر",
  image: { src: "/images/x.jpg", alt: "طاولة مفاوضات", caption: "تعبيرية عن مفاوضات السلام" },
  text: "قال الوزير إن المفاوضات مستمرة.",
  category: { id: "politics", name: "سياسة", order: 1, url: "/category/politics/" },
} as unknown as Story;

describe("searchRecord", () => {
  const record = searchRecord(story, "ar");
  it("indexes what the reader sees: headline, summary, the lead picture's caption and description, body", () => {
    for (const part of ["روبيو: تقدم في المحادثات", "ملخص الخبر", "تعبيرية عن مفاوضات السلام", "طاولة مفاوضات", "قال الوزير إن المفاوضات مستمرة."]) {
      assert.ok(record.content.includes(part), part);
    }
  });
  it("leaves out what a story does not have", () => {
    const bare = searchRecord({ ...story, image: undefined, summary: "" }, "ar");
    assert.equal(bare.content, "روبيو: تقدم في المحادثات\nقال الوزير إن المفاوضات مستمرة.");
  });
  it("points at the story's page without the path prefix, which the search page gives Pagefind", () => {
    assert.equal(record.url, "/news/%D9%85%D9%81%D8%A7%D9%88%D8%B6%D8%A7%D8%AA-%D8%A7%D9%84%D8%B3%D9%84%D8%A7%D9%85/");
  });
  it("is in the site's language, so Pagefind stems Arabic words, with the headline and category for results", () => {
    assert.equal(record.language, "ar");
    assert.deepEqual(record.meta, { title: "روبيو: تقدم في المحادثات" });
    assert.deepEqual(record.filters, { category: ["سياسة"] });
  });
});
