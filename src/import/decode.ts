// A feed's bytes to text. The encoding comes from a byte-order mark, else the XML declaration
// (`<?xml version="1.0" encoding="windows-1256"?>`), else the HTTP Content-Type charset, else UTF-8
// (the XML default). Legacy Arabic encodings (windows-1256, ISO-8859-6) are decoded by the
// WHATWG TextDecoder built into Node; bytes that are not valid in the encoding are an error, never
// silently replaced, so a mis-declared feed cannot write mojibake into stories; for UTF-8 the error
// names the offset of the first bad byte. Control characters in the decoded text (C0 other than tab
// and line breaks, DEL, C1: never text, and not allowed in XML) are removed here; ones written as
// character references (&#27;) are removed from each field as it is read (feed.ts, clean-html.ts).
import { removeNotText, utf8ErrorOffset } from "../content/clean-text.ts";

export class FeedEncodingError extends Error {
  override name = "FeedEncodingError";
}

export interface DecodedFeed {
  text: string;
  /** The WHATWG name of the encoding used, e.g. "utf-8", "windows-1256", "iso-8859-6". */
  encoding: string;
  /** Where it came from. */
  declaredBy: "bom" | "xml" | "http" | "default";
}

function bomEncoding(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  return undefined;
}

/** The encoding named in the XML declaration, read as ASCII (every encoding we accept keeps ASCII as is). */
export function declaredEncoding(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 200)).toString("latin1");
  const declaration = /^\s*<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  return declaration?.[1];
}

function charsetOf(contentType: string | undefined): string | undefined {
  return contentType ? /charset\s*=\s*"?([A-Za-z0-9._:-]+)/i.exec(contentType)?.[1] : undefined;
}

export function decodeFeed(bytes: Uint8Array, contentType?: string): DecodedFeed {
  const bom = bomEncoding(bytes);
  const xml = declaredEncoding(bytes);
  const http = charsetOf(contentType);
  const [label, declaredBy] = bom ? [bom, "bom" as const] : xml ? [xml, "xml" as const] : http ? [http, "http" as const] : ["utf-8", "default" as const];
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label, { fatal: true });
  } catch {
    throw new FeedEncodingError(`the feed declares the encoding "${label}", which is not known; expected UTF-8, windows-1256 or ISO-8859-6`);
  }
  try {
    const text = removeNotText(decoder.decode(bytes)).normalize("NFC");
    return { text, encoding: decoder.encoding, declaredBy };
  } catch {
    const offset = decoder.encoding === "utf-8" ? utf8ErrorOffset(bytes) : undefined;
    const where = offset === undefined ? "" : ` (the first bad byte, 0x${bytes[offset]!.toString(16).toUpperCase().padStart(2, "0")}, is at offset ${offset})`;
    const hint = declaredBy === "default" ? "; a feed in a legacy encoding must declare it, e.g. <?xml version=\"1.0\" encoding=\"windows-1256\"?>" : "";
    throw new FeedEncodingError(`the feed is not valid ${decoder.encoding} text${declaredBy === "default" ? " (no encoding declared, so UTF-8 is expected)" : ` (as declared by the ${declaredBy === "xml" ? "XML declaration" : declaredBy === "http" ? "server" : "byte-order mark"})`}${hint}${where}`);
  }
}
