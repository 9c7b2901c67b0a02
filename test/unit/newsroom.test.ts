// The content loader against small sites written to a temporary folder: validation of every
// file in one pass, the publish rule, slugs, assets and related lists.
import assert from "node:assert/strict";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { DateTime } from "luxon";
import { ContentError } from "../../src/content/problems.ts";
import { loadNewsroom } from "../../src/newsroom.ts";

const fixture = fileURLToPath(new URL("../fixtures/site/content", import.meta.url));
const now = DateTime.fromISO("2026-01-01T00:00:00Z");
const temporary: string[] = [];
after(() => temporary.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A copy of the fixture site with extra story files (path under articles/ -> text). */
function site(files: Record<string, string | Buffer> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), "khabar-stories-"));
  temporary.push(dir);
  cpSync(fixture, dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dir, "articles", name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return dir;
}
const load = (contentDir: string, includeUnpublished = false) => loadNewsroom({ contentDir, includeUnpublished, now, root: contentDir });
const story = (fields: string, body = "نص.") => `---\n${fields}\n---\n${body}\n`;
const ok = "title: خبر\ndate: 2025-12-01\ncategory: politics\nsource: { name: مصدر, url: 'https://s.example/' }";

async function problemsOf(contentDir: string): Promise<string[]> {
  try {
    await load(contentDir);
  } catch (error) {
    assert.ok(error instanceof ContentError, String(error));
    return error.problems.map((p) => `${p.file}: ${p.field}: ${p.message}`);
  }
  assert.fail("expected the content to be rejected");
}

describe("publishing", () => {
  it("publishes stories that are not drafts and not dated in the future, newest first", async () => {
    const newsroom = await load(site());
    assert.deepEqual(newsroom.stories.map((s) => s.slug), ["خبر-أول", "خبر-ثان", "خبر-ثالث"]);
  });
  it("shows drafts and scheduled stories in preview, marked", async () => {
    const newsroom = await load(site(), true);
    const bySlug = new Map(newsroom.stories.map((s) => [s.slug, s]));
    assert.equal(bySlug.get("مسودة")?.draft, true);
    assert.equal(bySlug.get("مجدول")?.scheduled, true);
    assert.equal(bySlug.get("خبر-أول")?.draft, false);
  });
  it("reads a date without an offset in the site's zone and writes digits as the site says", async () => {
    const second = (await load(site())).stories.find((s) => s.slug === "خبر-ثان")!;
    assert.equal(second.published.iso, "2025-12-02T00:00:00+03:00");
    assert.equal(second.published.text, "الثلاثاء ٢ ديسمبر ٢٠٢٥ - ٠٠:٠٠");
  });
});

describe("what a story page gets", () => {
  it("fills source, canonical URL, description, share links and unknown fields", async () => {
    const first = (await load(site())).stories[0]!;
    assert.equal(first.source.name, "Wire Agency");
    assert.equal(first.source.rel, "noopener");
    assert.equal(first.canonicalUrl, `https://test.example/news/${encodeURIComponent("خبر-أول")}/`);
    assert.match(first.description, /^الفقرة الأولى من الخبر الأول/);
    assert.equal(first.share.length, 5);
    assert.equal(first.data.extra_field, "محفوظ");
    assert.ok(first.updated);
    assert.equal(first.modified, first.updated, "the last change is the update");
  });
  it("takes the publication time as the last change of a story never updated", async () => {
    const never = (await load(site())).stories.find((s) => !s.updated)!;
    assert.equal(never.modified, never.published);
  });
  it("uses the editor's summary when there is one", async () => {
    assert.equal((await load(site())).stories[1]!.summary, "ملخص كتبه المحرر");
  });
  it("builds related lists with hand-picked stories first", async () => {
    const second = (await load(site())).stories.find((s) => s.slug === "خبر-ثان")!;
    assert.deepEqual(second.related.map((s) => s.slug), ["خبر-ثالث", "خبر-أول"]);
  });
  it("resolves pictures next to the story and from content/", async () => {
    const dir = site({ "pic/خبر-بصورة.md": story(`${ok}\nimage: { src: ./a.jpg, alt: صورة }`, '![ب](images/b.jpg "تعليق - مصدر")') });
    writeFileSync(path.join(dir, "articles/pic/a.jpg"), "x");
    mkdirSync(path.join(dir, "images"));
    writeFileSync(path.join(dir, "images/b.jpg"), "x");
    const pictured = (await load(dir)).stories.find((s) => s.slug === "خبر-بصورة")!;
    assert.equal(pictured.image?.src, "/articles/pic/a.jpg");
    assert.match(pictured.html, /<img src="\/images\/b.jpg"/);
  });
});

