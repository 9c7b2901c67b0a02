// Text is clean at the edge of an import: a feed's controls (raw, or written as character
// references), bidi overrides and invisible characters in links never reach a story's fields.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { bodyMarkdown, htmlToText, resolveUrl } from "../../../src/import/clean-html.ts";
import { decodeFeed, FeedEncodingError } from "../../../src/import/decode.ts";
import { parseFeed, parseFeedText } from "../../../src/import/feed.ts";

const NOT_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const RLO = "\u202e";
const PDF = "\u202c";

describe("decodeFeed and control characters", () => {
  it("removes raw controls from the decoded feed, keeping tabs and line breaks", () => {
    const { text } = decodeFeed(Buffer.from("<rss>\n\t<title>a\u0000b\u001b[31mc\u0085d</title></rss>"));
    assert.equal(text, "<rss>\n\t<title>ab[31mcd</title></rss>");
  });
  it("names the offset of the first byte that is not UTF-8", () => {
    assert.throws(() => decodeFeed(Buffer.concat([Buffer.from("<rss><title>"), Buffer.from("café", "latin1")])), (error: unknown) => {
      assert.ok(error instanceof FeedEncodingError);
      assert.match(error.message, /\(the first bad byte, 0xE9, is at offset 15\)$/);
      return true;
    });
  });
});

describe("htmlToText (titles, summaries, picture texts)", () => {
  it("removes controls written as character references", () => {
    assert.equal(htmlToText("عنوان&#x1b;[2J&#7; عاجل&#x7f;"), "عنوان[2J عاجل");
  });
  it("balances a bidi override, even one written as a character reference", () => {
    assert.equal(htmlToText("خبر &#x202E;abc"), `خبر ${RLO}abc${PDF}`);
    assert.equal(htmlToText(`خبر${PDF} عاجل`), "خبر عاجل");
  });
});

describe("bodyMarkdown (a story's body)", () => {
  it("removes controls, raw or written as references, and keeps the lines", () => {
    const markdown = bodyMarkdown("<p>فقرة&#x1b;[31m أولى\u0007</p><p>فقرة&#8; ثانية</p>");
    assert.equal(markdown, "فقرة\\[31m أولى\n\nفقرة ثانية");
  });
});

describe("resolveUrl (links and pictures)", () => {
  it("removes invisible characters, tabs and controls from an address before reading it", () => {
    assert.equal(resolveUrl(`https://wire.example/\u202e\u200bnews/\t1\u0000`, undefined), "https://wire.example/news/1");
    assert.equal(resolveUrl(`/\u200fimg.jpg`, "https://wire.example/a/b"), "https://wire.example/img.jpg");
  });
});

describe("parseFeed: no field of an item holds a control character", () => {
  const rss = (item: string) =>
    `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>قناة&#x7;</title><link>https://wire.example/</link><item>${item}</item></channel></rss>`;
  const item = [
    "<title>خبر&#x1b;[31m\u0007 عاجل &#x202E;abc</title>",
    "<link>https://wire.example/\u200bnews/1&#x202E;</link>",
    "<category>سياسة&#x1b;\u0001</category>",
    "<category>\u202eوسم</category>",
    "<description><![CDATA[<p>نص\u0008 الخبر&#x1b;</p>]]></description>",
    '<media:content url="https://wire.example/\u200bimg.jpg" medium="image"><media:description>صورة&#x7;</media:description><media:credit>وكالة&#x1b;</media:credit></media:content>',
  ].join("");
  it("from a feed read from bytes", () => {
    const parsed = parseFeed(Buffer.from(rss(item)));
    const first = parsed.items[0]!;
    assert.equal(first.link, "https://wire.example/news/1");
    assert.deepEqual(first.categories, ["سياسة", `${RLO}وسم${PDF}`]);
    assert.deepEqual(first.image, { url: "https://wire.example/img.jpg", alt: "صورة", credit: "وكالة" });
    assert.equal(htmlToText(first.titleHtml!), `خبر[31m عاجل ${RLO}abc${PDF}`);
    assert.doesNotMatch(JSON.stringify(parsed), /\\u00[01][0-9a-f]|\\u007f|[\u0080-\u009f]/, "no control character in any field");
  });
  it("from a feed given as text (controls not removed by decoding first)", () => {
    const parsed = parseFeedText(rss(item));
    const first = parsed.items[0]!;
    for (const value of [first.titleHtml, first.link, first.bodyHtml, ...first.categories, first.image?.alt, first.image?.credit, parsed.title]) {
      assert.doesNotMatch(value ?? "", NOT_TEXT, JSON.stringify(value));
    }
    assert.equal(first.link, "https://wire.example/news/1", "the link, without its invisible characters");
  });
  it("keeps a link that is not http(s) printable: no control or invisible character in it", () => {
    const parsed = parseFeedText(rss("<title>x</title><link>ftp://wire.example/\u202e\u0007x</link>"));
    assert.equal(parsed.items[0]!.link, "ftp://wire.example/x");
  });
});
