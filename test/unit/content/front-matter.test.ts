import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { decodeStoryFile, parseStoryFile } from "../../../src/content/front-matter.ts";

describe("parseStoryFile", () => {
  it("splits front matter from the body and keeps dates as text", () => {
    const parsed = parseStoryFile("---\ntitle: خبر\ndate: 2025-12-03\n---\nالنص\n");
    assert.deepEqual(parsed, { ok: true, data: { title: "خبر", date: "2025-12-03" }, body: "النص\n" });
  });
  it("accepts a byte-order mark and Windows line ends", () => {
    const parsed = parseStoryFile("\uFEFF---\r\ntitle: خبر\r\n---\r\nالنص");
    assert.equal(parsed.ok && parsed.data.title, "خبر");
  });
  it("reports an empty file", () => {
    assert.deepEqual(parseStoryFile("  \n"), { ok: false, field: "(file)", message: "the file is empty; expected front matter between --- lines, then the story" });
  });
  it("reports a file without front matter", () => {
    const parsed = parseStoryFile("# عنوان\nنص");
    assert.equal(parsed.ok, false);
    assert.match(!parsed.ok ? parsed.message : "", /no front matter/);
  });
  it("reports broken YAML with the line in the file", () => {
    const parsed = parseStoryFile("---\ntitle: خبر\ndate: [2025\n---\n");
    assert.equal(parsed.ok, false);
    assert.match(!parsed.ok ? parsed.message : "", /^broken YAML at line \d+/);
  });
  it("reports front matter that is not a set of fields", () => {
    assert.equal(parseStoryFile("---\n- a\n- b\n---\n").ok, false);
  });
});

describe("parseStoryFile given the file's bytes", () => {
  const story = "---\ntitle: خبر\n---\nالنص\n";
  it("reads UTF-8, with or without a byte-order mark", () => {
    assert.deepEqual(parseStoryFile(Buffer.from(story)), parseStoryFile(story));
    assert.deepEqual(parseStoryFile(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(story)])), parseStoryFile(story));
  });
  it("refuses a file that is not UTF-8, naming the offset and line of the first bad byte", () => {
    const latin1 = Buffer.from("---\ntitle: café\n---\ntexte\n", "latin1");
    assert.deepEqual(parseStoryFile(latin1), {
      ok: false,
      field: "(file)",
      message: "is not UTF-8 text: the byte 0xE9 at offset 14 (line 2) does not start a UTF-8 character; expected the file saved as UTF-8 (it may be in Latin-1 or windows-1256: open it and save it as UTF-8)",
    });
    assert.deepEqual(decodeStoryFile(Buffer.from("---\n", "utf8")), { ok: true, text: "---\n" });
    assert.match((decodeStoryFile(Buffer.from([0xff, 0xfe, 0x2d, 0x00])) as { message: string }).message, /byte 0xFF at offset 0 \(line 1\)/, "UTF-16 is not UTF-8 either");
  });
});

describe("characters that are not text in a story file", () => {
  it("are refused in the front matter with their line and column (not YAML's 'non-printable characters')", () => {
    assert.deepEqual(parseStoryFile("---\ndate: 2025-12-03\ntitle: خبر\u0007 عاجل\n---\nالنص\n"), {
      ok: false,
      field: "(front matter)",
      message: "line 3, column 11 holds the control character U+0007; expected text without control characters (tabs and line breaks are fine)",
    });
    const c1 = parseStoryFile("---\ntitle: a\u0085b\u009bc\n---\n");
    assert.match(!c1.ok ? c1.message : "", /^line 2, column 9 holds the control character U\+0085 \(and 1 more\)/);
  });
  it("are refused in the body, counting lines from the top of the file", () => {
    assert.deepEqual(parseStoryFile("---\ntitle: خبر\n---\nسطر أول\nسطر \u0000ثان\n"), {
      ok: false,
      field: "(body)",
      message: "line 5, column 5 holds the NUL character (U+0000); expected text without control characters (tabs and line breaks are fine)",
    });
    assert.equal(parseStoryFile(Buffer.from("---\ntitle: x\n---\n\u001b[2J")).ok, false, "read from bytes too");
  });
  it("leave tabs, line breaks, marks and joiners alone", () => {
    const parsed = parseStoryFile("---\r\ntitle: \"خبر\\t\u200fعاجل\"\r\n---\r\n\tسطر\u200c\r\n");
    assert.equal(parsed.ok, true);
  });
});
