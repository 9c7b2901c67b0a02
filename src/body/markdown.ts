// Story bodies: CommonMark + tables through markdown-it, with the news rules of the content contract.
// - raw HTML is never executed: markdown-it escapes it (html: false);
// - only http(s), mailto and relative links survive (javascript:, data:, vbscript: are dropped);
// - an image alone in its paragraph with a title becomes <figure> with «caption - credit»;
// - a line holding only a YouTube, Vimeo or video-file URL becomes a video block;
// - a body `#` heading is demoted to h2 so the headline stays the page's only h1.
// Template syntax ({{ }}, {% %}) is plain text here: bodies never go through a template engine.
import MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import { balanceBidi } from "../content/clean-text.ts";
import { isHttpUrl } from "../content/http-url.ts";
import { parseVideoUrl } from "../content/video-url.ts";
import { escapeHtml, isSafeUrl, textDirection } from "./safe-html.ts";
import { renderVideoBlock, type VideoLabels } from "./video-block.ts";

export interface RenderContext {
  /** Turns a picture/video path written in the story into a site URL; null when it does not exist. */
  resolveAsset(src: string): string | null;
  /** The original story, linked from the notice under every video block. */
  sourceUrl: string;
  labels: VideoLabels;
  /**
   * Markup for a local picture (its site URL) in a figure or inline: the responsive <picture> of a
   * full build (src/images/). Absent, or returning null, gives a plain lazy <img>.
   */
  picture?(url: string, alt: string, role: "figure" | "inline"): string | null;
}

export interface RenderedBody {
  html: string;
  /** Plain text of the first text paragraph, for the default summary. */
  firstParagraph: string;
  /** Plain text of the whole body, for search and related stories. */
  text: string;
  /** Local picture or video paths that do not exist. */
  missingAssets: string[];
  /** Site URLs of the local pictures and videos the body shows (the build publishes these files). */
  localAssets: string[];
}

interface Env {
  context: RenderContext;
  missingAssets: string[];
  localAssets: string[];
}

export function splitCaption(title: string): { caption: string; credit?: string } {
  const at = title.lastIndexOf(" - ");
  if (at <= 0) return { caption: title.trim() };
  return { caption: title.slice(0, at).trim(), credit: title.slice(at + 3).trim() };
}

/** `media`: the picture's markup when already built (escaped) by the picture pipeline. */
export function figureHtml(img: { src: string; alt: string }, title: string, media?: string | null): string {
  const { caption, credit } = splitCaption(title);
  const creditHtml = credit ? ` - <bdi class="credit" dir="${textDirection(credit)}">${escapeHtml(credit)}</bdi>` : "";
  return (
    `<figure class="body-figure">${media ?? `<img src="${escapeHtml(img.src)}" alt="${escapeHtml(img.alt)}" loading="lazy" decoding="async">`}` +
    `<figcaption><span class="caption">${escapeHtml(caption)}</span>${creditHtml}</figcaption></figure>\n`
  );
}

/** A picture's site URL and, for a local one, the pipeline's markup (null: remote, missing, or no pipeline). */
function resolvePicture(src: string, alt: string, role: "figure" | "inline", env: Env): { url: string; picture: string | null } {
  if (isHttpUrl(src)) return { url: src, picture: null };
  const url = resolveLocal(src, env);
  return url === null ? { url: src, picture: null } : { url, picture: env.context.picture ? env.context.picture(url, alt, role) : null };
}

/** Site URL of a local file named in a story; a missing one is recorded and gives null. */
function resolveLocal(src: string, env: Env): string | null {
  const resolved = env.context.resolveAsset(src);
  if (resolved === null) env.missingAssets.push(src);
  else env.localAssets.push(resolved);
  return resolved;
}

const resolveImage = (src: string, env: Env): string => (isHttpUrl(src) ? src : (resolveLocal(src, env) ?? src));

function textOf(tokens: Token[] | null): string {
  if (!tokens) return "";
  return tokens
    .map((t) => (t.type === "text" || t.type === "code_inline" ? t.content : t.type === "softbreak" || t.type === "hardbreak" ? " " : t.children ? textOf(t.children) : ""))
    .join("");
}

/** The single meaningful child of a paragraph's inline token, ignoring surrounding whitespace. */
function loneChild(inline: Token | undefined): Token[] {
  return (inline?.children ?? []).filter((t) => !(t.type === "text" && t.content.trim() === "") && t.type !== "softbreak");
}

function videoUrlOf(inline: Token | undefined): string | null {
  const kids = loneChild(inline);
  if (kids.length === 1 && kids[0]!.type === "text") return kids[0]!.content.trim();
  // an autolink <https://…> or a link whose text is its own URL
  if (kids.length === 3 && kids[0]!.type === "link_open" && kids[2]!.type === "link_close") {
    const href = kids[0]!.attrGet("href") ?? "";
    if (kids[1]!.type === "text" && kids[1]!.content.trim() === href) return href;
  }
  return null;
}

