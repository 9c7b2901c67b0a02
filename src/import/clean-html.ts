// A source's HTML to a story body: sanitized first (sanitize-html, an allowlist), then converted to
// Markdown (turndown). What goes: scripts, styles and their text, event handlers, inline styles and
// classes, forms, iframes other than YouTube and Vimeo, tracking pixels, and links or pictures that
// are not http(s). Relative addresses are resolved against the original story's address, since the
// body will be read on another site. A video iframe becomes a line holding its address, which the
// engine turns into a video block that loads nothing until the reader clicks.
// Text is clean at the edge (src/content/clean-text.ts): what comes out holds no control characters,
// even ones the source wrote as character references (&#27;); titles and other one-line text have
// their bidi controls balanced, and addresses lose their invisible characters.
import sanitizeHtml from "sanitize-html";
import TurndownService from "turndown";
import { cleanAddress, cleanLine, removeNotText } from "../content/clean-text.ts";
import { parseVideoUrl } from "../content/video-url.ts";

/** Hosts of known tracking pixels and web beacons. */
const TRACKERS = /(^|\.)(feedburner\.com|feedsportal\.com|doubleclick\.net|google-analytics\.com|googletagmanager\.com|scorecardresearch\.com|quantserve\.com|pixel\.wp\.com|stats\.wp\.com|facebook\.com|facebook\.net|analytics\.twitter\.com|bat\.bing\.com|chartbeat\.net|parsely\.com|newrelic\.com|hotjar\.com)$/i;
/** Paths that only beacons have. */
const BEACON_PATH = /(^|\/)(pixel|beacon|tracking|track|1x1|spacer|blank)(\.(gif|png)|\/|$)|\/~r\/|\/~ff\//i;

export function isTrackingPixel(src: string | undefined, width?: string, height?: string): boolean {
  const tiny = (v?: string) => v !== undefined && /^\s*[0-2](px)?\s*$/i.test(v);
  if (tiny(width) || tiny(height)) return true;
  if (!src) return true;
  try {
    const url = new URL(src);
    return TRACKERS.test(url.hostname) || BEACON_PATH.test(url.pathname);
  } catch {
    return false;
  }
}

/** An address resolved against `base` when relative, if its scheme is allowed (http(s) by default); undefined otherwise. */
export function resolveUrl(url: string | undefined, base: string | undefined, schemes = ["http:", "https:"]): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(cleanAddress(url), base);
    return schemes.includes(parsed.protocol) ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** The sanitized HTML of a body, every address absolute. `base` is the original story's address. */
export function sanitizeBody(html: string, base?: string): string {
  return sanitizeHtml(html.normalize("NFC"), {
    allowedTags: [
      "p", "br", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "b", "em", "i", "a", "ul", "ol", "li",
      "blockquote", "q", "figure", "figcaption", "img", "table", "thead", "tbody", "tfoot", "tr", "th", "td",
      "pre", "code", "hr", "sub", "sup", "iframe", "video", "source",
    ],
    allowedAttributes: {
      a: ["href", "title"],
      img: ["src", "alt", "title", "width", "height"],
      iframe: ["src"],
      video: ["src"],
      source: ["src", "type"],
      th: ["colspan"],
      td: ["colspan"],
    },
    allowedSchemes: ["http", "https", "mailto"],
    allowedSchemesAppliedToAttributes: ["href", "src"],
    allowProtocolRelative: false,
    allowedIframeHostnames: ["www.youtube.com", "youtube.com", "www.youtube-nocookie.com", "youtube-nocookie.com", "player.vimeo.com"],
    // Whole elements whose text must not show up in the story either.
    nonTextTags: ["script", "style", "textarea", "option", "noscript", "template", "select", "button", "svg", "math", "head", "title"],
    transformTags: {
      a: (tagName, attribs) => {
        const href = resolveUrl(attribs.href, base, ["http:", "https:", "mailto:"]);
        return { tagName, attribs: href ? { href, ...(attribs.title ? { title: attribs.title } : {}) } : {} };
      },
      img: (tagName, attribs) => {
        const src = resolveUrl(attribs.src ?? attribs["data-src"], base);
        return { tagName, attribs: { ...attribs, src: src ?? "" } };
      },
      iframe: (tagName, attribs) => ({ tagName, attribs: { src: resolveUrl(attribs.src, base) ?? "" } }),
      video: (tagName, attribs): sanitizeHtml.Tag => ({ tagName, attribs: attribs.src ? { src: resolveUrl(attribs.src, base) ?? "" } : {} }),
      source: (tagName, attribs) => ({ tagName, attribs: { src: resolveUrl(attribs.src, base) ?? "", ...(attribs.type ? { type: attribs.type } : {}) } }),
      h1: "h2",
      b: "strong",
      i: "em",
    },
    exclusiveFilter: (frame) => {
      if (frame.tag === "img") return !frame.attribs.src || isTrackingPixel(frame.attribs.src, frame.attribs.width, frame.attribs.height);
      if (frame.tag === "iframe") return !frame.attribs.src || !parseVideoUrl(frame.attribs.src);
      if (frame.tag === "a") return !frame.attribs.href && !frame.text.trim() && !frame.mediaChildren.length;
      return false;
    },
  });
}

