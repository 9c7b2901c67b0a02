// The one path rule: names that become output paths, files written into the output, files read from content/.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { isInside, NAME_MAX_BYTES, outputFile, pathSegmentProblem, realFileInside } from "../../../src/content/path-rule.ts";

describe("pathSegmentProblem", () => {
  it("accepts Arabic and Latin names of letters, digits and hyphens", () => {
    for (const name of ["politics", "سياسة", "غزة-اليوم", "cop30", "bbc-arabic", "٢٠٢٥"]) assert.equal(pathSegmentProblem(name), undefined, name);
  });
  it("refuses dot segments in every spelling", () => {
    for (const name of [".", "..", "%2e%2e", "%2E%2E", ".%2e", "..%2f", ".hidden", "name."]) assert.ok(pathSegmentProblem(name), name);
  });
  it("refuses separators of both systems, absolute paths and NUL", () => {
    for (const name of ["a/b", "a\\b", "/etc", "C:\\Windows", "..\\..", "a\0b", "../x"]) assert.ok(pathSegmentProblem(name), JSON.stringify(name));
  });
  it("refuses control, bidi and zero-width characters", () => {
    for (const name of ["a\nb", "a\u0007", "exe\u202Egpj", "a\u200Bb", "\u2066x\u2069", "a\u0085b"]) assert.match(pathSegmentProblem(name) ?? "", /invisible or control/, JSON.stringify(name));
  });
  it("refuses empty names and Windows device names", () => {
    assert.match(pathSegmentProblem("") ?? "", /empty/);
    for (const name of ["con", "NUL", "com1", "lpt9.txt"]) assert.match(pathSegmentProblem(name) ?? "", /device name/, name);
  });
  it("counts length in bytes, so a long Arabic name is refused at half the letters of a Latin one", () => {
    assert.equal(pathSegmentProblem("a".repeat(NAME_MAX_BYTES)), undefined);
    assert.match(pathSegmentProblem("a".repeat(NAME_MAX_BYTES + 1)) ?? "", /bytes long/);
    assert.equal(pathSegmentProblem("ب".repeat(NAME_MAX_BYTES / 2)), undefined);
    assert.match(pathSegmentProblem("ب".repeat(NAME_MAX_BYTES / 2 + 1)) ?? "", /76 letters.*at most 150 bytes/);
  });
});

describe("outputFile", () => {
  it("resolves a path inside the output folder", () => {
    assert.equal(outputFile("/out", "news/غزة/index.html"), path.resolve("/out/news/غزة/index.html"));
  });
  it("refuses anything that would land outside it, or on the folder itself", () => {
    for (const bad of ["../x/index.html", "a/../../x", "/etc/passwd", "", ".", "a\0b"]) assert.throws(() => outputFile("/out", bad), /refusing to write/, JSON.stringify(bad));
  });
});

describe("isInside", () => {
  it("tells a path inside a folder from one beside it with the same prefix", () => {
    assert.equal(isInside("/site/content", "/site/content/a.jpg"), true);
    assert.equal(isInside("/site/content", "/site/content-secrets/a.jpg"), false);
    assert.equal(isInside("/site/content", "/site"), false);
  });
});

describe("realFileInside", () => {
  const folder = mkdtempSync(path.join(tmpdir(), "khabar-path-rule-"));
  after(() => rmSync(folder, { recursive: true, force: true }));
  const content = path.join(folder, "content");
  mkdirSync(path.join(content, "images"), { recursive: true });
  writeFileSync(path.join(content, "images", "a.jpg"), "a");
  writeFileSync(path.join(folder, "secret.txt"), "secret");
  mkdirSync(path.join(folder, "outside"));
  writeFileSync(path.join(folder, "outside", "b.jpg"), "b");
  symlinkSync(path.join(folder, "secret.txt"), path.join(content, "images", "secret.jpg"));
  symlinkSync(path.join(folder, "outside"), path.join(content, "linked"));
  symlinkSync(path.join(content, "images", "a.jpg"), path.join(content, "images", "alias.jpg"));

  it("gives the real file of a picture inside content/", () => {
    assert.equal(realFileInside(content, path.join(content, "images", "a.jpg")), path.join(content, "images", "a.jpg"));
  });
  it("refuses a link to a file outside, and a file reached through a linked folder", () => {
    assert.equal(realFileInside(content, path.join(content, "images", "secret.jpg")), undefined);
    assert.equal(realFileInside(content, path.join(content, "linked", "b.jpg")), undefined);
  });
  it("follows a link that stays inside, and gives undefined for a missing file", () => {
    assert.equal(realFileInside(content, path.join(content, "images", "alias.jpg")), path.join(content, "images", "a.jpg"));
    assert.equal(realFileInside(content, path.join(content, "images", "missing.jpg")), undefined);
  });
});
