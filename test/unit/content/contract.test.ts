import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Category, RegisteredSource } from "../../../src/content/registries.ts";
import { validateFrontMatter } from "../../../src/content/contract.ts";

const categories = new Map<string, Category>(
  ["politics", "economy", "sports", "technology", "health", "environment"].map((id, i) => [id, { id, name: id, order: i, url: `/category/${id}/` }]),
);
const sources = new Map<string, RegisteredSource>([["alarabiya", { id: "alarabiya", name: "العربية", homepage: "https://www.alarabiya.net/", logo: "assets/sources/alarabiya.svg" }]]);
const ctx = { timeZone: "Asia/Riyadh", categories, sources };

const valid = {
  title: 'روبيو: تم إحراز "بعض التقدم"',
  date: "2025-12-03T10:15:00+03:00",
  category: "politics",
  source: { id: "alarabiya", url: "https://www.alarabiya.net/x" },
};
const check = (overrides: Record<string, unknown>) => validateFrontMatter({ ...valid, ...overrides }, ctx);
/** The one problem a change causes, as "field: message". */
const problem = (overrides: Record<string, unknown>) => check(overrides).problems.map((p) => `${p.field}: ${p.message}`);

describe("a valid story", () => {
  it("passes with the registry's source name, logo and homepage filled in", () => {
    const result = check({});
    assert.deepEqual(result.problems, []);
    assert.equal(result.value?.source.name, "العربية");
    assert.equal(result.value?.source.logo, "assets/sources/alarabiya.svg");
    assert.equal(result.value?.category.id, "politics");
    assert.equal(result.value?.draft, false);
  });
  it("keeps unknown fields without complaint (templates may use them)", () => {
    assert.deepEqual(check({ editor_note: "x", priority: 3 }).problems, []);
  });
  it("accepts a source that is not in the registry when it has a name", () => {
    assert.deepEqual(check({ source: { name: "Reuters", url: "https://www.reuters.com/x" } }).problems, []);
  });
});

describe("required fields", () => {
  it("reports each missing required field with what is expected", () => {
    const result = validateFrontMatter({}, ctx);
    assert.deepEqual(
      result.problems.map((p) => p.field),
      ["title", "date", "category", "source"],
    );
    assert.match(result.problems[1]!.message, /expected an ISO 8601 date/);
    assert.equal(result.value, undefined);
  });
  it("needs source.name when source.id is not given, and always source.url", () => {
    assert.deepEqual(problem({ source: { url: "https://a.example/" } }), ["source.name: is missing; expected text"]);
    assert.deepEqual(problem({ source: { id: "alarabiya" } }), ["source.url: is missing; expected text"]);
  });
});

describe("wrong values", () => {
  it("rejects a title that is too long or not text", () => {
    assert.deepEqual(problem({ title: "ا".repeat(201) }), ["title: is 201 characters long; expected 1-200"]);
    assert.deepEqual(problem({ title: ["a"] }), ["title: is a list; expected text"]);
  });
  it("rejects an unknown category, naming the valid ones and the likely one", () => {
    assert.deepEqual(problem({ category: "sport" }), [
      'category: unknown category "sport"; expected one of politics, economy, sports, technology, health, environment; did you mean "sports"?',
    ]);
  });
  it("rejects an unknown source id", () => {
    assert.match(problem({ source: { id: "alarabia", url: "https://a.example/" } })[0]!, /^source.id: unknown source "alarabia".*did you mean "alarabiya"\?/);
  });
  it("rejects a source URL that is not http or https", () => {
    for (const url of ["javascript:alert(1)", "ftp://files.example/x", "www.example.com/x", "data:text/html,x"]) {
      assert.match(problem({ source: { name: "x", url } })[0]!, /^source.url: ".*" is not an http or https URL; expected the original story's address/, url);
    }
  });
  it("rejects a bad date and an updated time before the date", () => {
    assert.match(problem({ date: "03/12/2025" })[0]!, /^date: "03\/12\/2025" is not a date; expected ISO 8601/);
    assert.match(problem({ updated: "2025-12-03T09:00:00+03:00" })[0]!, /^updated: 2025-12-03T09:00:00.000\+03:00 is before date 2025-12-03T10:15:00.000\+03:00; expected a time not before date/);
  });
  it("accepts updated equal to or after date", () => {
    assert.deepEqual(problem({ updated: "2025-12-03T07:15:00Z" }), []);
  });
  it("rejects an image without alt, and a picture path with an unsafe scheme", () => {
    assert.deepEqual(problem({ image: { src: "./a.jpg" } }), ["image.alt: is missing; expected a description of the picture for readers who cannot see it"]);
    assert.match(problem({ image: { src: "javascript:alert(1)", alt: "x" } })[0]!, /^image.src: "javascript:alert\(1\)" is not allowed/);
  });
  it("rejects a video that cannot be embedded", () => {
    assert.match(problem({ video: { url: "https://example.com/clip" } })[0]!, /^video.url: .* expected a YouTube or Vimeo address, or an .mp4\/.webm file/);
  });
  it("rejects tags and related that are not lists, a bad slug and a non-boolean draft", () => {
    assert.deepEqual(problem({ tags: "روسيا" }), ['tags: is "روسيا"; expected a list of tags, e.g. [first, second]']);
    assert.match(problem({ related: "x" })[0]!, /^related: .*expected a list of story slugs/);
    assert.match(problem({ slug: "Two Words" })[0]!, /^slug: "Two Words" is not a valid slug/);
    assert.deepEqual(problem({ draft: "yes" }), ['draft: is "yes"; expected true or false']);
  });
});

describe("misspelt fields", () => {
  it("reports a misspelt known field with a suggestion", () => {
    assert.deepEqual(problem({ tittle: "x" }), ['tittle: unknown field "tittle"; did you mean "title"?']);
    assert.deepEqual(problem({ catgory: "x" }), ['catgory: unknown field "catgory"; did you mean "category"?']);
  });
  it("checks the fields inside source, image and video too", () => {
    assert.deepEqual(problem({ image: { src: "./a.jpg", alt: "x", captoin: "y" } }), ['image.captoin: unknown field "captoin"; did you mean "caption"?']);
  });
});

describe("all problems at once", () => {
  it("lists every problem of a story in one pass", () => {
    const fields = validateFrontMatter({ tittle: "x", date: "nope", category: "sprots", source: { name: "x", url: "javascript:x" }, image: { src: "a.jpg" } }, ctx).problems.map((p) => p.field);
    assert.deepEqual(fields, ["tittle", "title", "date", "category", "source.url", "image.alt"]);
  });
});
