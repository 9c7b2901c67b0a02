// `npm run check`: every problem at once (file, field, suggestion), warnings, no pages written.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { DateTime } from "luxon";
import { checkContent } from "../../../src/cli/check.ts";
import { storyWarnings } from "../../../src/content/warnings.ts";
import { pngHeader } from "../images/hostile-files.ts";

const root = fileURLToPath(new URL("../../..", import.meta.url));
const fixture = path.join(root, "test/fixtures/site/content");
const temporary: string[] = [];
after(() => temporary.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const now = DateTime.fromISO("2026-01-01T00:00:00Z");

/** A copy of the fixture site (in its own folder) with extra story files. */
function site(files: Record<string, string> = {}): { dir: string; content: string } {
  const dir = mkdtempSync(path.join(tmpdir(), "khabar-check-"));
  temporary.push(dir);
  const content = path.join(dir, "content");
  cpSync(fixture, content, { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(content, "articles", name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return { dir, content };
}

async function check(content: string, cwd = root): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ["--import", path.join(root, "node_modules/tsx/dist/loader.mjs"), path.join(root, "src/cli/check.ts"), "--content", content], { cwd });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const listing = (dir: string) => readdirSync(dir, { recursive: true }).map(String).sort();
const story = (fields: string, body = "نص.") => `---\n${fields}\n---\n${body}\n`;

describe("storyWarnings", () => {
  it("warns of a missing summary, tags and picture, a long headline and duplicate titles", () => {
    const long = "ع".repeat(111);
    const warnings = storyWarnings([
      { file: "a.md", data: { title: "خبر مكرر", summary: "ملخص", tags: ["وسم"], image: { src: "x.jpg", alt: "x" } } },
      { file: "b.md", data: { title: "خبرٌ مكرّر!", tags: [] } },
      { file: "c.md", data: { title: long, summary: "ملخص", tags: ["وسم"], image: { src: "x.jpg", alt: "x" } } },
      { file: "d.md", data: { title: "ع".repeat(110), summary: "ملخص", tags: ["وسم"], image: { src: "x.jpg", alt: "x" } } },
    ]);
    const lines = warnings.map((w) => `${w.file}: ${w.field}: ${w.message}`);
    assert.ok(lines.includes("a.md: title: same title as b.md; expected each story to have its own headline"), lines.join("\n"));
    assert.ok(lines.includes("b.md: title: same title as a.md; expected each story to have its own headline"));
    assert.ok(lines.some((l) => l.startsWith("b.md: summary: no summary")));
    assert.ok(lines.some((l) => l.startsWith("b.md: tags: no tags")));
    assert.ok(lines.some((l) => l.startsWith("b.md: image: no picture")));
    assert.ok(lines.includes("c.md: title: is 111 characters long; headlines over 110 characters are cut in lists and search results"));
    assert.ok(!lines.some((l) => l.startsWith("d.md")), "110 characters is fine");
    assert.ok(!lines.some((l) => l.startsWith("a.md") && !l.includes("same title")));
  });
});

describe("checkContent", () => {
  it("counts published, draft and scheduled stories and finds no errors in the fixture site", async () => {
    const { content } = site();
    const report = await checkContent(content, { now, root: content });
    assert.deepEqual(report.problems, []);
    assert.deepEqual([report.stories, report.published, report.drafts, report.scheduled], [5, 3, 1, 1]);
    assert.ok(report.warnings.some((w) => w.file === "articles/خبر-ثالث.md" && w.field === "summary"));
  });

  it("reports every problem in every file at once, drafts and scheduled stories included", async () => {
    const { content } = site({
      "bad-one.md": story("title: x\ndate: tomorrow\ncategory: politics\nsource: { name: x, url: 'https://x.example/' }"),
      "bad-two.md": story("title: y\ndate: 2025-12-01\ncatgory: politics\nsource: { id: wir, url: 'ftp://y.example/' }"),
      "future-bad.md": story("title: z\ndate: 2999-01-01\ncategory: sprots\nsource: { name: z, url: 'https://z.example/' }"),
      "draft-bad.md": story("title: d\ndate: 2025-12-01\ndraft: true\ncategory: politics\nsource: { name: d, url: 'https://d.example/' }\nimage: { src: ./missing.jpg }"),
      "broken.md": "---\ntitle: a: b\n---\n",
    });
    const report = await checkContent(content, { now, root: content });
    const lines = report.problems.map((p) => `${p.file}: ${p.field}: ${p.message}`);
    for (const expected of [
      /^articles\/bad-one\.md: date: "tomorrow" is not a date; expected ISO 8601/,
      /^articles\/bad-two\.md: catgory: unknown field "catgory"; did you mean "category"\?/,
      /^articles\/bad-two\.md: category: is missing; expected text/,
      /^articles\/bad-two\.md: source\.id: unknown source "wir".*did you mean "wire"\?/,
      /^articles\/bad-two\.md: source\.url: "ftp:\/\/y\.example\/" is not an http or https URL/,
      /^articles\/future-bad\.md: category: unknown category "sprots"; expected one of politics, economy, sports; did you mean "sports"\?/,
      /^articles\/draft-bad\.md: image\.alt: is missing/,
      /^articles\/broken\.md: \(front matter\): broken YAML at line 2/,
    ]) {
      assert.ok(lines.some((l) => expected.test(l)), `${expected}\n${lines.join("\n")}`);
    }
  });

  it("reads and checks pictures as the build does, and writes nothing: a text file named .jpg, an empty picture, a pixel bomb", async () => {
    const picture = (alt: string, src: string) => story(`title: ${alt}\ndate: 2025-12-01\ncategory: politics\nsource: { name: x, url: 'https://x.example/' }\nimage: { src: ${src}, alt: ${alt} }`, `نص.\n\n![${alt}](${src})`);
    const { dir, content } = site({ "fake.md": picture("fake", "./fake.jpg"), "empty.md": picture("empty", "./empty.png"), "bomb.md": picture("bomb", "./bomb.png") });
    writeFileSync(path.join(content, "articles/fake.jpg"), "<html><body>not a picture</body></html>");
    writeFileSync(path.join(content, "articles/empty.png"), "");
    writeFileSync(path.join(content, "articles/bomb.png"), pngHeader(50_000, 50_000));
    const before = listing(dir);
    const report = await checkContent(content, { now, root: content, pictureCache: path.join(dir, "cache") });
    const lines = report.problems.map((p) => `${p.file}: ${p.field}: ${p.message}`);
    for (const expected of [
      /^articles\/fake\.md: image\.src: "\.\/fake\.jpg" is not a picture \(it holds a web page/,
      /^articles\/fake\.md: \(body\): "\/articles\/fake\.jpg" is not a picture/,
      /^articles\/empty\.md: image\.src: "\.\/empty\.png" is an empty file/,
      /^articles\/empty\.md: \(body\): "\/articles\/empty\.png" is an empty file/,
      /^articles\/bomb\.md: image\.src: "\.\/bomb\.png" is 50000 × 50000 pixels/,
    ]) {
      assert.ok(lines.some((l) => expected.test(l)), `${expected}\n${lines.join("\n")}`);
    }
    assert.deepEqual(listing(dir), before, "no picture encoded, no cache written");
  });

  it("reports a registry that cannot be read", async () => {
    const { content } = site();
    writeFileSync(path.join(content, "_data/sources.json"), "{ not json");
    const report = await checkContent(content, { now, root: content });
    assert.equal(report.problems.length, 1);
    assert.equal(report.problems[0]!.field, "(registries)");
    assert.match(report.problems[0]!.message, /sources\.json: cannot read the registry/);
  });
});

describe("npm run check (the command)", () => {
  it("exits 0 with the warnings and a summary line, and writes nothing", async () => {
    const { dir, content } = site();
    const before = listing(dir);
    const result = await check(content, dir);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^Warnings: \d+ warnings \(the build goes on\):$/m);
    assert.match(result.stdout, /^ {2}content\/articles\/خبر-ثالث\.md: summary: no summary/m);
    assert.match(result.stdout, /^Checked 5 stories in content \(\d+ published, 1 draft, \d+ scheduled\) in \d+\.\d\d s: no errors, \d+ warnings\.$/m);
    assert.deepEqual(listing(dir), before, "no page, no folder, no file written");
  });

  it("exits 1 and lists every error with file, field and suggestion", async () => {
    const { dir, content } = site({
      "x.md": story("title: x\ndate: 2025-12-01\ncatgory: politics\nsource: { name: x, url: 'https://x.example/' }"),
      "y.md": story("title: y\ndate: 2025-13-45\ncategory: politics\nsource: { name: y, url: 'https://y.example/' }"),
    });
    const before = listing(dir);
    const result = await check(content, dir);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /^Errors: 3 problems in 2 files \(the build stops on these\):$/m);
    assert.match(result.stderr, /^ {2}content\/articles\/x\.md: catgory: unknown field "catgory"; did you mean "category"\?$/m);
    assert.match(result.stderr, /^ {2}content\/articles\/x\.md: category: is missing; expected text$/m);
    assert.match(result.stderr, /^ {2}content\/articles\/y\.md: date: "2025-13-45" is not a date/m);
    assert.match(result.stderr, /: 3 errors, \d+ warnings\.$/m);
    assert.deepEqual(listing(dir), before);
  });
});
