// SVG pictures are published only after sanitizing: an SVG file is a document that can carry
// scripts, event handlers, `javascript:` links, HTML inside <foreignObject> and references to other
// files and sites; opened by its own address (not through <img>) it runs on the site's origin.
//
// The rules, in order:
// 1. The bytes must be UTF-8 text with no DOCTYPE and no ENTITY declaration: entities expand a small
//    file into gigabytes ("billion laughs") or pull in other files (external entities). Refused.
// 2. It must be well-formed XML whose root is <svg> in the SVG namespace (what a browser shows as a
//    picture). Refused otherwise.
// 3. DOMPurify (a maintained sanitizer, https://github.com/cure53/DOMPurify), with its SVG and SVG
//    filter profiles, cleans the parsed tree in place: scripts, on* handlers, `javascript:` and other
//    unsafe addresses, <foreignObject>, animation elements that can set attributes, and anything
//    outside the SVG namespace go. On top of it, every reference that leaves the file is removed:
//    `href` / `xlink:href` keep only `#id` (and, on <image>/<feImage>, an embedded JPEG, PNG, GIF or
//    WebP that passes the picture checks), and an attribute or <style> sheet that loads anything
//    (`url(…)` other than `url(#id)`, `@import`, `image-set(…)`, CSS escapes that could spell them)
//    is dropped. <use> is allowed back (DOMPurify drops it for the external documents it can load):
//    with only `#id` references it repeats shapes of the same, cleaned file.
// 4. The result is serialised as XML: that is what is published, and what the share picture and
//    crops are drawn from (sharp renders it from the bytes, never from a path, so no relative
//    reference could resolve either).
//
// DOMPurify needs a DOM: jsdom, loaded only when an SVG must actually be cleaned (it takes one or two
// seconds to load). Clean copies are remembered by the hash of the original bytes, in memory and, when
// a cache folder is given, on disk, so a build whose SVGs are unchanged never loads it.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { imageSize } from "image-size";
import { PictureError } from "./types.ts";

export const SVG_NAMESPACE = "http://www.w3.org/2000/svg";

/** Bump when a rule here changes: clean copies made under older rules are not used again. */
const RULES_VERSION = 1;

/** Embedded pictures (`data:` addresses of <image>) an SVG may carry, by MIME type, as image-size names them. */
const EMBEDDED_TYPES: Record<string, string> = { "image/png": "png", "image/jpeg": "jpg", "image/gif": "gif", "image/webp": "webp" };

