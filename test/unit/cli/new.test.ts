// `npm run new`: a story file from a title and flags, or from questions on standard input.
import assert from "node:assert/strict";
import { execFile, spawn } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { DateTime } from "luxon";
import { createStory, UsageError } from "../../../src/cli/new.ts";
import { NAME_MAX_BYTES } from "../../../src/content/path-rule.ts";
import { slugify } from "../../../src/content/slug.ts";
import { headlineSlug } from "../../../src/content/story-files.ts";
import { loadNewsroom } from "../../../src/newsroom.ts";

const root = fileURLToPath(new URL("../../..", import.meta.url));
const fixture = path.join(root, "test/fixtures/site/content");
const temporary: string[] = [];
after(() => temporary.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function site(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "khabar-new-"));
  temporary.push(dir);
  cpSync(fixture, path.join(dir, "content"), { recursive: true });
  return path.join(dir, "content");
}

const storyFiles = (content: string) =>
  readdirSync(path.join(content, "articles"), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".md"))
    .map((e) => path.relative(path.join(content, "articles"), path.join(e.parentPath ?? e.path, e.name)))
    .sort();

async function run(args: string[], input?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/new.ts", ...args], { cwd: root, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill(), 30_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr });
    });
    child.stdin.end(input ?? "");
  });
}

// 2025-12-31 22:30 UTC is already 2026-01-01 01:30 in the fixture site's zone (Asia/Riyadh).
const now = DateTime.fromISO("2025-12-31T22:30:45Z");
const input = { title: "خبر جديد: اختبار «الأداة»", category: "politics", sourceId: "wire", url: "https://wire.example/new/1", draft: true };

describe("npm run new (createStory)", () => {
  it("writes articles/YYYY/MM/<slug>.md dated now in the site's time zone, and gives its URL", async () => {
    const content = site();
    const created = await createStory(content, input, now);
    assert.equal(path.relative(content, created.file), path.join("articles", "2026", "01", "خبر-جديد-اختبار-الأداة.md"));
    assert.equal(created.url, `https://test.example/news/${encodeURIComponent("خبر-جديد-اختبار-الأداة")}/`);
    const text = readFileSync(created.file, "utf8");
    assert.match(text, /^date: 2026-01-01T01:30:00\+03:00$/m);
    assert.match(text, /^title: 'خبر جديد: اختبار «الأداة»'$/m);
    assert.match(text, /^draft: true$/m);
    assert.match(text, /^source:\n {2}id: wire\n {2}url: https:\/\/wire\.example\/new\/1$/m);
  });

  it("writes a story the build accepts (a draft, shown by the preview)", async () => {
    const content = site();
    await createStory(content, input, now);
    const preview = await loadNewsroom({ contentDir: content, includeUnpublished: true, now: now.plus({ hours: 1 }), root: content });
    const story = preview.stories.find((s) => s.slug === "خبر-جديد-اختبار-الأداة");
    assert.ok(story);
    assert.equal(story.draft, true);
    assert.equal(story.source.name, "Wire Agency");
    const published = await loadNewsroom({ contentDir: content, includeUnpublished: false, now: now.plus({ hours: 1 }), root: content });
    assert.ok(!published.stories.some((s) => s.slug === "خبر-جديد-اختبار-الأداة"), "a draft until the editor removes draft: true");
  });

  it("with --publish writes no draft line; with a source name, an unregistered source", async () => {
    const content = site();
    const created = await createStory(content, { title: "خبر منشور", category: "economy", sourceName: "وكالة محلية", url: "https://local.example/1", draft: false }, now);
    const text = readFileSync(created.file, "utf8");
    assert.doesNotMatch(text, /draft/);
    assert.match(text, /^source:\n {2}name: وكالة محلية\n/m);
    const published = await loadNewsroom({ contentDir: content, includeUnpublished: false, now: now.plus({ hours: 1 }), root: content });
    assert.ok(published.stories.some((s) => s.slug === "خبر-منشور"));
  });

  it("refuses a slug that is taken, even when the title differs in diacritics and punctuation", async () => {
    const content = site();
    const before = storyFiles(content);
    await assert.rejects(createStory(content, { ...input, title: "خبرٌ أوّل!" }, now), (error: unknown) => {
      assert.ok(error instanceof UsageError);
      assert.match(error.message, /a story with the address "خبر-أول" already exists: .*خبر-أول\.md/);
      return true;
    });
    assert.deepEqual(storyFiles(content), before, "nothing written");
  });

  it("refuses a second story with the same title", async () => {
    const content = site();
    await createStory(content, input, now);
    await assert.rejects(createStory(content, input, now.plus({ days: 40 })), /already exists/);
  });

  it("cuts a long Arabic headline's file name to the byte limit, between two words (the rule `npm run import` uses)", async () => {
    const content = site();
    // 30 words of five letters: 150 Arabic letters, a 329-byte slug, more than a file name may have
    const title = Array.from({ length: 30 }, (_, i) => `كلمة${"ابتثجحخدذرزسشصضطظعغفقكلمنهوي"[i % 28]}`).join(" ");
    const created = await createStory(content, { ...input, title }, now);
    assert.equal(created.slug, headlineSlug(title));
    assert.ok(Buffer.byteLength(created.slug) <= NAME_MAX_BYTES, `${Buffer.byteLength(created.slug)} bytes`);
    assert.ok(slugify(title).startsWith(`${created.slug}-`), "whole words");
    assert.equal(path.basename(created.file), `${created.slug}.md`);
    assert.match(readFileSync(created.file, "utf8"), new RegExp(`^title: ${title}$`, "m"), "the headline itself is kept whole");
    const preview = await loadNewsroom({ contentDir: content, includeUnpublished: true, now: now.plus({ hours: 1 }), root: content });
    assert.ok(preview.stories.some((s) => s.slug === created.slug));
    await assert.rejects(createStory(content, { ...input, title: `${title} وكلمة أخرى` }, now), /a story with the address ".*" already exists/, "a headline that differs after the cut has the same address");
  });

  it("refuses a headline whose address is a device name", async () => {
    const content = site();
    await assert.rejects(createStory(content, { ...input, title: "CON" }, now), (error: unknown) => {
      assert.ok(error instanceof UsageError);
      assert.match(error.message, /^the title gives the address \(slug\) "con", which is a device name on Windows; expected another title$/);
      return true;
    });
  });

  it("lists every missing or wrong flag at once, with suggestions, and writes nothing", async () => {
    const content = site();
    const before = storyFiles(content);
    await assert.rejects(createStory(content, { title: " ", category: "politcs", sourceId: "wir", url: "ftp://x", draft: true }, now), (error: unknown) => {
      const message = (error as Error).message;
      assert.match(message, /a title is needed/);
      assert.match(message, /--category: unknown category "politcs"; expected one of politics, economy, sports; did you mean "politics"\?/);
      assert.match(message, /--source: unknown source "wir"; expected one of wire; did you mean "wire"\?/);
      assert.match(message, /--url: "ftp:\/\/x" is not an http or https address/);
      return true;
    });
    assert.deepEqual(storyFiles(content), before);
  });
});

