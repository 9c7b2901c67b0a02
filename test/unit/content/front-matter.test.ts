import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseStoryFile } from "../../../src/content/front-matter.ts";

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
