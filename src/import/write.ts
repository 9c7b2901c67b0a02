// Writing a new story file: front matter + Markdown, checked against the content contract before
// anything touches the disk, then written atomically (a temporary file linked into place), so a
// story file is either absent or complete, never half-written, and never overwrites another.
import { randomBytes } from "node:crypto";
import { link, mkdir, rename, rm, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import yaml from "js-yaml";
import { parseStoryFile } from "../frontMatter.ts";
import { isHttpUrl } from "../html.ts";
import { renderBody } from "../markdown.ts";
import { validateFrontMatter, type FieldProblem, type ValidationContext, type ValidFrontMatter } from "../validate.ts";

/** The text of a story file. Fields with undefined values are left out. */
export function storyText(frontMatter: Record<string, unknown>, body: string): string {
  const clean = JSON.parse(JSON.stringify(frontMatter)) as Record<string, unknown>;
  const head = yaml.dump(clean, { lineWidth: -1, noRefs: true, schema: yaml.CORE_SCHEMA });
  const text = body.trim();
  return `---\n${head}---\n${text ? `${text}\n` : ""}`;
}

const NO_LABELS = { playVideo: "", noticeBefore: "", noticeLink: "", noticeAfter: "" };

/**
 * Reads a story's text back the way the build will and returns every problem: front matter that
 * does not parse, fields that break the contract, and pictures in the body that are not http(s)
 * (a written story has no files next to it).
 */
export function checkStoryText(text: string, ctx: ValidationContext): { value?: ValidFrontMatter; problems: FieldProblem[] } {
  const parsed = parseStoryFile(text);
  if (!parsed.ok) return { problems: [{ field: parsed.field, message: parsed.message }] };
  const result = validateFrontMatter(parsed.data, ctx);
  const problems = [...result.problems];
  const sourceUrl = result.value?.source.url ?? "https://example.invalid/";
  const body = renderBody(parsed.body, { resolveAsset: (src) => (isHttpUrl(src) ? src : null), sourceUrl, labels: NO_LABELS });
  for (const missing of body.missingAssets) problems.push({ field: "(body)", message: `"${missing}" is not an http(s) address; expected pictures and videos by their full address` });
  const image = result.value?.image?.src;
  if (image !== undefined && !isHttpUrl(image)) problems.push({ field: "image.src", message: `"${image}" is not an http(s) address; expected the picture's full address` });
  return problems.length ? { problems } : { value: result.value, problems };
}

export class FileExistsError extends Error {
  constructor(readonly file: string) {
    super(`${file} already exists`);
    this.name = "FileExistsError";
  }
}

/** Writes `text` to `file` only if no file is there, atomically: readers see nothing or the whole file. */
export async function writeNewFile(file: string, text: string): Promise<void> {
  const dir = path.dirname(file);
  await mkdir(dir, { recursive: true });
  const temporary = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  await writeFile(temporary, text, { flag: "wx" });
  try {
    // link() fails when the target exists, so two writers can never overwrite each other.
    await link(temporary, file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") {
      await rm(temporary, { force: true });
      throw new FileExistsError(file);
    }
    // A file system without hard links: check, then rename (atomic, not exclusive).
    if (existsSync(file)) {
      await rm(temporary, { force: true });
      throw new FileExistsError(file);
    }
    await rename(temporary, file);
    return;
  }
  await rm(temporary, { force: true });
}
