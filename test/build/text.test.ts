// Text is clean at the edge (issue 12): the fixture site built with stories whose bytes or
// characters are not what a page, a feed or a terminal can take. A story that is not UTF-8, a
// control character in a field, a tag or slug too long to be a file name: each is a named problem
// and the previous output stays as it was. Bidi overrides are kept balanced inside their field, so
// none leaks into the page's <title>, its h1 or a feed; feeds and sitemaps stay well-formed XML.
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { XMLValidator } from "fast-xml-parser";
import { filesUnder, projectRoot, runCommand, snapshot } from "../support/cli.ts";

const root = projectRoot;
const build = (content: string, output: string) => runCommand("build", ["--content", content, "--output", output, "--no-search"]);
const files = filesUnder;
const fixture = path.join(root, "test/fixtures/site/content");
const work = mkdtempSync(path.join(tmpdir(), "khabar-text-"));
after(() => rmSync(work, { recursive: true, force: true }));




const RLO = "\u202e";
const PDF = "\u202c";
const story = (fields: string, body = "نص الخبر.") => `---\n${fields}\n---\n${body}\n`;
const base = (title: string) => `title: ${title}\ndate: 2025-12-02T09:00:00+03:00\ncategory: politics\nsource: { id: wire, url: 'https://wire.example/text/${encodeURIComponent(title)}' }`;

/** The fixture site with the stories given (file name -> text or bytes) added. */
function siteWith(name: string, stories: Record<string, string | Buffer>): string {
  const content = path.join(work, name);
  cpSync(fixture, content, { recursive: true });
  for (const [file, text] of Object.entries(stories)) writeFileSync(path.join(content, "articles", file), text);
  return content;
}

/**
 * True when every bidi embedding, override and isolate in `text` is closed within it and every
 * closer closes something (written here again, apart from src/content/clean-text.ts, so a broken
 * rule there cannot pass this test).
 */
function isBidiBalanced(text: string): boolean {
  const open: string[] = [];
  for (const c of text) {
    if ("\u202a\u202b\u202d\u202e".includes(c)) open.push("embedding");
    else if ("\u2066\u2067\u2068".includes(c)) open.push("isolate");
    else if (c === "\u202c" && open.at(-1) !== "embedding") return false;
    else if (c === "\u202c") open.pop();
    else if (c === "\u2069") {
      if (!open.includes("isolate")) return false;
      while (open.pop() !== "isolate");
    }
  }
  return open.length === 0;
}

