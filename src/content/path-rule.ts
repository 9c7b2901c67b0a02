// The one rule for every name that becomes part of an output path (a category, source or author id,
// a story slug, a tag's slug) and for every file the build reads from content/ or writes into the
// output. Text from editors and sources is untrusted: nothing it says may read or write outside the
// project, replace a page of the site, or crash a build with a file-system error instead of a
// named problem.
import { realpathSync } from "node:fs";
import path from "node:path";

/** Bytes of a name in UTF-8: file systems limit a name to 255 bytes, and an Arabic letter takes two. */
export const NAME_MAX_BYTES = 150;

/** Names Windows keeps for devices (a site built or copied there could not hold them). */
const DEVICE_NAMES = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
/** C0 and C1 controls, and the bidi and zero-width characters that make a name read as another. */
const HIDDEN = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/u;

/**
 * What is wrong with `name` as one segment of an output path, or undefined when it is fine. The
 * message says what is expected, for a problem line (`file: field: message`).
 */
export function pathSegmentProblem(name: string): string | undefined {
  if (name === "") return "is empty; expected a name of letters, digits and hyphens";
  if (name === "." || name === "..") return `"${name}" is a folder of its own; expected a name of letters, digits and hyphens`;
  if (/[/\\]/.test(name)) return `"${name}" holds a folder separator (/ or \\); expected one name, of letters, digits and hyphens`;
  if (HIDDEN.test(name)) return `${JSON.stringify(name)} holds an invisible or control character; expected letters, digits and hyphens`;
  if (name.includes("%")) return `"${name}" holds %, which addresses read as an escape; expected letters, digits and hyphens`;
  if (name.startsWith(".")) return `"${name}" starts with a dot (a hidden file); expected a name starting with a letter or digit`;
  if (/[. ]$/.test(name)) return `"${name}" ends with a dot or space; expected a name ending with a letter or digit`;
  if (DEVICE_NAMES.test(name)) return `"${name}" is a device name on Windows; expected another name`;
  const bytes = Buffer.byteLength(name, "utf8");
  if (bytes > NAME_MAX_BYTES) return `is ${bytes} bytes long (${[...name].length} letters); expected at most ${NAME_MAX_BYTES} bytes (about ${NAME_MAX_BYTES / 2} Arabic letters)`;
  return undefined;
}

/** True when `target` is `folder` itself or inside it (both absolute or both relative to the same place). */
export function isInside(folder: string, target: string): boolean {
  const relative = path.relative(path.resolve(folder), path.resolve(target));
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}

/** The output file for a path under the output folder, refusing anything that would land outside it. */
export function outputFile(outputDir: string, relativePath: string): string {
  if (relativePath.includes("\0")) throw new Error(`refusing to write ${JSON.stringify(relativePath)}: it holds a NUL character`);
  const file = path.resolve(outputDir, relativePath);
  if (!isInside(outputDir, file) || file === path.resolve(outputDir)) throw new Error(`refusing to write ${JSON.stringify(relativePath)}: it is outside the output folder ${outputDir}`);
  return file;
}

/**
 * The real file behind `file` when it and every folder on its way are inside `folder` once symbolic
 * links are followed; undefined when it is missing or leads outside.
 */
export function realFileInside(folder: string, file: string): string | undefined {
  try {
    const real = realpathSync(file);
    return isInside(realpathSync(folder), real) ? real : undefined;
  } catch {
    return undefined;
  }
}
