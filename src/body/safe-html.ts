// Small helpers for putting engine-made values into HTML safely.

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/**
 * JSON for a <script> element (JSON-LD, inline data): `<`, `>` and `&` become \u escapes so no
 * value can close the element or open a comment; U+2028/2029 are escaped for old parsers.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** True for URLs a reader may follow: http(s), mailto, or a site-relative path. Never javascript:, data:, vbscript:… */
export function isSafeUrl(url: string): boolean {
  const compact = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, "").toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(compact)?.[1];
  return scheme === undefined || scheme === "http" || scheme === "https" || scheme === "mailto";
}

const RTL_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

/**
 * The direction to isolate a name in: right-to-left when it has any Arabic (or Hebrew) letter.
 * A bare <bdi> guesses from the first strong letter, which turns «BBC عربي» into «عربي BBC».
 */
export function textDirection(text: string): "rtl" | "ltr" {
  return RTL_LETTER.test(text) ? "rtl" : "ltr";
}