function createMarkdown(): MarkdownIt {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  md.validateLink = (url) => isSafeUrl(url);

  // Block-level rewrite: figures and video lines replace their paragraph with one html_block token.
  md.core.ruler.push("news_blocks", (state) => {
    const env = state.env as Env;
    const out: Token[] = [];
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const open = tokens[i]!;
      if (open.type === "paragraph_open" && tokens[i + 2]?.type === "paragraph_close") {
        const inline = tokens[i + 1];
        const kids = loneChild(inline);
        const image = kids.length === 1 && kids[0]!.type === "image" ? kids[0]! : null;
        const title = image?.attrGet("title")?.trim();
        let html: string | null = null;
        if (image && title) {
          const src = image.attrGet("src") ?? "";
          const alt = textOf(image.children);
          const { url: resolved, picture } = resolvePicture(src, alt, "figure", env);
          html = figureHtml({ src: resolved, alt }, title, picture);
        } else {
          const url = videoUrlOf(inline);
          const video = url ? parseVideoUrl(url, (src) => resolveImage(src, env)) : null;
          if (video) html = renderVideoBlock(video, { sourceUrl: env.context.sourceUrl, labels: env.context.labels });
        }
        if (html !== null) {
          const block = new state.Token("html_block", "", 0);
          block.content = html;
          out.push(block);
          i += 2;
          continue;
        }
      }
      if ((open.type === "heading_open" || open.type === "heading_close") && open.tag === "h1") open.tag = "h2";
      out.push(open);
    }
    state.tokens = out;
  });

  const defaultImage = md.renderer.rules.image!;
  md.renderer.rules.image = (tokens, idx, options, env: Env, self) => {
    const token = tokens[idx]!;
    const src = token.attrGet("src") ?? "";
    const { url: resolved, picture } = resolvePicture(src, textOf(token.children), "inline", env);
    if (picture !== null) return picture;
    token.attrSet("src", resolved);
    token.attrSet("loading", "lazy");
    token.attrSet("decoding", "async");
    return defaultImage(tokens, idx, options, env, self);
  };

  // Links in a source's text point away from the site: do not pass authority or window.opener.
  const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    const token = tokens[idx]!;
    if (isHttpUrl(token.attrGet("href") ?? "")) token.attrSet("rel", "nofollow noopener");
    return defaultLinkOpen(tokens, idx, options, env, self);
  };

  // Wide tables scroll inside their own box on phones instead of widening the page.
  md.renderer.rules.table_open = () => '<div class="table-scroll" tabindex="0">\n<table>\n';
  md.renderer.rules.table_close = () => "</table>\n</div>\n";
  // Column alignment as a class: markdown-it writes style="text-align:…", which the site's CSP blocks.
  for (const rule of ["th_open", "td_open"] as const) {
    md.renderer.rules[rule] = (tokens, idx, options, _env, self) => {
      const token = tokens[idx]!;
      const align = /text-align:\s*(left|right|center)/.exec(token.attrGet("style") ?? "")?.[1];
      if (token.attrs) token.attrs = token.attrs.filter(([name]) => name !== "style");
      if (align) token.attrJoin("class", `align-${align}`);
      return self.renderToken(tokens, idx, options);
    };
  }
  return md;
}

const md = createMarkdown();

export function renderBody(markdown: string, context: RenderContext): RenderedBody {
  const env: Env = { context, missingAssets: [], localAssets: [] };
  const tokens = md.parse(markdown, env);
  let firstParagraph = "";
  const parts: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type !== "inline") continue;
    const text = textOf(token.children).replace(/\s+/g, " ").trim();
    if (!text) continue;
    parts.push(text);
    if (!firstParagraph && tokens[i - 1]?.type === "paragraph_open" && !/^https?:\/\/\S+$/.test(text)) firstParagraph = text;
  }
  const html = md.renderer.render(tokens, md.options, env);
  return { html, firstParagraph, text: parts.join("\n"), missingAssets: env.missingAssets, localAssets: env.localAssets };
}

/** Shortens text at a word boundary for summaries and meta descriptions. */
/** Counted in characters (code points: an emoji is one and is never split); an override or isolate
 * the cut leaves open is closed, so it cannot reorder the text around a card or a meta description. */
export function shorten(text: string, max = 160): string {
  const clean = text.replace(/\s+/g, " ").trim();
  const chars = [...clean];
  if (chars.length <= max) return balanceBidi(clean);
  const cut = chars.slice(0, max - 1).join("");
  // cut inside a word: go back to the last whole word (unless that loses too much)
  const at = chars[max - 1] === " " ? cut.length : cut.lastIndexOf(" ");
  return balanceBidi(`${(at >= 0 && [...cut.slice(0, at)].length > max * 0.6 ? cut.slice(0, at) : cut).replace(/[\s،,.:;؛-]+$/u, "")}…`);
}
