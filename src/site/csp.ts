// The Content-Security-Policy of every page: scripts only from the site's own files (no inline
// script can run, whatever a story contains), video players only from the two privacy-friendly
// hosts, and WebAssembly for Pagefind's search. Served as a header through _headers and, for hosts
// without headers (GitHub Pages), as a <meta> tag; tests load pages with it set as a header.
export const CSP_DIRECTIVES: Record<string, string[]> = {
  "default-src": ["'self'"],
  "script-src": ["'self'", "'wasm-unsafe-eval'"],
  "style-src": ["'self'"],
  "img-src": ["'self'", "https:", "data:"],
  "media-src": ["'self'", "https:"],
  "font-src": ["'self'"],
  "frame-src": ["https://www.youtube-nocookie.com", "https://player.vimeo.com"],
  "connect-src": ["'self'"],
  "object-src": ["'none'"],
  "base-uri": ["'self'"],
  "form-action": ["'self'"],
};

/** Directives a <meta> policy may not carry (browsers ignore them there). */
const HEADER_ONLY = { "frame-ancestors": ["'none'"] };

export function contentSecurityPolicy(where: "header" | "meta" = "header"): string {
  const directives = where === "header" ? { ...CSP_DIRECTIVES, ...HEADER_ONLY } : CSP_DIRECTIVES;
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(" ")}`)
    .join("; ");
}
