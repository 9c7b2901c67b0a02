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

const NOT_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const RLO = "\u202e";
const PDF = "\u202c";

describe("control characters in the front matter (refused, each named)", () => {
  it("are refused in the title, with the character and where it is", () => {
    assert.deepEqual(problem({ title: "خبر\u0000عاجل" }), ["title: holds the NUL character (U+0000) at character 4; expected text without control characters"]);
  });
  it("are refused in every text field: summary, tags, source name and url, image and video texts", () => {
    const bad = "a\u001b[31mb";
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ summary: bad }, "summary"],
      [{ tags: ["روسيا", bad] }, "tags"],
      [{ source: { name: bad, url: "https://a.example/" } }, "source.name"],
      [{ source: { name: "x", url: `https://a.example/${bad}` } }, "source.url"],
      [{ source: { id: `alarabiya${"\u0007"}`, url: "https://a.example/" } }, "source.id"],
      [{ image: { src: "./a.jpg", alt: bad } }, "image.alt"],
      [{ image: { src: "./a.jpg", alt: "x", caption: bad } }, "image.caption"],
      [{ image: { src: "./a.jpg", alt: "x", credit: bad } }, "image.credit"],
      [{ image: { src: `./a${"\u0085"}.jpg`, alt: "x" } }, "image.src"],
      [{ video: { url: "https://youtu.be/dQw4w9WgXcQ", caption: bad } }, "video.caption"],
      [{ slug: `خبر${"\u009b"}` }, "slug"],
      [{ related: [bad] }, "related"],
      [{ category: `politics${"\u007f"}` }, "category"],
    ];
    for (const [overrides, field] of cases) {
      const lines = problem(overrides);
      assert.equal(lines.length, 1, `${field}: ${lines.join(" | ")}`);
      assert.match(lines[0]!, new RegExp(`^${field.replace(".", "\\.")}: (entry \\d )?holds the control character U\\+00[0-9A-F]{2} at character \\d+; expected text without control characters$`), field);
    }
  });
  it("are refused in fields the engine does not know (layouts may print them), nested ones too", () => {
    assert.deepEqual(problem({ extra: { notes: ["ok", "\u0007"] } }), ["extra.notes[1]: holds the control character U+0007 at character 1; expected text without control characters"]);
    assert.deepEqual(problem({ image: { src: "./a.jpg", alt: "x", photographer_note: "\u0001" } }), ["image.photographer_note: holds the control character U+0001 at character 1; expected text without control characters"]);
  });
  it("never reach a problem line raw: values and field names are quoted with escapes", () => {
    const lines = [
      ...problem({ date: "2025\u202e" }),
      ...problem({ "tit\u001ble": "x" }),
      ...problem({ source: { name: "x", url: "ftp://a.example/\u202e" } }),
      ...problem({ tags: "\u202eروسيا" }),
    ];
    assert.equal(lines.length, 4, lines.join("\n"));
    for (const line of lines) assert.doesNotMatch(line, /[\u0000-\u001f\u202a-\u202e]/, line);
    assert.match(lines[0]!, /^date: "2025\\u202e" is not a date/);
    assert.match(lines[1]!, /^tit\\u001ble: unknown field "tit\\u001ble"; did you mean "title"\?/);
  });
  it("leave tabs and line breaks, made one space in a one-line field", () => {
    const result = check({ title: "خبر\tعاجل", summary: "سطر أول\nسطر ثان\n" });
    assert.deepEqual(result.problems, []);
    assert.equal(result.value?.title, "خبر عاجل");
    assert.equal(result.value?.summary, "سطر أول سطر ثان");
  });
});

