// The story loader loads and checks only: it returns every checked story and every problem as
// data (the newsroom decides to fail), applies the publish rule, and renders nothing.
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { DateTime } from "luxon";
import { isPublished, loadStories } from "../../../src/content/load.ts";
import { loadRegistries } from "../../../src/content/registries.ts";

const fixture = fileURLToPath(new URL("../../fixtures/site/content", import.meta.url));
const now = DateTime.fromISO("2026-01-01T00:00:00Z");
const folders: string[] = [];
after(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

async function load(files: Record<string, string | Buffer> = {}, includeUnpublished = false) {
  const contentDir = mkdtempSync(path.join(tmpdir(), "khabar-load-"));
  folders.push(contentDir);
  cpSync(fixture, contentDir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(contentDir, "articles", name), text);
  const registries = await loadRegistries(path.join(contentDir, "_data"));
  return loadStories(registries, { contentDir, includeUnpublished, now, root: contentDir });
}
const story = (fields: string, body = "نص **مهم**.") => `---\n${fields}\n---\n${body}\n`;
const ok = "title: خبر\ndate: 2025-12-01\ncategory: politics\nsource: { name: مصدر, url: 'https://s.example/' }";

describe("loadStories", () => {
  it("gives each published story checked, with its Markdown body as written (nothing rendered)", async () => {
    const { stories, problems } = await load({ "جديد.md": story(ok) });
    assert.deepEqual(problems, []);
    const loaded = stories.find((s) => s.slug === "جديد")!;
    assert.equal(loaded.body, "نص **مهم**.\n");
    assert.equal(loaded.frontMatter.category.id, "politics");
    assert.equal(loaded.file, path.join("articles", "جديد.md"));
    assert.ok(!("html" in loaded));
  });
  it("leaves drafts and future stories out of production, and keeps them for the preview", async () => {
    const production = (await load()).stories.map((s) => s.slug);
    const preview = (await load({}, true)).stories.map((s) => s.slug);
    assert.ok(!production.includes("مسودة") && !production.includes("مجدول"), production.join(" "));
    assert.ok(preview.includes("مسودة") && preview.includes("مجدول"), preview.join(" "));
  });
  it("returns every problem as data instead of throwing: bad fields, a taken slug, an unknown related slug", async () => {
    const { problems, stories } = await load({
      "أ.md": story(`${ok}\ncatgory: x`),
      "ب.md": story(`${ok}\nslug: خبر-أول`),
      "ج.md": story(`${ok}\nrelated: [لا-يوجد]`),
    });
    assert.deepEqual(
      problems.map((p) => [p.file, p.field]).sort(),
      [
        [path.join("articles", "أ.md"), "catgory"],
        [path.join("articles", "خبر-أول.md"), "slug"], // the later of the two files, naming the first
        [path.join("articles", "ج.md"), "related"],
      ].sort(),
    );
    assert.match(problems.find((p) => p.field === "slug")!.message, /also the slug of articles\/ب\.md/);
    assert.ok(stories.some((s) => s.slug === "ج"), "a story with a problem in another story's field is still checked");
  });
});

describe("isPublished", () => {
  it("publishes a story that is not a draft and not dated after now", async () => {
    const { stories } = await load({}, true);
    const bySlug = new Map(stories.map((s) => [s.slug, s]));
    assert.equal(isPublished(bySlug.get("خبر-أول")!, now), true);
    assert.equal(isPublished(bySlug.get("مسودة")!, now), false);
    assert.equal(isPublished(bySlug.get("مجدول")!, now), false);
  });
});

describe("loadStories and the edge of the text", () => {
  it("refuses a story file that is not UTF-8, naming the file and the offset of the first bad byte", async () => {
    const { problems, stories } = await load({ "لاتيني.md": Buffer.from(story("title: Café\ndate: 2025-12-01\ncategory: politics\nsource: { name: x, url: 'https://s.example/' }"), "latin1") });
    assert.deepEqual(problems, [
      {
        file: path.join("articles", "لاتيني.md"),
        field: "(file)",
        message: "is not UTF-8 text: the byte 0xE9 at offset 14 (line 2) does not start a UTF-8 character; expected the file saved as UTF-8 (it may be in Latin-1 or windows-1256: open it and save it as UTF-8)",
      },
    ]);
    assert.ok(!stories.some((s) => s.file.includes("لاتيني")));
  });
  it("refuses a file name whose slug is too long for the path rule, instead of failing to write it", async () => {
    const name = "خ".repeat(100); // 200 bytes: a file name the disk takes, a slug the rule does not
    const { problems } = await load({ [`${name}.md`]: story(ok) });
    assert.deepEqual(problems, [
      { file: path.join("articles", `${name}.md`), field: "slug", message: "the slug the file name gives is 200 bytes long (100 letters); expected at most 150 bytes (about 75 Arabic letters); rename the file or set slug" },
    ]);
    const fixed = await load({ [`${name}.md`]: story(`${ok}\nslug: خبر-قصير`) });
    assert.deepEqual(fixed.problems, [], "a slug field stands in for the file name");
  });
});
