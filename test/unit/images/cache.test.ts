// The picture cache forgets what no build has used for a month, and nothing else.
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { CACHE_RECORD, planPrune, pruneCache } from "../../../src/images/cache.ts";

const DAY = 86_400_000;
const work = mkdtempSync(path.join(tmpdir(), "khabar-cache-"));
after(() => rmSync(work, { recursive: true, force: true }));

describe("planPrune", () => {
  const today = 20_000;
  it("keeps what this build used, marked today, whatever the record says", () => {
    assert.deepEqual(planPrune(["a.jpeg"], { "a.jpeg": today - 400 }, new Set(["a.jpeg"]), today), { remove: [], lastUsed: { "a.jpeg": today } });
  });
  it("deletes a file unused for more than the days kept, and keeps one unused for exactly that long", () => {
    const plan = planPrune(["old.jpeg", "edge.jpeg"], { "old.jpeg": today - 31, "edge.jpeg": today - 30 }, new Set(), today, 30);
    assert.deepEqual(plan, { remove: ["old.jpeg"], lastUsed: { "edge.jpeg": today - 30 } });
  });
  it("counts a file the record does not know as used today, and forgets records of files gone", () => {
    assert.deepEqual(planPrune(["new.avif"], { "gone.webp": today - 1 }, new Set(), today), { remove: [], lastUsed: { "new.avif": today } });
  });
});

describe("pruneCache", () => {
  it("deletes stale files, keeps used and unknown ones, leaves temporary folders alone, and records the day", async () => {
    const cache = path.join(work, "cache");
    mkdirSync(path.join(cache, ".tmp-abc"), { recursive: true });
    for (const name of ["used.jpeg", "stale.webp", "recent.avif", "unknown.jpeg"]) writeFileSync(path.join(cache, name), "x");
    const now = Date.UTC(2026, 10, 30);
    const today = Math.floor(now / DAY);
    writeFileSync(path.join(cache, CACHE_RECORD), JSON.stringify({ "used.jpeg": today - 90, "stale.webp": today - 45, "recent.avif": today - 3 }));
    assert.equal(await pruneCache(cache, ["used.jpeg"], now), 1);
    assert.deepEqual(readdirSync(cache).sort(), [".last-used.json", ".tmp-abc", "recent.avif", "unknown.jpeg", "used.jpeg"]);
    assert.deepEqual(JSON.parse(readFileSync(path.join(cache, CACHE_RECORD), "utf8")), { "used.jpeg": today, "recent.avif": today - 3, "unknown.jpeg": today });
  });
  it("starts a record where there is none, or a damaged one, deleting nothing", async () => {
    const cache = path.join(work, "fresh");
    mkdirSync(cache);
    writeFileSync(path.join(cache, "a.jpeg"), "x");
    writeFileSync(path.join(cache, CACHE_RECORD), "{not json");
    assert.equal(await pruneCache(cache, [], Date.UTC(2026, 10, 30)), 0);
    assert.ok(existsSync(path.join(cache, "a.jpeg")));
    assert.equal(await pruneCache(path.join(work, "missing"), []), 0, "a site without local pictures has no cache");
    assert.ok(!existsSync(path.join(work, "missing")));
  });
});
