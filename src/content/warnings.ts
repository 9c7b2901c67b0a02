// Things `npm run check` points out that do not stop a build: a story without a summary, tags or a
// picture, a headline too long for lists and search results, and two stories with the same title.
import { slugify } from "./slug.ts";

export interface StoryWarning {
  file: string;
  field: string;
  message: string;
}

export interface WarningInput {
  /** Path as printed (relative to the project). */
  file: string;
  /** The front matter as written. */
  data: Record<string, unknown>;
}

/** Headlines longer than this are cut in lists and search results. */
export const HEADLINE_WARN = 110;

const present = (value: unknown) => value !== undefined && value !== null && !(typeof value === "string" && value.trim() === "");

export function storyWarnings(stories: WarningInput[]): StoryWarning[] {
  const warnings: StoryWarning[] = [];
  const byTitle = new Map<string, string[]>();
  for (const { file, data } of stories) {
    const title = typeof data.title === "string" ? data.title.normalize("NFC").trim() : undefined;
    if (!present(data.summary)) warnings.push({ file, field: "summary", message: "no summary; lists, search results and shares show the first paragraph instead (add summary: one or two sentences)" });
    if (!Array.isArray(data.tags) || data.tags.length === 0) warnings.push({ file, field: "tags", message: "no tags; add tags: [..] so related stories and readers find it" });
    if (!present(data.image)) warnings.push({ file, field: "image", message: "no picture; add image: with src and alt (lists and shares show it)" });
    if (title !== undefined) {
      const length = [...title].length;
      if (length > HEADLINE_WARN) warnings.push({ file, field: "title", message: `is ${length} characters long; headlines over ${HEADLINE_WARN} characters are cut in lists and search results` });
      const key = slugify(title);
      if (key) byTitle.set(key, [...(byTitle.get(key) ?? []), file]);
    }
  }
  for (const files of byTitle.values()) {
    if (files.length < 2) continue;
    for (const file of files) {
      const others = files.filter((f) => f !== file);
      warnings.push({ file, field: "title", message: `same title as ${others.join(", ")}; expected each story to have its own headline` });
    }
  }
  return warnings.sort((a, b) => a.file.localeCompare(b.file) || a.field.localeCompare(b.field));
}
