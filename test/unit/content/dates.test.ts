import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatStoryTime, parseStoryDate, storyTime } from "../../../src/content/dates.ts";

const zone = "Asia/Riyadh";

describe("parseStoryDate", () => {
  it("keeps the instant of a date with an offset", () => {
    assert.equal(parseStoryDate("2025-12-03T10:15:00+03:00", zone)?.toUTC().toISO(), "2025-12-03T07:15:00.000Z");
    assert.equal(parseStoryDate("2025-12-03T07:15:00Z", zone)?.toUTC().toISO(), "2025-12-03T07:15:00.000Z");
  });
  it("reads a date alone as midnight in the site's zone", () => {
    assert.equal(parseStoryDate("2025-12-03", zone)?.toISO(), "2025-12-03T00:00:00.000+03:00");
    assert.equal(parseStoryDate("2025-12-03", "America/New_York")?.toISO(), "2025-12-03T00:00:00.000-05:00");
  });
  it("reads a time without an offset as wall-clock time in the site's zone", () => {
    assert.equal(parseStoryDate("2025-12-03T10:15", zone)?.toISO(), "2025-12-03T10:15:00.000+03:00");
    assert.equal(parseStoryDate("2025-12-03 10:15:00", zone)?.toISO(), "2025-12-03T10:15:00.000+03:00");
  });
  it("rejects what is not an ISO 8601 date", () => {
    for (const bad of ["3/12/2025", "2025-13-03", "2025-02-30", "yesterday", "", 20251203, null]) {
      assert.equal(parseStoryDate(bad, zone), null, String(bad));
    }
  });
});

describe("formatStoryTime", () => {
  const date = parseStoryDate("2025-12-03T10:15:00+03:00", zone)!;
  it("writes weekday, day, month, year and time in Arabic with Latin digits", () => {
    assert.equal(formatStoryTime(date, zone, "latn"), "الأربعاء 3 ديسمبر 2025 - 10:15");
  });
  it("writes Arabic-Indic digits when the site asks for them", () => {
    assert.equal(formatStoryTime(date, zone, "arab"), "الأربعاء ٣ ديسمبر ٢٠٢٥ - ١٠:١٥");
  });
  it("shows the time in the site's zone, whatever offset the editor wrote", () => {
    const utc = parseStoryDate("2025-12-03T22:30:00Z", zone)!;
    assert.equal(formatStoryTime(utc, zone, "latn"), "الخميس 4 ديسمبر 2025 - 01:30");
    assert.equal(formatStoryTime(utc, "Africa/Casablanca", "latn"), "الأربعاء 3 ديسمبر 2025 - 23:30");
  });
});

describe("storyTime", () => {
  it("gives the machine-readable instant in the site's zone next to the text", () => {
    const time = storyTime(parseStoryDate("2025-12-03T07:15:00Z", zone)!, zone, "latn");
    assert.equal(time.iso, "2025-12-03T10:15:00+03:00");
    assert.equal(time.text, "الأربعاء 3 ديسمبر 2025 - 10:15");
    assert.equal(time.epoch, Date.UTC(2025, 11, 3, 7, 15));
  });
});
