// Splits a story file into its YAML front matter and Markdown body.
// YAML is read with the core schema so dates stay strings: the engine, not the YAML parser,
// decides the time zone of `date: 2025-12-03`.
import yaml from "js-yaml";

export type ParsedFile =
  | { ok: true; data: Record<string, unknown>; body: string }
  | { ok: false; field: string; message: string };

const FENCE = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

export function parseStoryFile(text: string): ParsedFile {
  const source = text.replace(/^\uFEFF/, "");
  if (source.trim() === "") return { ok: false, field: "(file)", message: "the file is empty; expected front matter between --- lines, then the story" };
  const match = FENCE.exec(source);
  if (!match) return { ok: false, field: "(front matter)", message: "no front matter; expected the file to start with a --- line, the fields, and a closing --- line" };
  let data: unknown;
  try {
    data = yaml.load(match[1]!, { schema: yaml.CORE_SCHEMA });
  } catch (error) {
    const e = error as yaml.YAMLException;
    const where = e.mark ? ` at line ${e.mark.line + 2}, column ${e.mark.column + 1}` : "";
    return { ok: false, field: "(front matter)", message: `broken YAML${where}: ${e.reason ?? e.message}; expected valid YAML (quote titles that contain a colon)` };
  }
  if (data === null || data === undefined) data = {};
  if (typeof data !== "object" || Array.isArray(data)) {
    return { ok: false, field: "(front matter)", message: "expected the front matter to be a set of `field: value` lines" };
  }
  return { ok: true, data: data as Record<string, unknown>, body: source.slice(match[0].length) };
}
