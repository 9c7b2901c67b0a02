// RSS 2.0 (and RSS 1.0/RDF) and Atom feeds to a list of items, with fast-xml-parser.
// The XML is validated first: a malformed feed is refused whole, with the line and column, so
// nothing is imported from a file that may be cut short. Fields that carry HTML (title, description,
// content:encoded, Atom content/summary) are read raw and decoded here, so escaped HTML, CDATA and
// inline XHTML all come out as the same HTML string.
// Text is clean at the edge (src/content/clean-text.ts): no field of an item holds a control
// character, even one written as a character reference (&#27;); categories and picture texts are
// one line with their bidi controls balanced; links lose their invisible characters.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { DateTime } from "luxon";
import { cleanAddress, cleanLine, removeNotText } from "../content/clean-text.ts";
import { decodeFeed } from "./decode.ts";
import { resolveUrl } from "./clean-html.ts";

export class FeedError extends Error {
  override name = "FeedError";
}

export interface FeedImage {
  url: string;
  alt?: string;
  credit?: string;
}

export interface FeedItem {
  /** 1-based position in the feed, for messages. */
  position: number;
  /** HTML or text as the feed gives it (tags are stripped later). */
  titleHtml?: string;
  link?: string;
  /** The date, parsed (undefined when missing or not a date). */
  date?: DateTime;
  summaryHtml?: string;
  bodyHtml?: string;
  categories: string[];
  image?: FeedImage;
}

export interface Feed {
  format: "rss" | "atom" | "rdf";
  encoding: string;
  title?: string;
  items: FeedItem[];
}

const NS = {
  media: ["http://search.yahoo.com/mrss/", "http://search.yahoo.com/mrss"],
  content: ["http://purl.org/rss/1.0/modules/content/"],
  dc: ["http://purl.org/dc/elements/1.1/"],
} as const;

type Node = Record<string, unknown>;
const isNode = (v: unknown): v is Node => typeof v === "object" && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
const attr = (v: unknown, name: string): string | undefined => {
  const value = isNode(v) ? v[`@_${name}`] : undefined;
  return typeof value === "string" ? removeNotText(decodeXmlEntities(value)).trim() : undefined;
};
const text = (v: unknown): string | undefined => {
  const first = list(v)[0];
  const value = isNode(first) ? first["#text"] : first;
  return typeof value === "string" || typeof value === "number" ? removeNotText(decodeXmlEntities(String(value))).trim() : undefined;
};
/** One line of text: a category, a picture's description or credit. */
const line = (v: string | undefined): string | undefined => (v === undefined ? undefined : cleanLine(v) || undefined);

const XML_ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
function decodeXmlEntities(raw: string): string {
  return raw.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "";
    }
    return XML_ENTITIES[name] ?? whole; // HTML entities (&nbsp;) stay for the HTML reader
  });
}

/**
 * The raw inside of an element that carries HTML: CDATA sections verbatim, escaped HTML decoded,
 * and inline markup (Atom xhtml, or an RSS description written as bare tags) kept as markup.
 */
export function rawToHtml(raw: string): string {
  const parts = raw.split(/(<!\[CDATA\[[\s\S]*?\]\]>)/);
  return parts
    .map((part) => {
      if (part.startsWith("<![CDATA[")) return part.slice(9, -3);
      if (/<[a-z!/]/i.test(part)) return part; // markup: entities are HTML's business
      return decodeXmlEntities(part);
    })
    .join("")
    .trim();
}