const videoLine = (src: string | null | undefined): string => {
  const video = src ? parseVideoUrl(src) : null;
  if (!video) return "";
  return `\n\n${video.kind === "file" ? video.src : video.watchUrl}\n\n`;
};

const markdownTitle = (title: string) => title.replace(/\s+/g, " ").trim().replace(/["\\]/g, (c) => `\\${c}`);
const markdownAlt = (alt: string) => alt.replace(/\s+/g, " ").trim().replace(/[[\]\\]/g, (c) => `\\${c}`);
const markdownUrl = (url: string) => url.replace(/[()\s]/g, (c) => encodeURIComponent(c));

function createTurndown(): TurndownService {
  const td = new TurndownService({ headingStyle: "atx", bulletListMarker: "-", codeBlockStyle: "fenced", emDelimiter: "*", strongDelimiter: "**", linkStyle: "inlined", hr: "---" });
  // Text that looks like a tag (a source writing about <script>) is escaped, so the story file holds
  // no raw HTML at all; the engine would show it as text anyway.
  const escape = td.escape.bind(td);
  td.escape = (text: string) => escape(text).replace(/</g, "\\<");
  // A picture with its caption: ![alt](src "caption"), alone in its paragraph, which the engine
  // renders as a figure («caption - credit»).
  td.addRule("figure", {
    filter: (node) => node.nodeName === "FIGURE" && node.querySelector("img") !== null,
    replacement: (_content, node) => {
      const element = node as HTMLElement;
      const img = element.querySelector("img")!;
      const caption = element.querySelector("figcaption")?.textContent ?? img.getAttribute("title") ?? "";
      const alt = img.getAttribute("alt") || caption;
      const title = caption.trim() ? ` "${markdownTitle(caption)}"` : "";
      return `\n\n![${markdownAlt(alt)}](${markdownUrl(img.getAttribute("src") ?? "")}${title})\n\n`;
    },
  });
  td.addRule("image", {
    filter: "img",
    replacement: (_content, node) => {
      const img = node as HTMLElement;
      const title = img.getAttribute("title");
      return `![${markdownAlt(img.getAttribute("alt") ?? "")}](${markdownUrl(img.getAttribute("src") ?? "")}${title ? ` "${markdownTitle(title)}"` : ""})`;
    },
  });
  td.addRule("video-iframe", { filter: "iframe", replacement: (_c, node) => videoLine((node as HTMLElement).getAttribute("src")) });
  td.addRule("video-file", {
    filter: "video",
    replacement: (_c, node) => {
      const element = node as HTMLElement;
      return videoLine(element.getAttribute("src") ?? element.querySelector("source")?.getAttribute("src"));
    },
  });
  // Tables as GFM pipe tables (the engine renders CommonMark + tables).
  td.addRule("table-cell", {
    filter: ["th", "td"],
    replacement: (content) => ` ${content.replace(/\n+/g, " ").replace(/\|/g, "\\|").trim()} |`,
  });
  td.addRule("table-row", {
    filter: "tr",
    replacement: (content, node) => {
      const row = `|${content}\n`;
      const element = node as HTMLElement;
      const table = element.closest("table");
      const first = table?.querySelector("tr") === element;
      if (!first) return row;
      const cells = element.querySelectorAll("th, td").length;
      return `${row}|${" --- |".repeat(cells)}\n`;
    },
  });
  td.addRule("table-section", { filter: ["thead", "tbody", "tfoot"], replacement: (content) => content });
  td.addRule("table", { filter: "table", replacement: (content) => `\n\n${content.trim()}\n\n` });
  return td;
}

const turndown = createTurndown();

/** Sanitized HTML to Markdown, without control characters (tabs and line breaks stay). */
export function htmlToMarkdown(html: string): string {
  return removeNotText(turndown.turndown(html))
    .replace(/\u00a0/g, " ")
    .replace(/\n{3,}/g, "\n\n")
    .trim()
    .normalize("NFC");
}

/** A source's HTML body to a story's Markdown body. */
export function bodyMarkdown(html: string, base?: string): string {
  return htmlToMarkdown(sanitizeBody(html, base));
}

/** HTML (or text with entities) to one line of plain text, for titles and summaries: no control characters, bidi controls balanced. */
export function htmlToText(html: string): string {
  const text = sanitizeHtml(html.replace(/<(br|\/p|\/div|\/li|\/h\d)\b[^>]*>/gi, " $&"), { allowedTags: [], allowedAttributes: {}, nonTextTags: ["script", "style", "textarea", "option", "noscript", "template"] })
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/[\s\u00a0\u200b]+/g, " ");
  return cleanLine(text);
}