/** Every run of text between markup delimiters, with the file it is in, where a bidi control is left open or closes nothing. */
function unbalanced(dir: string, file: string): string[] {
  return readFileSync(path.join(dir, file), "utf8")
    .split(/[<>"]/)
    .filter((part) => !isBidiBalanced(part))
    .map((part) => `${file}: ${JSON.stringify(part)}`);
}

const out = path.join(work, "_site");
// A title with an override left open (written as a YAML escape, the way a paste keeps it), a tab
// and the joiners and marks Arabic and Persian need; a tag and a source name with an override too.
const BIDI_TITLE = `"عنوان فيه \\u202Eمقلوب\\t\\u200Fو\\u200Cنص"`;
const bidiStory = story(`${base(BIDI_TITLE)}\nsummary: "ملخص \\u202Eمقلوب"\ntags: ["\\u202Eوسم", عادي]`.replace("{ id: wire,", `{ name: "مصدر \\u202Eمقلوب",`));

describe("a story whose text holds bidi overrides, tabs, joiners and marks", () => {
  before(async () => {
    const result = await build(siteWith("bidi", { "مقلوب.md": bidiStory }), out);
    assert.equal(result.code, 0, result.stderr);
  });

  it("keeps the override inside the title: the page's <title> and h1 hold it, closed before their end", () => {
    const page = readFileSync(path.join(out, "news/مقلوب/index.html"), "utf8");
    const title = /<title>([^<]*)<\/title>/.exec(page)![1]!;
    const h1 = /<h1[^>]*>([^<]*)<\/h1>/.exec(page)![1]!;
    for (const text of [title, h1]) {
      assert.ok(text.includes(`عنوان فيه ${RLO}مقلوب \u200fو\u200cنص${PDF}`), JSON.stringify(text)); // the tab is a space, marks and joiners stay
      assert.ok(isBidiBalanced(text), JSON.stringify(text));
    }
  });

  it("leaves no bidi control open anywhere in the site: pages, feeds, sitemaps", () => {
    const problems = files(out)
      .filter((f) => /\.(html|xml|json)$/.test(f))
      .flatMap((f) => unbalanced(out, f));
    assert.deepEqual(problems, []);
  });

  it("writes well-formed Atom and RSS feeds and sitemaps holding the story", () => {
    const xml = files(out).filter((f) => f.endsWith(".xml"));
    for (const file of ["feed.xml", "rss.xml", "sitemap.xml"]) assert.ok(xml.includes(file), file);
    for (const file of xml) {
      const text = readFileSync(path.join(out, file), "utf8");
      assert.equal(XMLValidator.validate(text), true, file);
      assert.doesNotMatch(text, /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/, file);
    }
    assert.match(readFileSync(path.join(out, "feed.xml"), "utf8"), /عنوان فيه \u202eمقلوب/);
  });
});

describe("stories whose bytes or characters cannot be published", () => {
  const longName = "ل".repeat(100); // 200 bytes: a file the disk takes, a slug the path rule does not
  let result: { code: number; stderr: string };
  let kept: string;

  before(async () => {
    assert.ok(files(out).length > 0, "the previous build is there");
    kept = snapshot(out);
    const content = siteWith("bad", {
      "مقلوب.md": bidiStory,
      "latin1.md": Buffer.from(story(base("'Élection présidentielle'")), "latin1"),
      "nul-title.md": story(base(`"خبر\\0عاجل"`)),
      "raw-control.md": story(base(`خبر\u001b[2Jعاجل`)),
      "c0-tag.md": story(`${base("وسم-فيه-تحكم")}\ntags: ["روسيا", "وسم\\x1b[31m"]`),
      "c0-source.md": story(base("مصدر-فيه-تحكم").replace("{ id: wire,", `{ name: "مصدر\\a", `)),
      "c0-body.md": story(base("نص-فيه-تحكم"), "سطر أول\nسطر\u0007 ثان"),
      "long-tag.md": story(`${base("وسم-طويل")}\ntags: [${"و".repeat(300)}]`),
      "long-slug.md": story(`${base("slug-طويل")}\nslug: ${"س".repeat(300)}`),
      [`${longName}.md`]: story(base("اسم-ملف-طويل")),
    });
    result = await build(content, out);
  });

  it("fails with every problem named, each with its file and field", () => {
    assert.equal(result.code, 1, result.stderr);
    const lines = result.stderr.split("\n");
    const line = (file: string, field: string) => lines.find((l) => l.includes(`${file}: ${field}: `)) ?? `no problem for ${file} ${field} in:\n${result.stderr}`;
    assert.match(line("latin1.md", "(file)"), /is not UTF-8 text: the byte 0xC9 at offset 12 \(line 2\) does not start a UTF-8 character; expected the file saved as UTF-8/);
    assert.match(line("nul-title.md", "title"), /holds the NUL character \(U\+0000\) at character 4; expected text without control characters/);
    assert.match(line("raw-control.md", "(front matter)"), /line 2, column 11 holds the control character U\+001B/);
    assert.match(line("c0-tag.md", "tags"), /entry 2 holds the control character U\+001B at character 4/);
    assert.match(line("c0-source.md", "source.name"), /holds the control character U\+0007 at character 5/);
    assert.match(line("c0-body.md", "(body)"), /line 8, column 4 holds the control character U\+0007/);
    assert.match(line("long-tag.md", "tags"), /tag 1 \(".*…"\) is 300 characters long; expected at most 50/);
    assert.match(line("long-slug.md", "slug"), /is 600 bytes long \(300 letters\); expected at most 150 bytes/);
    assert.match(line(`${longName}.md`, "slug"), /the slug the file name gives is 200 bytes long \(100 letters\); expected at most 150 bytes/);
    assert.match(result.stderr, /^Build failed: 9 content problems in 9 files:$/m, "the story with balanced overrides is not one of them");
    assert.doesNotMatch(result.stderr, /ENAMETOOLONG|EILSEQ/, "a named problem, not a crash");
  });

  it("never prints a control character or an override to the terminal", () => {
    assert.doesNotMatch(result.stderr, /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  });

  it("leaves the previous output exactly as it was, and no temporary folder behind", () => {
    assert.equal(snapshot(out), kept);
    assert.deepEqual(readdirSync(work).filter((name) => name.startsWith(".khabar-")), []);
  });
});
