// Moving a staged build into the output: only files whose bytes changed move, files no longer built
// are deleted, kept pages stay, and the state recorded is the output as it now is.
import assert from "node:assert/strict";
import { existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { readBuildState, writeBuildState } from "../../../src/output/build-state.ts";
import { filesUnder } from "../../../src/content/files-under.ts";
import { commitOutput, outputUrl } from "../../../src/output/commit.ts";

const work = mkdtempSync(path.join(tmpdir(), "khabar-commit-"));
after(() => rmSync(work, { recursive: true, force: true }));

function folder(name: string, files: Record<string, string>): string {
  const dir = path.join(work, name);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

describe("commitOutput", () => {
  it("moves what changed, leaves what did not, deletes what is no longer built, keeps the kept pages", () => {
    const target = folder("site", { "index.html": "home", "news/a/index.html": "a", "news/b/index.html": "b", "news/gone/index.html": "gone", "feed.xml": "old feed" });
    const unchanged = statSync(path.join(target, "index.html")).mtimeMs;
    // the build rendered the home page (same bytes), the feed (new bytes) and a new story; it kept a's page
    const staging = folder("staging", { "index.html": "home", "feed.xml": "new feed", "news/c/index.html": "c", "news/b/index.html": "b2" });
    const cacheFolder = path.join(work, "cache");
    const changes = commitOutput({ staging, target, cacheFolder, kept: ["news/a/index.html"], pages: { frame: "f", pages: { "news/a/index.html": "x" } } });
    assert.deepEqual(changes, { added: ["news/c/index.html"], changed: ["feed.xml", "news/b/index.html"], deleted: ["news/gone/index.html"], unchanged: 2 });
    assert.deepEqual(filesUnder(target), ["feed.xml", "index.html", "news/a/index.html", "news/b/index.html", "news/c/index.html"]);
    assert.equal(readFileSync(path.join(target, "feed.xml"), "utf8"), "new feed");
    assert.equal(statSync(path.join(target, "index.html")).mtimeMs, unchanged, "an unchanged file is not touched");
    assert.equal(existsSync(path.join(target, "news/gone")), false, "its emptied folder goes too");
    assert.equal(existsSync(staging), false);
    assert.deepEqual(readBuildState(cacheFolder), { files: filesUnder(target), frame: "f", pages: { "news/a/index.html": "x" } });
  });

  it("takes a hard link to the same file as unchanged without reading it, and replaces a folder by a file", () => {
    const target = folder("site2", { "img/a.webp": "pixels", "old/index.html": "x" });
    const staging = folder("staging2", {});
    mkdirSync(path.join(staging, "img"), { recursive: true });
    linkSync(path.join(target, "img/a.webp"), path.join(staging, "img/a.webp"));
    writeFileSync(path.join(staging, "old"), "now a file");
    const changes = commitOutput({ staging, target, cacheFolder: path.join(work, "cache2"), kept: [], pages: { frame: "", pages: {} } });
    assert.deepEqual(changes, { added: [], changed: ["old"], deleted: ["old/index.html"], unchanged: 1 });
    assert.equal(readFileSync(path.join(target, "old"), "utf8"), "now a file");
  });

  it("names each file's address under the path prefix", () => {
    assert.equal(outputUrl("news/خبر/index.html", "/news/"), "/news/news/خبر/");
    assert.equal(outputUrl("index.html"), "/");
    assert.equal(outputUrl("feed.xml", "/a"), "/a/feed.xml");
  });
});

describe("the build state", () => {
  it("is not trusted when cut short, or while a commit was under way", () => {
    const cache = path.join(work, "state");
    writeBuildState(cache, { files: ["a"], frame: "f", pages: {} });
    assert.deepEqual(readBuildState(cache)?.files, ["a"]);
    const file = path.join(cache, "state.json");
    writeFileSync(file, readFileSync(file, "utf8").slice(0, 30));
    assert.equal(readBuildState(cache), undefined);
    writeBuildState(cache, { files: ["a"], frame: "f", pages: {} });
    writeFileSync(file, readFileSync(file, "utf8").replace('"a"', '"b"'));
    assert.equal(readBuildState(cache), undefined, "a changed state fails its checksum");
    writeBuildState(cache, { files: ["a"], frame: "f", pages: {} });
    writeFileSync(path.join(cache, "committing"), "1");
    assert.equal(readBuildState(cache), undefined, "a build died moving files into the output");
  });
});
