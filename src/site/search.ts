// Static full-text search: Pagefind's index, built from the stories themselves as custom records
// (the text a reader sees on the story page: headline, summary, lead picture's caption and
// description, body; in the site's language so Pagefind applies its Arabic stemmer)
// rather than by reading thousands of written pages back from disk; the records go to Pagefind's
// own process while the pages are being written. https://pagefind.app/docs/node-api/
import * as pagefind from "pagefind";
import type { Story } from "./story.ts";

export interface SearchRecord {
  /** The story's site path, without the path prefix (the search page gives Pagefind the base). */
  url: string;
  content: string;
  language: string;
  meta: { title: string };
  filters: { category: string[] };
}

export function searchRecord(story: Pick<Story, "url" | "title" | "summary" | "image" | "text" | "category">, language: string): SearchRecord {
  // The stemmer does not join every form (مفاوضات and المفاوضات stem apart), so every visible word counts.
  const parts = [story.title, story.summary, story.image?.caption, story.image?.alt, story.text];
  const content = parts.filter((part): part is string => typeof part === "string" && part.trim() !== "").join("\n");
  return { url: story.url, content, language, meta: { title: story.title }, filters: { category: [story.category.name] } };
}

export interface SearchIndex {
  /** Queues a record; Pagefind indexes it in its own process while the build goes on. */
  add(record: SearchRecord): void;
  /** Waits for every record, writes the index to `<outputDir>/pagefind` and stops Pagefind. */
  write(outputDir: string): Promise<{ pages: number }>;
}

export async function openSearchIndex(): Promise<SearchIndex> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) {
    await pagefind.close();
    throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
  }
  const pending: Array<Promise<{ errors: string[] }>> = [];
  return {
    add(record) {
      pending.push(index.addCustomRecord(record));
    },
    async write(outputDir) {
      try {
        const added = await Promise.all(pending);
        const problems = added.flatMap((result) => result.errors);
        if (problems.length) throw new Error(`Pagefind could not index every story: ${problems.join("; ")}`);
        const written = await index.writeFiles({ outputPath: `${outputDir}/pagefind` });
        if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join("; ")}`);
        return { pages: pending.length };
      } finally {
        await pagefind.close();
      }
    },
  };
}
