// Text is clean at the edge: the rules for characters that are not text, applied where text comes
// in (story files at load, feeds at import) so nothing further on has to think about them. Pure
// functions, no I/O.
//
// - Control characters (C0 except tab, line feed and carriage return; DEL; C1), the noncharacters
//   U+FFFE and U+FFFF and lone surrogates are not text: they make XML feeds and sitemaps
//   ill-formed, and printed to a terminal they can move the cursor, recolour or rewrite lines.
//   Story files refuse them (see contract.ts and front-matter.ts); imports remove them.
// - Bidi embeddings and overrides (U+202A–U+202E) and isolates (U+2066–U+2069) are kept in text,
//   balanced: one left open is closed at the end of the field and a closer without an opener is
//   dropped, so no override reaches the text around the field (a <title>, a list, a feed reader).
// - Invisible characters (bidi controls and marks, zero-width characters, the soft hyphen) are
//   removed from anything that becomes an address or a path. In text they stay: U+200C (ZWNJ) and
//   U+200D (ZWJ) are part of Persian and Urdu spelling and of emoji, U+200E/U+200F (LRM/RLM) and
//   U+061C (ALM) place punctuation and numbers in Arabic text.

/** C0 controls except tab, LF and CR; DEL; C1 controls; U+FFFE and U+FFFF; lone surrogates. */
const NOT_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const NOT_TEXT_ALL = new RegExp(NOT_TEXT.source, "g");
/** The same, and tab, LF and CR: what a one-line address may not hold. */
const NOT_TEXT_OR_BREAK = new RegExp(`[\\t\\n\\r]|${NOT_TEXT.source}`, "g");

/** Openers: LRE, RLE, LRO, RLO close with PDF (U+202C); LRI, RLI, FSI close with PDI (U+2069). */
const EMBEDDINGS = new Set(["\u202a", "\u202b", "\u202d", "\u202e"]);
const ISOLATES = new Set(["\u2066", "\u2067", "\u2068"]);
const PDF = "\u202c";
const PDI = "\u2069";
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/;

/** Soft hyphen, ALM, Mongolian vowel separator, zero-width characters, LRM/RLM, bidi controls, invisible operators, deprecated format characters, BOM. */
const INVISIBLE = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/g;

/** Where the first character that is not text is, and which it is; undefined when there is none. Tab, LF and CR count as text. */
export function findNotText(text: string): { index: number; code: number } | undefined {
  const match = NOT_TEXT.exec(text);
  return match ? { index: match.index, code: match[0].charCodeAt(0) } : undefined;
}

/** How many characters that are not text `text` holds. */
export function countNotText(text: string): number {
  return text.match(NOT_TEXT_ALL)?.length ?? 0;
}

/** A code point as people write it: U+0007. */
export function codePoint(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** What a problem line says of a character that is not text. */
export function notTextName(code: number): string {
  if (code === 0) return "the NUL character (U+0000)";
  if (code >= 0xd800 && code <= 0xdfff) return `a lone surrogate (${codePoint(code)})`;
  if (code === 0xfffe || code === 0xffff) return `the noncharacter ${codePoint(code)}`;
  return `the control character ${codePoint(code)}`;
}

/** `text` without characters that are not text; tab, LF and CR stay (a body keeps its lines). */
export function removeNotText(text: string): string {
  return text.replace(NOT_TEXT_ALL, "");
}

/**
 * Bidi embeddings, overrides and isolates balanced within `text`: a closer (PDF, PDI) with nothing
 * open to close is dropped, and whatever is still open at the end is closed there, innermost first.
 * A PDI also closes the embeddings opened inside its isolate, as in the Unicode bidi algorithm.
 */
export function balanceBidi(text: string): string {
  if (!BIDI_CONTROLS.test(text)) return text;
  const open: string[] = [];
  let out = "";
  for (const char of text) {
    if (EMBEDDINGS.has(char) || ISOLATES.has(char)) {
      open.push(char);
    } else if (char === PDF) {
      // a PDF closes the latest embedding, never across an isolate
      if (!open.length || ISOLATES.has(open[open.length - 1]!)) continue;
      open.pop();
    } else if (char === PDI) {
      let isolate = open.length - 1;
      while (isolate >= 0 && !ISOLATES.has(open[isolate]!)) isolate--;
      if (isolate < 0) continue;
      // embeddings left open inside the isolate are closed first, explicitly
      out += PDF.repeat(open.length - isolate - 1);
      open.length = isolate;
    }
    out += char;
  }
  for (const char of open.reverse()) out += ISOLATES.has(char) ? PDI : PDF;
  return out;
}

/** True when `text` has bidi controls that are not balanced (what balanceBidi fixes). */
export function isBidiBalanced(text: string): boolean {
  return balanceBidi(text) === text;
}

/** `text` without invisible characters: for addresses, paths and slugs. */
export function removeInvisible(text: string): string {
  return text.replace(INVISIBLE, "");
}

/** True when `text` has something a reader can see (not only spaces and invisible characters). */
export function hasVisibleText(text: string): boolean {
  return removeInvisible(text).trim() !== "";
}

/**
 * One line of text as a field holds it: characters that are not text removed, line breaks and tabs
 * (with the spaces around them) made one space, bidi controls balanced, in NFC, trimmed.
 */
export function cleanLine(text: string): string {
  return balanceBidi(removeNotText(text).normalize("NFC").replace(/[ \t\n\r]*[\t\n\r][ \t\n\r]*/g, " ").trim()).trim();
}

/** An address or a path: characters that are not text, line breaks, tabs and invisible characters removed, trimmed. */
export function cleanAddress(text: string): string {
  return removeInvisible(text.replace(NOT_TEXT_OR_BREAK, "")).normalize("NFC").trim();
}

/** Characters that would act on a terminal, or reorder what follows them there (U+2028/2029: some show a line break). */
const UNPRINTABLE = new RegExp(`[\\t\\n\\r\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069]|${NOT_TEXT.source}`, "g");

/**
 * `text` safe to print on a terminal: controls (tab and line breaks too), bidi controls,
 * noncharacters and lone surrogates written as \u escapes, everything else as it is.
 */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** `value` in double quotes for a problem line, made printable and cut to `max` characters. */
export function quote(value: string, max = 80): string {
  const chars = [...value];
  const shown = chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : value;
  return `"${printable(shown)}"`;
}

/** Offset of the first byte of `bytes` that is not part of a well-formed UTF-8 character; undefined when all are. */
export function utf8ErrorOffset(bytes: Uint8Array): number | undefined {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    // lead byte: how many continuation bytes follow, and the range of the first one (no overlong
    // forms, no surrogates, nothing above U+10FFFF)
    let need: number;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) low = 0xa0;
      if (b === 0xed) high = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) low = 0x90;
      if (b === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? low : 0x80) || c > (k === 1 ? high : 0xbf)) return i;
    }
    i += need + 1;
  }
  return undefined;
}
