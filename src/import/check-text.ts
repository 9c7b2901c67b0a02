// A new story's text, checked against the content contract before anything touches the disk
// (`new` and `import` write it with src/content/story-files.ts only when this finds nothing).
import { isHttpUrl } from "../content/http-url.ts";
import { validateFrontMatter, type ValidationContext, type ValidFrontMatter } from "../content/contract.ts";
import { parseStoryFile } from "../content/front-matter.ts";
import type { FieldProblem } from "../content/problems.ts";
import { renderBody } from "../body/markdown.ts";

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
