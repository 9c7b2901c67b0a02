// The slug rule of the content contract (docs/content.md): Arabic letters and digits stay,
// diacritics (tashkeel) and tatweel go, spaces and punctuation become single hyphens.
// Eleventy's built-in slugify transliterates Arabic to Latin, which is why this exists.

import { removeInvisible } from "./clean-text.ts";

/** Tashkeel (U+064B–U+065F), superscript alef (U+0670), Quranic marks (U+06D6–U+06ED) and tatweel (U+0640). */
const DIACRITICS = /[\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;
/** Anything that is not a letter, a digit or a combining mark separates words. */
const SEPARATORS = /[^\p{L}\p{N}]+/gu;

export function slugify(text: string): string {
  // zero-width and bidi characters go first: a tag that looks the same is the same tag
  return removeInvisible(text)
    .normalize("NFC")
    .replace(DIACRITICS, "")
    .toLowerCase()
    .replace(SEPARATORS, "-")
    .replace(/^-+|-+$/g, "");
}

/** A slug an editor wrote in front matter must already be in normal form. */
export function isValidSlug(slug: string): boolean {
  return slug.length > 0 && slugify(slug) === slug;
}

/** A story's slug: its slug field, else its file name (without .md) under the slug rule. */
export function storySlug(slugField: string | undefined, file: string): string {
  return slugField ?? slugify(file.replace(/^.*[\\/]/, "").replace(/\.md$/, ""));
}