describe("npm run new (the command)", () => {
  it("prints the new file's path and its URL", async () => {
    const content = site();
    const result = await run(["--content", content, "خبر من سطر الأوامر", "--category", "sports", "--source", "wire", "--url", "https://wire.example/cli"]);
    assert.equal(result.code, 0, result.stderr);
    const [file] = storyFiles(content).filter((f) => f.includes("خبر-من-سطر-الأوامر"));
    assert.ok(file, "the file exists");
    assert.match(result.stdout, new RegExp(`Created .*${file!.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
    assert.match(result.stdout, /Its address: https:\/\/test\.example\/news\/خبر-من-سطر-الأوامر\//);
    assert.match(result.stdout, /percent-encoded: https:\/\/test\.example\/news\/%D8%AE/);
  });

  it("exits 1 with the reason when the slug exists", async () => {
    const content = site();
    const result = await run(["--content", content, "خبر أول", "--category", "politics", "--source", "wire", "--url", "https://wire.example/x"]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /new: a story with the address "خبر-أول" already exists/);
  });

  it("asks the questions when run without arguments (answers piped on standard input)", async () => {
    const content = site();
    const answers = ["", "سؤال وجواب", "9", "3", "wir", "1", "not a url", "https://wire.example/asked"].join("\n");
    const result = await run(["--content", content], `${answers}\n`);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /1\) politics — سياسة/);
    assert.match(result.stdout, /"9" is not in the list/);
    assert.match(result.stdout, /"wir" is not a registered source; did you mean "wire"\?/);
    assert.match(result.stdout, /expected an http or https address/);
    const file = storyFiles(content).find((f) => f.endsWith("سؤال-وجواب.md"));
    assert.ok(file, result.stdout);
    const text = readFileSync(path.join(content, "articles", file!), "utf8");
    assert.match(text, /^category: sports$/m);
    assert.match(text, /^ {2}id: wire$/m);
    assert.match(text, /^ {2}url: https:\/\/wire\.example\/asked$/m);
  });

  it("takes a new source's name in the questions", async () => {
    const content = site();
    const result = await run(["--content", content], "خبر بمصدر جديد\n1\nصحيفة المدينة\nhttps://city.example/1\n");
    assert.equal(result.code, 0, result.stderr);
    const file = storyFiles(content).find((f) => f.endsWith("خبر-بمصدر-جديد.md"))!;
    assert.match(readFileSync(path.join(content, "articles", file), "utf8"), /^ {2}name: صحيفة المدينة$/m);
  });

  it("writes nothing when the answers stop early", async () => {
    const content = site();
    const before = storyFiles(content);
    const result = await run(["--content", content], "عنوان فقط\n");
    assert.equal(result.code, 1);
    assert.match(result.stderr, /no answer \(end of input\); nothing was written/);
    assert.deepEqual(storyFiles(content), before);
  });
});

describe("npm run new --help", () => {
  it("prints the usage", async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", "src/cli/new.ts", "--help"], { cwd: root });
    assert.match(stdout, /npm run new -- "عنوان الخبر" --category ID --source ID --url https:\/\/\.\.\./);
  });
});
