// What is wrong with the content, for the editor: every problem in every file, each with its
// file, field and what is expected, in one error that fails the build (and `npm run check`).
import { printable } from "./clean-text.ts";

/** A problem with one field, before it is known which file it is in. */
export interface FieldProblem {
  field: string;
  message: string;
}

export interface ContentProblem extends FieldProblem {
  /** Path of the file, relative to the project (e.g. content/articles/2025/12/x.md, content/_data/site.json). */
  file: string;
}

export class ContentError extends Error {
  constructor(readonly problems: ContentProblem[]) {
    super(formatProblems(problems));
    this.name = "ContentError";
  }
}

/** One problem (or warning) as the editor reads it: `file: field: message`. */
export function problemLine(problem: ContentProblem): string {
  // a file or field name comes from the content: never let it act on the terminal
  return `${printable(problem.file)}: ${printable(problem.field)}: ${problem.message}`;
}

export function formatProblems(problems: ContentProblem[]): string {
  const files = new Set(problems.map((p) => p.file)).size;
  const lines = problems.map((p) => `  ${problemLine(p)}`);
  return `${problems.length} content problem${problems.length === 1 ? "" : "s"} in ${files} file${files === 1 ? "" : "s"}:\n${lines.join("\n")}`;
}

/** Problems sorted by file, in the order they were found within each file. */
export function byFile(problems: ContentProblem[]): ContentProblem[] {
  return problems.sort((a, b) => a.file.localeCompare(b.file));
}
