// Dates of the content contract: ISO 8601 in, Arabic text in the site's time zone out.
// Everything goes through luxon so the zone and the digits are applied in one place.
import { DateTime } from "luxon";

/** Latin (0-9) or Arabic-Indic (٠-٩) digits, as site.json says. */
export type Digits = "latn" | "arab";

export interface StoryTime {
  /** Machine-readable instant with offset, for <time datetime> and feeds. */
  iso: string;
  /** e.g. «الأربعاء 3 ديسمبر 2025 - 10:15». */
  text: string;
  /** Milliseconds since the epoch, for sorting and comparing. */
  epoch: number;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const OFFSET = /(Z|[+-]\d{2}(:?\d{2})?)$/i;

/**
 * Reads a front-matter date. A value with an offset is that instant; a date alone or a time
 * without an offset is read as wall-clock time in the site's zone. Returns null when invalid.
 */
export function parseStoryDate(value: unknown, timeZone: string): DateTime | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : DateTime.fromJSDate(value).setZone(timeZone);
  if (typeof value !== "string") return null;
  const text = value.trim();
  if (!DATE_ONLY.test(text) && !/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(text)) return null;
  const iso = text.replace(" ", "T");
  const parsed = OFFSET.test(iso.slice(10))
    ? DateTime.fromISO(iso, { setZone: true }).setZone(timeZone)
    : DateTime.fromISO(iso, { zone: timeZone });
  return parsed.isValid ? parsed : null;
}

export function formatStoryTime(date: DateTime, timeZone: string, digits: Digits): string {
  return date
    .setZone(timeZone)
    .reconfigure({ locale: "ar", numberingSystem: digits })
    .toFormat("cccc d LLLL yyyy - HH:mm");
}

export function storyTime(date: DateTime, timeZone: string, digits: Digits): StoryTime {
  const zoned = date.setZone(timeZone);
  return {
    iso: zoned.toISO({ suppressMilliseconds: true }) ?? "",
    text: formatStoryTime(zoned, timeZone, digits),
    epoch: zoned.toMillis(),
  };
}