describe("bidi controls and invisible characters in the front matter", () => {
  it("are balanced in text fields: an override left open is closed at the end of the field", () => {
    const result = check({ title: `${RLO}خبر`, summary: `ملخص ${RLO}abc`, tags: [`${RLO}وسم`], source: { name: `${RLO}مصدر`, url: "https://a.example/" }, image: { src: "./a.jpg", alt: `${RLO}صورة`, caption: `${RLO}x`, credit: `${RLO}y` }, video: { url: "https://youtu.be/dQw4w9WgXcQ", caption: `${RLO}z` } });
    assert.deepEqual(result.problems, []);
    const v = result.value!;
    for (const text of [v.title, v.summary, v.tags[0], v.source.name, v.image!.alt, v.image!.caption, v.image!.credit, v.video!.caption]) assert.ok(text!.endsWith(PDF), JSON.stringify(text));
  });
  it("drop a closer that closes nothing, so it cannot end an embedding around the field", () => {
    assert.equal(check({ title: `خبر${PDF}\u2069 عاجل` }).value?.title, "خبر عاجل");
  });
  it("are removed from addresses and slugs: source.url, image.src, video.url and poster, slug, related", () => {
    const zw = "\u200b\u200c\u200d\u200e\u200f\u2066\u202e\ufeff";
    const result = validateFrontMatter({ ...valid, slug: `خبر-${zw}جديد`, related: [`قصة${zw}-أخرى`], source: { name: "x", url: `https://a.example/${zw}x` }, image: { src: `./${zw}a.jpg`, alt: "x" }, video: { url: `https://youtu.be/${zw}dQw4w9WgXcQ`, poster: `./${zw}p.jpg` } }, ctx);
    assert.deepEqual(result.problems, []);
    const v = result.value!;
    assert.deepEqual([v.slug, v.related[0], v.source.url, v.image!.src, v.video!.url, v.video!.poster], ["خبر-جديد", "قصة-أخرى", "https://a.example/x", "./a.jpg", "https://youtu.be/dQw4w9WgXcQ", "./p.jpg"]);
  });
  it("stay in text: ZWNJ and ZWJ (Persian, Urdu, emoji), LRM and RLM (Arabic punctuation and numbers)", () => {
    const title = "می\u200cخواهم \u200f(١)\u200e 👩\u200d💻";
    assert.equal(check({ title, tags: [title] }).value?.title, title);
    assert.equal(check({ tags: [title] }).value?.tags[0], title);
  });
  it("alone count as nothing: a title of invisible characters is missing", () => {
    assert.deepEqual(problem({ title: "\u200b\u200f" }), ["title: is missing; expected text"]);
    assert.deepEqual(check({ tags: ["\u200b", "روسيا"] }).value?.tags, ["روسيا"]);
  });
});

describe("field limits", () => {
  it("a summary of at most 600 characters", () => {
    assert.deepEqual(problem({ summary: "ب".repeat(600) }), []);
    assert.deepEqual(problem({ summary: "ب".repeat(601) }), ["summary: is 601 characters long; expected at most 600"]);
  });
  it("counts characters, not UTF-16 units", () => {
    assert.deepEqual(problem({ title: "😀".repeat(200) }), []);
  });
  it("at most 20 tags, each at most 50 characters", () => {
    assert.deepEqual(problem({ tags: Array.from({ length: 20 }, (_, i) => `وسم${i}`) }), []);
    assert.deepEqual(problem({ tags: Array.from({ length: 21 }, (_, i) => `وسم${i}`) }), ["tags: has 21 tags; expected at most 20"]);
    assert.deepEqual(problem({ tags: ["روسيا", "ت".repeat(51)] }), [`tags: tag 2 ("${"ت".repeat(29)}…") is 51 characters long; expected at most 50`]);
  });
  it("a tag's slug passes the path rule (it is the address of the tag's page)", () => {
    assert.deepEqual(problem({ tags: ["NUL"] }), ['tags: tag 1 ("NUL") gives its page the slug "nul", which is a device name on Windows; expected another name']);
    assert.deepEqual(problem({ tags: ["!!!"] }), [], "a tag without letters or digits has no page");
  });
  it("a 300-letter tag is a named problem, not a crash", () => {
    assert.match(problem({ tags: ["ا".repeat(300)] })[0]!, /^tags: tag 1 \(".*…"\) is 300 characters long; expected at most 50$/);
  });
  it("a slug passes the path rule: a 300-letter slug is too long for a file name", () => {
    assert.deepEqual(problem({ slug: "ا".repeat(300) }), ["slug: is 600 bytes long (300 letters); expected at most 150 bytes (about 75 Arabic letters)"]);
    assert.deepEqual(problem({ slug: "ا".repeat(75) }), []);
    assert.deepEqual(problem({ slug: "con" }), ['slug: "con" is a device name on Windows; expected another name']);
  });
  it("a source name without an id passes the path rule (it names the source's page)", () => {
    assert.deepEqual(problem({ source: { name: "م".repeat(100), url: "https://a.example/" } }), [
      "source.name: gives the source's page (/source/<slug>/) a slug that is 200 bytes long (100 letters); expected at most 150 bytes (about 75 Arabic letters); or give source.id",
    ]);
    assert.deepEqual(problem({ source: { name: "!!!", url: "https://a.example/" } }), ["source.name: gives the source's page (/source/<slug>/) a slug that is empty: the name has no letter or digit; or give source.id"]);
    assert.deepEqual(problem({ source: { id: "alarabiya", name: "م".repeat(100), url: "https://a.example/" } }), [], "with an id, the id names the page");
  });
});

describe("what passes the contract", () => {
  it("holds no control character and no unbalanced bidi control in any text", () => {
    const result = check({ title: `${RLO}a`, summary: "b\n", tags: ["c\t"], source: { name: "d", url: "https://a.example/" } });
    const texts = JSON.stringify(result.value);
    assert.doesNotMatch(texts, NOT_TEXT);
  });
});