describe("bad content", () => {
  it("reports every problem in every file in one run, with file, field and expectation", async () => {
    const problems = await problemsOf(
      site({
        "empty.md": "",
        "yaml.md": "---\ntitle: 'unclosed\n---\n",
        "fields.md": story("tittle: x\ndate: 2025-31-12\ncategory: sport\nsource: { name: x, url: 'javascript:alert(1)' }\nimage: { src: ./p.jpg }"),
        "updated.md": story(`${ok}\nupdated: 2025-11-30`),
        "picture.md": story(`${ok}\nimage: { src: ./missing.jpg, alt: صورة }`, '![x](./gone.jpg "c")'),
        "related.md": story(`${ok}\nrelated: [no-such-story]`),
      }),
    );
    const expected = [
      ["articles/empty.md", "(file)", "the file is empty"],
      ["articles/fields.md", "tittle", 'unknown field "tittle"; did you mean "title"?'],
      ["articles/fields.md", "title", "is missing"],
      ["articles/fields.md", "date", '"2025-31-12" is not a date'],
      ["articles/fields.md", "category", 'unknown category "sport"'],
      ["articles/fields.md", "source.url", "is not an http or https URL"],
      ["articles/fields.md", "image.alt", "is missing"],
      ["articles/picture.md", "(body)", '"./gone.jpg" does not exist'],
      ["articles/picture.md", "image.src", '"./missing.jpg" does not exist'],
      ["articles/related.md", "related", 'no story has the slug "no-such-story"'],
      ["articles/updated.md", "updated", "is before date"],
      ["articles/yaml.md", "(front matter)", "broken YAML"],
    ];
    for (const [file, field, text] of expected) {
      assert.ok(problems.some((p) => p.startsWith(`${file}: ${field}: `) && p.includes(text!)), `missing ${file} ${field} ${text}\n${problems.join("\n")}`);
    }
    assert.equal(problems.length, expected.length, problems.join("\n"));
  });
  it("rejects two published stories with the same slug", async () => {
    const problems = await problemsOf(site({ "a/خبر-أول.md": story(ok) }));
    assert.deepEqual(problems, [`articles/خبر-أول.md: slug: "خبر-أول" is also the slug of articles/a/خبر-أول.md; expected every published story to have its own slug (rename a file or set slug)`]);
  });
  it("allows a draft to share a slug in production, where it is not published", async () => {
    const newsroom = await load(site({ "draft/خبر-أول.md": story(`${ok}\ndraft: true`) }));
    const published = newsroom.stories.filter((s) => s.slug === "خبر-أول");
    assert.deepEqual(published.map((s) => s.file), ["articles/خبر-أول.md"], "the published story keeps the slug");
  });
  it("takes the slug from the file name, dropping diacritics, unless slug is set", async () => {
    const newsroom = await load(site({ "خَبَرٌ جديد.md": story(ok), "x.md": story(`${ok}\nslug: custom-slug`) }));
    const slugs = newsroom.stories.map((s) => s.slug);
    assert.ok(slugs.includes("خبر-جديد"));
    assert.ok(slugs.includes("custom-slug"));
  });
});
