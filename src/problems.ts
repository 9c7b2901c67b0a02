// What is wrong with the content, for the editor: every problem in every file, each with its
// file, field and what is expected, in one error that fails the build (and `npm run check`).
import type { FieldProblem } from "./validate.ts";

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

export function formatProblems(problems: ContentProblem[]): string {
  const files = new Set(problems.map((p) => p.file)).size;
  const lines = problems.map((p) => `  ${p.file}: ${p.field}: ${p.message}`);
  return `${problems.length} content problem${problems.length === 1 ? "" : "s"} in ${files} file${files === 1 ? "" : "s"}:\n${lines.join("\n")}`;
}