function htmlField(v: unknown): string | undefined {
  const first = list(v)[0];
  const raw = isNode(first) ? first["#text"] : first;
  if (typeof raw !== "string" && typeof raw !== "number") return undefined;
  let html = removeNotText(rawToHtml(String(raw)));
  const type = attr(first, "type");
  if (type === "xhtml") html = html.replace(/^<div\b[^>]*>([\s\S]*)<\/div>$/i, "$1");
  if (type === "text") html = html.replace(/[&<>]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&gt;"));
  return html || undefined;
}

export function parseFeedDate(value: string | undefined): DateTime | undefined {
  if (!value) return undefined;
  const trimmed = value.trim().replace(/\s+/g, " ");
  for (const parse of [
    () => DateTime.fromRFC2822(trimmed, { setZone: true }),
    () => DateTime.fromISO(trimmed, { setZone: true }),
    () => DateTime.fromHTTP(trimmed, { setZone: true }),
    () => DateTime.fromJSDate(new Date(trimmed)),
  ]) {
    const date = parse();
    if (date.isValid) return date;
  }
  return undefined;
}

const IMAGE_FILE = /\.(jpe?g|png|gif|webp|avif)(?:[?#].*)?$/i;

/** Finds `prefix:name` for a namespace, whatever prefix the feed chose for it. */
function prefixes(root: Node): (ns: keyof typeof NS, name: string) => string[] {
  const found = new Map<string, string[]>();
  for (const [key, value] of Object.entries(root)) {
    const m = /^@_xmlns:(.+)$/.exec(key);
    if (!m || typeof value !== "string") continue;
    for (const [ns, uris] of Object.entries(NS)) if ((uris as readonly string[]).includes(value)) found.set(ns, [...(found.get(ns) ?? []), m[1]!]);
  }
  return (ns, name) => [...new Set([...(found.get(ns) ?? []), ns])].map((p) => `${p}:${name}`);
}

export function parseFeedText(xml: string, encoding = "utf-8"): Feed {
  const valid = XMLValidator.validate(xml, { allowBooleanAttributes: true });
  if (valid !== true) {
    // fast-xml-parser reports elements left open at the end as Invalid '["rss","channel",…]' found.
    const open = /^Invalid '(\[[\s\S]*\])' found/.exec(valid.err.msg)?.[1];
    let names: string[] = [];
    try {
      names = open ? (JSON.parse(open) as string[]) : [];
    } catch {
      names = [];
    }
    throw new FeedError(
      names.length
        ? `the feed is not well-formed XML: it ends before ${names.map((n) => `<${n}>`).join(", ")} ${names.length === 1 ? "is" : "are"} closed (cut short?)`
        : `the feed is not well-formed XML: line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg.replace(/\.$/, "")}`,
    );
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@_",
    textNodeName: "#text",
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    allowBooleanAttributes: true,
    // character references are decoded by text() and attr() (the parser leaves &#x…; as it is)
    processEntities: false,
    // HTML-carrying fields are read raw (see rawToHtml)
    stopNodes: ["*.title", "*.description", "*.content:encoded", "*.encoded", "*.content", "*.summary"],
  });
  let doc: Node;
  try {
    doc = parser.parse(xml) as Node;
  } catch (error) {
    throw new FeedError(`the feed cannot be read as XML: ${(error as Error).message}`);
  }
  const rootName = Object.keys(doc).find((k) => !k.startsWith("?") && !k.startsWith("#"));
  const root = rootName ? doc[rootName] : undefined;
  if (!rootName || !isNode(root)) throw new FeedError("the file holds no XML element; expected an RSS 2.0 (<rss>) or Atom (<feed>) feed");
  const ns = prefixes(root);
  const pick = (node: Node, space: keyof typeof NS, name: string): unknown => ns(space, name).map((k) => node[k]).find((v) => v !== undefined);

  const image = (node: Node, base?: string): FeedImage | undefined => {
    const candidates: Array<{ url?: string; alt?: string; credit?: string }> = [];
    const media = (m: unknown) => {
      for (const c of list(m)) {
        if (!isNode(c)) continue;
        const type = attr(c, "type") ?? "";
        const medium = attr(c, "medium") ?? "";
        const url = attr(c, "url");
        if (medium === "image" || type.startsWith("image/") || (!medium && !type && url && IMAGE_FILE.test(url))) {
          candidates.push({ url, alt: line(text(pick(c, "media", "description")) ?? text(pick(c, "media", "title"))), credit: line(text(pick(c, "media", "credit"))) });
        }
      }
    };
    media(pick(node, "media", "content"));
    for (const group of list(pick(node, "media", "group"))) if (isNode(group)) media(pick(group, "media", "content"));
    for (const e of list(node.enclosure)) {
      const type = attr(e, "type") ?? "";
      const url = attr(e, "url");
      if (type.startsWith("image/") || (!type && url && IMAGE_FILE.test(url))) candidates.push({ url });
    }
    for (const l of list(node.link)) if (attr(l, "rel") === "enclosure" && (attr(l, "type") ?? "").startsWith("image/")) candidates.push({ url: attr(l, "href") });
    for (const t of list(pick(node, "media", "thumbnail"))) candidates.push({ url: attr(t, "url") });
    const alt = line(text(pick(node, "media", "description")));
    const credit = line(text(pick(node, "media", "credit")));
    for (const c of candidates) {
      const url = resolveUrl(c.url, base);
      if (url) return { url, alt: c.alt ?? alt, credit: c.credit ?? credit };
    }
    return undefined;
  };

  if (rootName === "rss" || rootName === "rdf:RDF" || rootName.endsWith(":RDF") || rootName === "RDF") {
    const channel = list(root.channel)[0];
    const rawItems = rootName === "rss" ? (isNode(channel) ? list(channel.item) : []) : list(root.item);
    // A relative item link is read against the channel's own link (the site's address).
    const channelLink = resolveUrl(isNode(channel) ? text(channel.link) : undefined, undefined);
    if (rootName === "rss" && !isNode(channel)) throw new FeedError("the RSS feed has no <channel>; expected <rss><channel>…<item>…</item></channel></rss>");
    const items = rawItems.map((raw, i): FeedItem => {
      const item = isNode(raw) ? raw : {};
      const guid = list(item.guid)[0];
      const guidLink = text(guid) && attr(guid, "isPermaLink") !== "false" ? text(guid) : undefined;
      const link = resolveUrl(text(item.link), channelLink) ?? resolveUrl(guidLink, channelLink) ?? resolveUrl(attr(item, "rdf:about"), undefined);
      const dateText = text(item.pubDate) ?? text(pick(item, "dc", "date"));
      const description = htmlField(item.description);
      const encoded = htmlField(pick(item, "content", "encoded"));
      return {
        position: i + 1,
        titleHtml: htmlField(item.title),
        link: link ?? (cleanAddress(text(item.link) ?? "") || undefined),
        date: parseFeedDate(dateText),
        summaryHtml: encoded ? description : undefined,
        bodyHtml: encoded ?? description,
        categories: [...list(item.category), ...list(pick(item, "dc", "subject"))].map((c) => line(text(c))).filter((c): c is string => !!c),
        image: image(item, link),
      };
    });
    return { format: rootName === "rss" ? "rss" : "rdf", encoding, title: isNode(channel) ? htmlField(channel.title) : undefined, items };
  }

  if (rootName === "feed" || rootName.endsWith(":feed")) {
    const feedLinks = list(root.link);
    const feedLink = resolveUrl(attr(feedLinks.find((l) => (attr(l, "rel") ?? "alternate") === "alternate"), "href") ?? attr(root, "xml:base"), undefined);
    const items = list(root.entry).map((raw, i): FeedItem => {
      const entry = isNode(raw) ? raw : {};
      const links = list(entry.link);
      const alternate = links.find((l) => (attr(l, "rel") ?? "alternate") === "alternate") ?? links.find((l) => !attr(l, "rel"));
      const id = text(entry.id);
      const href = attr(alternate, "href");
      const link = resolveUrl(href, feedLink) ?? (id && /^https?:/i.test(id) ? resolveUrl(id, undefined) : undefined);
      const dateText = text(entry.published) ?? text(entry.updated) ?? text(pick(entry, "dc", "date"));
      const summary = htmlField(entry.summary);
      const content = htmlField(entry.content);
      return {
        position: i + 1,
        titleHtml: htmlField(entry.title),
        link: link ?? (cleanAddress(href ?? "") || undefined),
        date: parseFeedDate(dateText),
        summaryHtml: content ? summary : undefined,
        bodyHtml: content ?? summary,
        categories: list(entry.category).map((c) => line(attr(c, "label") ?? attr(c, "term") ?? text(c))).filter((c): c is string => !!c),
        image: image(entry, link),
      };
    });
    return { format: "atom", encoding, title: htmlField(root.title), items };
  }

  throw new FeedError(`the root element is <${rootName}>; expected an RSS 2.0 (<rss>) or Atom (<feed>) feed`);
}

/** Bytes of a feed file or response to items. */
export function parseFeed(bytes: Uint8Array, contentType?: string): Feed {
  const decoded = decodeFeed(bytes, contentType);
  return parseFeedText(decoded.text, decoded.encoding);
}
