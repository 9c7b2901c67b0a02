// Splits a story file into its YAML front matter and Markdown body.
// The file's bytes must be UTF-8: anything else is refused with the offset of the first byte that
// is not (a Latin-1 or windows-1256 file would otherwise be published full of U+FFFD). Characters
// that are not text (controls other than tab and line breaks, see clean-text.ts) are refused in the
// front matter and the body alike, with their line and column.
// YAML is read with the core schema so dates stay strings: the engine, not the YAML parser,
// decides the time zone of `date: 2025-12-03`.
import yaml from "js-yaml";
import { countNotText, findNotText, notTextName, utf8ErrorOffset } from "./clean-text.ts";

export type ParsedFile =
  | { ok: true; data: Record<string, unknown>; body: string }
  | { ok: false; field: string; message: string };

const FENCE = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
const UTF8 = new TextDecoder("utf-8", { fatal: true });

/** A story file's bytes as text, or what is wrong with them (field `(file)`). */
export function decodeStoryFile(bytes: Uint8Array): { ok: true; text: string } | { ok: false; field: string; message: string } {
  try {
    return { ok: true, text: UTF8.decode(bytes) };
  } catch {
    const offset = utf8ErrorOffset(bytes) ?? 0;
    let line = 1;
    for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
    const byte = `0x${bytes[offset]!.toString(16).toUpperCase().padStart(2, "0")}`;
    return {
      ok: false,
      field: "(file)",
      message: `is not UTF-8 text: the byte ${byte} at offset ${offset} (line ${line}) does not start a UTF-8 character; expected the file saved as UTF-8 (it may be in Latin-1 or windows-1256: open it and save it as UTF-8)`,
    };
  }
}

/** Where a character that is not text is, as a problem's message says it. */
function notTextMessage(source: string, from: number, to: number): string | undefined {
  const part = source.slice(from, to);
  const found = findNotText(part);
  if (!found) return undefined;
  const index = from + found.index;
  const before = source.slice(0, index);
  const line = before.split("\n").length;
  const column = [...before.slice(before.lastIndexOf("\n") + 1)].length + 1;
  const more = countNotText(part) - 1;
  return `line ${line}, column ${column} holds ${notTextName(found.code)}${more ? ` (and ${more} more)` : ""}; expected text without control characters (tabs and line breaks are fine)`;
}

export function parseStoryFile(input: string | Uint8Array): ParsedFile {
  let text: string;
  if (typeof input === "string") text = input;
  else {
    const decoded = decodeStoryFile(input);
    if (!decoded.ok) return decoded;
    text = decoded.text;
  }
  const source = text.replace(/^\uFEFF/, "");
  if (source.trim() === "") return { ok: false, field: "(file)", message: "the file is empty; expected front matter between --- lines, then the story" };
  const match = FENCE.exec(source);
  if (!match) return { ok: false, field: "(front matter)", message: "no front matter; expected the file to start with a --- line, the fields, and a closing --- line" };
  const inFrontMatter = notTextMessage(source, 0, match[0].length);
  if (inFrontMatter) return { ok: false, field: "(front matter)", message: inFrontMatter };
  const inBody = notTextMessage(source, match[0].length, source.length);
  if (inBody) return { ok: false, field: "(body)", message: inBody };
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
