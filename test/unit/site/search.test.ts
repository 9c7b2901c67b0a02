import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { groupByPeriod, periodFingerprint, readPeriodCache, searchPeriod, searchRecord } from "../../../src/site/search.ts";
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

describe("searchPeriod and groupByPeriod", () => {
  it("cuts by the date the site states (its time zone), not UTC", () => {
    assert.equal(searchPeriod("2025-12-01T01:00:00+03:00"), "2025-12");
    assert.equal(searchPeriod("2025-12-01T01:00:00+03:00", "quarter"), "2025-q4");
    assert.equal(searchPeriod("2025-03-31T23:59:00+03:00", "quarter"), "2025-q1");
    assert.equal(searchPeriod("2025-12-01T01:00:00+03:00", "year"), "2025");
    assert.equal(searchPeriod("2025-12-01T01:00:00+03:00", "all"), "all");
  });
  it("groups newest period first, each newest story first then by address, whatever the input order", () => {
    const at = (url: string, iso: string) => ({ url, published: { iso, epoch: Date.parse(iso) } });
    const stories = [at("/b/", "2025-11-02T10:00:00+03:00"), at("/c/", "2025-12-01T01:00:00+03:00"), at("/a/", "2025-11-02T10:00:00+03:00"), at("/d/", "2025-11-20T10:00:00+03:00")];
    const grouped = groupByPeriod(stories).map(([period, list]) => [period, list.map((s) => s.url)]);
    assert.deepEqual(grouped, [["2025-12", ["/c/"]], ["2025-11", ["/d/", "/a/", "/b/"]]]);
    assert.deepEqual(groupByPeriod([...stories].reverse()).map(([p, l]) => [p, l.map((s) => s.url)]), grouped);
  });
});

describe("periodFingerprint", () => {
  const record = searchRecord(story, "ar");
  const other = searchRecord({ ...story, url: "/news/x/", title: "خبر آخر" }, "ar");
  it("changes with any record, their order, and Pagefind's version; not otherwise", () => {
    const base = periodFingerprint([record, other], "1.6.0");
    assert.equal(periodFingerprint([searchRecord(story, "ar"), other], "1.6.0"), base);
    assert.notEqual(periodFingerprint([{ ...record, content: `${record.content}.` }, other], "1.6.0"), base);
    assert.notEqual(periodFingerprint([other, record], "1.6.0"), base);
    assert.notEqual(periodFingerprint([record], "1.6.0"), base);
    assert.notEqual(periodFingerprint([record, other], "1.6.1"), base);
  });
});

describe("readPeriodCache", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "khabar-period-"));
  const manifest = (fingerprint: string, files: Record<string, number>) => writeFileSync(path.join(dir, "khabar-period.json"), JSON.stringify({ fingerprint, pages: 1, files }));
  it("trusts a folder only with its manifest, the same fingerprint, and every file at its size", () => {
    try {
      mkdirSync(path.join(dir, "index"));
      writeFileSync(path.join(dir, "pagefind-entry.json"), "{}");
      writeFileSync(path.join(dir, "index/a.pf_index"), "abc");
      assert.equal(readPeriodCache(dir, "f1"), undefined, "no manifest: a build stopped while writing");
      manifest("f1", { "pagefind-entry.json": 2, "index/a.pf_index": 3 });
      assert.ok(readPeriodCache(dir, "f1"));
      assert.equal(readPeriodCache(dir, "f2"), undefined, "another fingerprint");
      writeFileSync(path.join(dir, "index/a.pf_index"), "ab");
      assert.equal(readPeriodCache(dir, "f1"), undefined, "a file of another size");
      rmSync(path.join(dir, "index/a.pf_index"));
      assert.equal(readPeriodCache(dir, "f1"), undefined, "a missing file");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
