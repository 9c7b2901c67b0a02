// The syndication settings: where a republished story's canonical points, and noindex.
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { DateTime } from "luxon";
import { loadNewsroom } from "../../../src/newsroom.ts";

const fixture = fileURLToPath(new URL("../../fixtures/site/content", import.meta.url));
const dirs: string[] = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function load(syndication?: object) {
  const dir = mkdtempSync(path.join(tmpdir(), "khabar-syndication-"));
  dirs.push(dir);
  cpSync(fixture, dir, { recursive: true });
  const siteFile = path.join(dir, "_data/site.json");
  const site = JSON.parse(readFileSync(siteFile, "utf8")) as Record<string, unknown>;
  writeFileSync(siteFile, JSON.stringify({ ...site, ...(syndication ? { syndication } : {}) }));
  const newsroom = await loadNewsroom({ contentDir: dir, includeUnpublished: false, now: DateTime.fromISO("2026-01-01T00:00:00Z"), root: dir });
  return newsroom.stories.find((s) => s.slug === "خبر-أول")!;
}

describe("syndication settings", () => {
  it("by default points the canonical URL to the site's own page and lets search engines index it", async () => {
    const story = await load();
    assert.equal(story.canonicalUrl, story.pageUrl);
    assert.equal(story.noindex, false);
  });
  it("can point the canonical URL to the original story, while share links keep the site's page", async () => {
    const story = await load({ canonical: "original" });
    assert.equal(story.canonicalUrl, "https://wire.example/story/1");
    assert.ok(story.share.length > 0);
    assert.ok(story.share.every((l) => decodeURIComponent(l.href).includes(story.pageUrl)));
  });
  it("can keep republished stories out of search engines", async () => {
    assert.equal((await load({ noindex: true })).noindex, true);
  });
  it("rejects an unknown canonical choice", async () => {
    await assert.rejects(load({ canonical: "elsewhere" }), /syndication.canonical: expected "site" or "original"/);
  });
});