/** CSS that loads something from elsewhere, or could spell it with an escape. */
const LOADING_CSS = /@import|image-set|\\|\burl\s*\(\s*(?!['"]?\s*#)/i;
/** Attributes that hold an address. */
const ADDRESS_ATTRIBUTES = new Set(["href", "xlink:href", "src"]);
const EMBEDDED = /^data:(image\/[a-z]+);base64,([a-z0-9+/=\s]*)$/i;

export interface SanitizeOptions {
  /** Largest embedded picture, in pixels (width × height). */
  maxPixels: number;
  /** Folder where clean copies are kept between builds (the picture cache). */
  cacheDir?: string;
  /** False: read clean copies from cacheDir but write none (`npm run check` writes nothing). */
  writeCache?: boolean;
}

// The few DOM shapes used here (the project compiles without the DOM library).
interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  ownerDocument: DomDocument;
  replaceChild(replacement: DomNode, old: DomNode): void;
}
interface DomElement extends DomNode {
  localName: string;
  namespaceURI: string | null;
  getElementsByTagName(name: string): ArrayLike<DomElement>;
}
interface DomDocument {
  documentElement: DomElement | null;
  getElementsByTagName(name: string): ArrayLike<DomElement>;
  createTextNode(text: string): DomNode;
}
interface DomWindow {
  DOMParser: new () => { parseFromString(text: string, type: string): DomDocument };
  XMLSerializer: new () => { serializeToString(node: DomNode): string };
}
interface AttributeEvent {
  attrName: string;
  attrValue: string;
  keepAttr: boolean;
}
interface Purifier {
  version: string;
  sanitize(node: DomElement, config: Record<string, unknown>): unknown;
  addHook(name: "uponSanitizeAttribute", hook: (node: DomElement, event: AttributeEvent) => void): void;
  addHook(name: "uponSanitizeElement", hook: (node: DomElement, event: { tagName: string }) => void): void;
}

const CDATA_SECTION_NODE = 4;

const PURIFY_CONFIG = {
  IN_PLACE: true,
  USE_PROFILES: { svg: true, svgFilters: true },
  ADD_TAGS: ["use"],
  ADD_ATTR: ["role"],
  FORBID_TAGS: ["foreignObject", "foreignobject", "script", "animate", "set", "animateMotion", "animateTransform"],
};

const requireCommonJs = createRequire(import.meta.url);
let dom: { window: DomWindow; purifier: Purifier; maxPixels: number } | undefined;

/** The purifier and a DOM for it, made on first use; `maxPixels` is read by the hook on embedded pictures. */
function purifier(maxPixels: number): { window: DomWindow; purifier: Purifier } {
  if (!dom) {
    const { JSDOM } = requireCommonJs("jsdom") as { JSDOM: new (html: string) => { window: DomWindow } };
    const window = new JSDOM("").window;
    const purifier = (requireCommonJs("dompurify") as (window: DomWindow) => Purifier)(window);
    const state = { window, purifier, maxPixels };
    purifier.addHook("uponSanitizeAttribute", (node, event) => {
      const name = event.attrName.toLowerCase();
      const value = event.attrValue;
      if (ADDRESS_ATTRIBUTES.has(name)) {
        const inside = value.trim().startsWith("#");
        const tag = node.localName.toLowerCase();
        if (!inside && !((tag === "image" || tag === "feimage") && embeddedPictureProblem(value, state.maxPixels) === undefined)) event.keepAttr = false;
      } else if (LOADING_CSS.test(value)) event.keepAttr = false;
    });
    purifier.addHook("uponSanitizeElement", (node, event) => {
      if (event.tagName === "style" && LOADING_CSS.test(node.textContent ?? "")) node.textContent = "";
    });
    dom = state;
  }
  dom.maxPixels = maxPixels;
  return dom;
}

/** What is wrong with an embedded picture address, or undefined when it is a raster picture within the limits. */
export function embeddedPictureProblem(address: string, maxPixels: number): string | undefined {
  const match = EMBEDDED.exec(address.trim());
  const type = match && EMBEDDED_TYPES[match[1]!.toLowerCase()];
  if (!match || !type) return "is not an embedded JPEG, PNG, GIF or WebP picture";
  try {
    const size = imageSize(Buffer.from(match[2]!.replace(/\s+/g, ""), "base64"));
    if (size.type !== type) return `claims ${match[1]} but holds ${size.type ?? "no picture"}`;
    if (size.width * size.height > maxPixels) return `is ${size.width} × ${size.height} pixels`;
  } catch {
    return "holds no readable picture";
  }
  return undefined;
}

/** Refuses what no SVG may hold, before any parser sees it. Returns the text. */
function svgText(bytes: Buffer): string {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new PictureError("is not UTF-8 text; expected an SVG saved as UTF-8");
  }
  if (/<!DOCTYPE/i.test(text) || /<!ENTITY/i.test(text)) {
    throw new PictureError("declares a DOCTYPE or an ENTITY, which can make a small file expand into gigabytes or read other files; expected an SVG without one (save it again, e.g. as «Plain SVG» or «Optimized SVG»)");
  }
  return text.replace(/^\uFEFF/, "");
}

/**
 * The SVG picture in `bytes`, made safe to publish (see the rules above). Throws PictureError when it
 * cannot be: not UTF-8, a DOCTYPE or ENTITY declaration, not well-formed, or no <svg> root.
 */
export function sanitizeSvg(bytes: Buffer, options: SanitizeOptions): Buffer {
  const text = svgText(bytes);
  const key = sanitizedCacheName(bytes, options.maxPixels);
  const cached = options.cacheDir ? path.join(options.cacheDir, key) : undefined;
  const onDisk = cached !== undefined && existsSync(cached);
  let clean = remembered.get(key) ?? (onDisk ? readFileSync(cached) : undefined);
  if (!clean) clean = Buffer.from(purify(text, options.maxPixels));
  remembered.set(key, clean);
  if (cached && !onDisk && options.writeCache !== false) {
    mkdirSync(options.cacheDir!, { recursive: true });
    const scratch = `${cached}.${process.pid}.tmp`;
    writeFileSync(scratch, clean);
    renameSync(scratch, cached);
  }
  return clean;
}

/** The cache file name of the clean copy of `bytes` (also what the pipeline records as used, so pruning keeps it). */
export function sanitizedCacheName(bytes: Buffer, maxPixels: number): string {
  const hash = createHash("sha256").update(bytes).update(`\0${maxPixels}`).digest("hex").slice(0, 32);
  return `svg-r${RULES_VERSION}-p${purifierVersion()}-${hash}.svg`;
}

/** Clean copies made or read by this process, by cache file name. */
const remembered = new Map<string, Buffer>();

let version: string | undefined;
/** DOMPurify's version, read from its package without loading it: a new DOMPurify cleans every SVG again. */
function purifierVersion(): string {
  // The package exports no package.json: it is found next to the entry point's folder (dist/).
  version ??= (JSON.parse(readFileSync(path.join(path.dirname(requireCommonJs.resolve("dompurify")), "..", "package.json"), "utf8")) as { version: string }).version;
  return version;
}

function purify(text: string, maxPixels: number): string {
  const { window, purifier: purify } = purifier(maxPixels);
  const document = new window.DOMParser().parseFromString(text, "image/svg+xml");
  const error = document.getElementsByTagName("parsererror")[0];
  if (error) throw new PictureError(`is not well-formed XML (${(error.textContent ?? "").trim().split("\n")[0]}); expected an SVG picture as a drawing program saves it`);
  const root = document.documentElement;
  if (!root || root.localName !== "svg" || root.namespaceURI !== SVG_NAMESPACE) {
    const found = root ? `<${root.nodeName}>${root.namespaceURI ? ` in ${root.namespaceURI}` : " without xmlns"}` : "nothing";
    throw new PictureError(`has ${found} as its root; expected <svg xmlns="${SVG_NAMESPACE}">`);
  }
  // Style sheets written as CDATA: as text, so the sheet is checked (DOMPurify drops CDATA sections).
  for (const style of Array.from(root.getElementsByTagName("style"))) {
    for (const child of Array.from(style.childNodes)) {
      if (child.nodeType === CDATA_SECTION_NODE) style.replaceChild(document.createTextNode(child.textContent ?? ""), child);
    }
  }
  purify.sanitize(root, PURIFY_CONFIG);
  return new window.XMLSerializer().serializeToString(root);
}
