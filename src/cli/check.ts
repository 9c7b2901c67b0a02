// `npm run check`: validates all content the way the build does, writes no page, and reports every
// problem at once (file, field, what is expected), then a list of warnings. Exits 1 on any error.
// Drafts and scheduled stories are checked too (as the preview server shows them), so a story is
// known to be good before its time comes. Pictures go through the build's own pipeline in its
// checking mode: every check the build makes before it encodes (size, type, pixels, SVG rules), and a
// decode of each picture the picture cache holds no versions of; nothing is encoded or written.
import path from "node:path";
import { parseArgs } from "node:util";
import { DateTime } from "luxon";
import { ContentError, problemLine, type ContentProblem } from "../content/problems.ts";
import { readStoryIndex } from "../content/story-files.ts";
import { storyWarnings, type StoryWarning } from "../content/warnings.ts";
import { BUILD_ENVIRONMENT } from "../eleventy/options.ts";
import { Pictures } from "../images/pictures.ts";
import { checkNewsroom, type CheckedNewsroom } from "../newsroom.ts";
import { runCommand } from "./run.ts";

export interface CheckReport {
  stories: number;
  published: number;
  drafts: number;
  scheduled: number;
  problems: ContentProblem[];
  warnings: StoryWarning[];
}

export interface CheckOptions {
  now?: DateTime;
  /** Project root, to print file paths relative to it. */
  root?: string;
  /** The build's picture cache (read only): pictures already encoded there are not decoded again. */
  pictureCache?: string;
}

export async function checkContent(contentDir: string, options: CheckOptions = {}): Promise<CheckReport> {
  const root = options.root ?? process.cwd();
  const now = options.now ?? DateTime.now();
  const rel = (file: string) => path.relative(root, file) || file;
  // The same default as the build's (eleventy.config.ts), from the working directory.
  const cacheDir = options.pictureCache ?? process.env[BUILD_ENVIRONMENT.imageCache] ?? ".cache/images";
  const pictures = new Pictures({ contentDir, cacheDir, checkOnly: true });
  let newsroom: CheckedNewsroom | undefined;
  let problems: ContentProblem[] = [];
  try {
    newsroom = await checkNewsroom({ contentDir, includeUnpublished: true, now, root, pictures });
  } catch (error) {
    // A registry that cannot be read (site.json, categories.json, sources.json) stops everything.
    problems = error instanceof ContentError ? error.problems : [{ file: rel(path.join(contentDir, "_data")), field: "(registries)", message: (error as Error).message }];
  }
  // Every story is in the newsroom when all is well (drafts and scheduled ones included); when not,
  // the files are read again for the warnings of the stories that do parse.
  const index = newsroom ? undefined : await readStoryIndex(contentDir);
  const inputs = newsroom
    ? newsroom.stories.map((s) => ({ file: s.file, data: s.data }))
    : index!.stories.flatMap((s) => (s.data ? [{ file: rel(s.absolute), data: s.data }] : []));
  const stories = newsroom?.stories ?? [];
  const count = index ? index.stories.length : stories.length;
  return {
    stories: count,
    published: stories.filter((s) => !s.draft && !s.scheduled).length,
    drafts: stories.filter((s) => s.draft).length,
    scheduled: stories.filter((s) => s.scheduled && !s.draft).length,
    problems,
    warnings: storyWarnings(inputs),
  };
}

const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;

export function formatReport(report: CheckReport, contentDir: string, seconds: number): string {
  const lines: string[] = [];
  const { problems, warnings } = report;
  if (problems.length) {
    const files = new Set(problems.map((p) => p.file)).size;
    lines.push(`Errors: ${plural(problems.length, "problem")} in ${plural(files, "file")} (the build stops on these):`);
    for (const p of problems) lines.push(`  ${problemLine(p)}`);
    lines.push("");
  }
  if (warnings.length) {
    lines.push(`Warnings: ${plural(warnings.length, "warning")} (the build goes on):`);
    for (const w of warnings) lines.push(`  ${problemLine(w)}`);
    lines.push("");
  }
  const counts = problems.length ? "" : ` (${report.published} published, ${plural(report.drafts, "draft")}, ${report.scheduled} scheduled)`;
  lines.push(
    `Checked ${plural(report.stories, "story", "stories")} in ${contentDir}${counts} in ${seconds.toFixed(2)} s: ` +
      `${problems.length ? plural(problems.length, "error") : "no errors"}, ${plural(warnings.length, "warning")}.`,
  );
  return lines.join("\n");
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { content: { type: "string", default: "content" } } });
  const started = performance.now();
  const contentDir = path.resolve(values.content!);
  const report = await checkContent(contentDir);
  const seconds = (performance.now() - started) / 1000;
  const text = formatReport(report, path.relative(process.cwd(), contentDir) || ".", seconds);
  if (report.problems.length) console.error(text);
  else console.log(text);
  process.exitCode = report.problems.length ? 1 : 0;
}

await runCommand(import.meta.url, "check", main);
