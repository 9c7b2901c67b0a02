// `npm run import`: RSS and Atom feeds (files written for the project under test/fixtures/feeds,
// and one served from 127.0.0.1) to story files: decoding, parsing, sanitizing, Markdown,
// idempotency, rejections with reasons, and nothing half-written.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { DateTime } from "luxon";
import { decodeFeed, FeedEncodingError } from "../../../src/import/decode.ts";
import { urlKey } from "../../../src/content/story-files.ts";
import { FeedError, parseFeed, parseFeedText } from "../../../src/import/feed.ts";
import { bodyMarkdown, htmlToText, isTrackingPixel, sanitizeBody } from "../../../src/import/clean-html.ts";
import { ImportError, importFeed, type ImportOptions } from "../../../src/import/importer.ts";
import { FileExistsError, headlineSlug, shortenSlug, SlugPicker, writeNewFile } from "../../../src/content/story-files.ts";
import { NAME_MAX_BYTES, pathSegmentProblem } from "../../../src/content/path-rule.ts";
import { slugify } from "../../../src/content/slug.ts";
import { loadNewsroom } from "../../../src/newsroom.ts";

const root = fileURLToPath(new URL("../../..", import.meta.url));
const feeds = path.join(root, "test/fixtures/feeds");
const feed = (name: string) => path.join(feeds, name);
const fixture = path.join(root, "test/fixtures/site/content");
const temporary: string[] = [];
after(() => temporary.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const now = DateTime.fromISO("2026-01-01T00:00:00Z");

/** A copy of the fixture site with the categories and sources (and their categoryMap) the feeds need. */
function site(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "khabar-import-"));
  temporary.push(dir);
  const content = path.join(dir, "content");
  cpSync(fixture, content, { recursive: true });
  writeFileSync(
    path.join(content, "_data/categories.json"),
    JSON.stringify({ politics: "سياسة", economy: "اقتصاد", sports: "رياضة", technology: "تكنولوجيا", environment: "بيئة" }),
  );
  writeFileSync(
    path.join(content, "_data/sources.json"),
    JSON.stringify({
      wire: { name: "Wire Agency", homepage: "https://wire.example/", categoryMap: { Politics: "politics", Economy: "economy", "رياضة": "sports", Environment: "environment" } },
      tech: { name: "مدونة تقنية", categoryMap: { technology: "technology" } },
      legacy: { name: "صحيفة قديمة", categoryMap: { politics: "politics", economy: "economy" } },
    }),
  );
  return content;
}

const files = (dir: string) => readdirSync(dir, { recursive: true }).map(String).sort();
const storyFiles = (content: string) => files(path.join(content, "articles")).filter((f) => f.endsWith(".md"));
const run = (content: string, feedPath: string, sourceId: string, extra: Partial<ImportOptions> = {}) => importFeed({ contentDir: content, feed: feedPath, sourceId, now, ...extra });
const read = (content: string, rel: string) => readFileSync(path.isAbsolute(rel) ? rel : path.join(content, "articles", rel), "utf8");

/** Every story in the site passes the build's own loading and validation. */
async function assertBuildAccepts(content: string): Promise<void> {
  await loadNewsroom({ contentDir: content, includeUnpublished: false, now: DateTime.now(), root: content });
}

describe("decodeFeed", () => {
  it("decodes a feed that declares windows-1256", () => {
    const { text, encoding, declaredBy } = decodeFeed(readFileSync(feed("windows-1256.rss.xml")));
    assert.equal(encoding, "windows-1256");
    assert.equal(declaredBy, "xml");
    assert.match(text, /<title>افتتاح معرض الكتاب في دورته الجديدة<\/title>/);
    assert.match(text, /– و«الإقبال» كبير/);
  });
  it("decodes a feed that declares ISO-8859-6", () => {
    const { text, encoding } = decodeFeed(readFileSync(feed("iso-8859-6.atom.xml")));
    assert.equal(encoding, "iso-8859-6");
    assert.match(text, /الامطار تعود الى المنطقة/);
  });
  it("refuses legacy bytes that are not declared, saying how to declare them", () => {
    assert.throws(() => decodeFeed(readFileSync(feed("undeclared-legacy.rss.xml"))), (error: unknown) => {
      assert.ok(error instanceof FeedEncodingError);
      assert.match(error.message, /not valid utf-8 text \(no encoding declared, so UTF-8 is expected\); a feed in a legacy encoding must declare it/);
      return true;
    });
  });
  it("uses the server's charset when the XML does not say, and a byte-order mark before both", () => {
    const bytes = readFileSync(feed("undeclared-legacy.rss.xml"));
    assert.equal(decodeFeed(bytes, "application/rss+xml; charset=windows-1256").encoding, "windows-1256");
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<?xml version="1.0" encoding="windows-1256"?><a>ب</a>')]);
    assert.equal(decodeFeed(bom).text.includes("<a>ب</a>"), true);
  });
  it("refuses an encoding it does not know", () => {
    assert.throws(() => decodeFeed(Buffer.from('<?xml version="1.0" encoding="x-martian"?><rss/>')), /declares the encoding "x-martian", which is not known/);
  });
  it("normalizes text to NFC", () => {
    const decomposed = "\u0627\u0654"; // alef + hamza above = أ
    assert.equal(decodeFeed(Buffer.from(`<a>${decomposed}</a>`)).text, "<a>\u0623</a>");
  });
});

describe("parseFeed", () => {
  it("reads an RSS 2.0 item: title, link, date, categories, body, summary and lead picture", () => {
    const { format, items } = parseFeed(readFileSync(feed("clean.rss.xml")));
    assert.equal(format, "rss");
    assert.equal(items.length, 3);
    const [first, second] = items;
    assert.equal(first!.titleHtml, "وزراء الخارجية يبحثون خطة جديدة للوساطة");
    assert.equal(first!.link, "https://wire.example/politics/2025/12/04/mediation-plan");
    assert.equal(first!.date?.toISO(), "2025-12-04T09:30:00.000+03:00");
    assert.deepEqual(first!.categories, ["Politics", "الوساطة", "الدبلوماسية"]);
    assert.match(first!.bodyHtml!, /^<p>اجتمع وزراء الخارجية العرب/);
    assert.equal(first!.summaryHtml, "<p>اجتمع وزراء الخارجية لبحث خطة <b>جديدة</b> للوساطة.</p>");
    assert.deepEqual(first!.image, { url: "https://wire.example/img/ministers-lead.jpg", alt: "صورة جماعية لوزراء الخارجية", credit: "وكالة الاختبار" });
    assert.equal(second!.image?.url, "https://wire.example/img/oil.jpg", "from <enclosure>");
    assert.match(second!.bodyHtml!, /^<p>ارتفعت أسعار النفط/, "escaped HTML in <description> is decoded");
  });
  it("reads an Atom entry: html and xhtml content, alternate link, published date, category labels, enclosure picture", () => {
    const { format, items } = parseFeed(readFileSync(feed("clean.atom.xml")));
    assert.equal(format, "atom");
    const [first, second] = items;
    assert.equal(htmlToText(first!.titleHtml!), 'نموذج لغوي عربي "مفتوح" يتصدر الاختبارات');
    assert.equal(first!.link, "https://tech.example/2025/12/arabic-model");
    assert.equal(first!.date?.toISO(), "2025-12-05T07:45:00.000+03:00");
    assert.deepEqual(first!.categories, ["Technology", "الذكاء الاصطناعي"]);
    assert.equal(first!.image?.url, "https://tech.example/images/model-lead.png");
    assert.match(second!.bodyHtml!, /^<p>وصلت شبكات <em>الجيل الخامس<\/em>/);
    assert.equal(second!.date?.toISO(), "2025-12-04T10:00:00.000Z", "updated when there is no published");
  });
  it("refuses a feed cut short, naming the elements left open", () => {
    assert.throws(() => parseFeed(readFileSync(feed("malformed.rss.xml"))), (error: unknown) => {
      assert.ok(error instanceof FeedError);
      assert.match(error.message, /not well-formed XML: it ends before <rss>, <channel>, <item>, <description> are closed/);
      return true;
    });
  });
  it("refuses XML with a wrong closing tag with its line and column, and a document that is not a feed", () => {
    assert.throws(() => parseFeedText("<rss><channel>\n<item><title>x</titl></item></channel></rss>"), /line 2, column \d+: Expected closing tag 'title'/);
    assert.throws(() => parseFeedText("<html><body>x</body></html>"), /the root element is <html>; expected an RSS 2.0 \(<rss>\) or Atom \(<feed>\) feed/);
    assert.throws(() => parseFeedText("not xml at all"), FeedError);
  });
});

describe("sanitizing and converting a source's HTML", () => {
  const html = readFileSync(feed("defects.rss.xml"), "utf8").normalize("NFC");
  const body = /<description><!\[CDATA\[([\s\S]*?)\]\]><\/description>/.exec(html)![1]!;
  const clean = sanitizeBody(body, "https://wire.example/defects/3");
  it("removes scripts, styles, event handlers, forms, foreign iframes, tracking pixels and unsafe URLs", () => {
    for (const bad of [/<script/i, /alert\(1\)|alert\(3\)|alert\("xss"\)/, /<style/i, /color:\s*red/, /\son\w+=/i, /javascript:/i, /data:/i, /evil\.example/, /<form|<input|<button|إرسال/, /pixel\.gif|feedburner|noscript\.gif/, /<svg|<object|<embed/, /class=/]) {
      assert.doesNotMatch(clean, bad, String(bad));
    }
  });
  it("keeps text, YouTube embeds, and resolves relative addresses against the original story", () => {
    assert.match(clean, /<iframe src="https:\/\/www\.youtube\.com\/embed\/dQw4w9WgXcQ"><\/iframe>/);
    assert.match(clean, /<a href="https:\/\/wire\.example\/defects\/background">خلفية الأزمة<\/a>/);
    assert.match(clean, /<img src="https:\/\/wire\.example\/img\/dam\.jpg" alt="سد مائي" \/>/);
    assert.match(clean, /رابط خطر/, "the text of a refused link stays");
  });
  it("recognises tracking pixels by size, host and path", () => {
    assert.ok(isTrackingPixel("https://a.example/x.jpg", "1", "1"));
    assert.ok(isTrackingPixel("https://www.google-analytics.com/collect?x"));
    assert.ok(isTrackingPixel("https://a.example/pixel.gif"));
    assert.ok(!isTrackingPixel("https://a.example/photo.jpg", "640", "480"));
  });
  it("turns figures, video iframes, video files and tables into the Markdown the engine understands", () => {
    const markdown = bodyMarkdown(
      '<figure><img src="/p.jpg" alt="صورة"><figcaption>شرح "مقتبس" - المصور</figcaption></figure><iframe src="https://player.vimeo.com/video/123456789"></iframe><video><source src="/v.mp4" type="video/mp4"></video><table><tr><th>أ</th><th>ب</th></tr><tr><td>1</td><td>2|3</td></tr></table>',
      "https://s.example/a/b",
    );
    assert.equal(
      markdown,
      '![صورة](https://s.example/p.jpg "شرح \\"مقتبس\\" - المصور")\n\nhttps://vimeo.com/123456789\n\nhttps://s.example/v.mp4\n\n| أ | ب |\n| --- | --- |\n| 1 | 2\\|3 |',
    );
  });
  it("reads titles and summaries as one line of plain text", () => {
    assert.equal(htmlToText("<p>سطر&nbsp;أول</p><p>سطر &amp; ثان &lt;b&gt;</p>"), "سطر أول سطر & ثان <b>");
  });
});

describe("importFeed", () => {
  it("writes one valid story per item of a clean RSS feed, attributed to the source", async () => {
    const content = site();
    const result = await run(content, feed("clean.rss.xml"), "wire");
    assert.deepEqual([result.written.length, result.skipped.length, result.rejected.length], [3, 0, 0]);
    const text = read(content, "2025/12/وزراء-الخارجية-يبحثون-خطة-جديدة-للوساطة.md");
    assert.equal(
      text.slice(0, text.indexOf("---\n", 4) + 4),
      [
        "---",
        "title: وزراء الخارجية يبحثون خطة جديدة للوساطة",
        "date: 2025-12-04T09:30:00+03:00",
        "summary: اجتمع وزراء الخارجية لبحث خطة جديدة للوساطة.",
        "category: politics",
        "tags:",
        "  - الوساطة",
        "  - الدبلوماسية",
        "source:",
        "  id: wire",
        "  url: https://wire.example/politics/2025/12/04/mediation-plan",
        "image:",
        "  src: https://wire.example/img/ministers-lead.jpg",
        "  alt: صورة جماعية لوزراء الخارجية",
        "  credit: وكالة الاختبار",
        "---",
        "",
      ].join("\n"),
    );
    assert.match(text, /\*\*الوساطة\*\*/);
    assert.match(text, /!\[وزراء الخارجية حول طاولة الاجتماع\]\(https:\/\/wire\.example\/img\/ministers\.jpg "الاجتماع الوزاري - الوكالة"\)/);
    assert.match(read(content, "2025/12/المنتخب-يفوز-في-مباراة-ودية-استعدادا-للبطولة.md"), /^category: sports$/m, "mapped from an Arabic category name");
    await assertBuildAccepts(content);
    const newsroom = await loadNewsroom({ contentDir: content, includeUnpublished: false, now: DateTime.now(), root: content });
    const story = newsroom.stories.find((s) => s.slug === "وزراء-الخارجية-يبحثون-خطة-جديدة-للوساطة")!;
    assert.equal(story.source.name, "Wire Agency");
    assert.match(story.html, /<figure/);
  });

  it("is idempotent: a second run skips every item already imported (the original URL is the key)", async () => {
    const content = site();
    await run(content, feed("clean.rss.xml"), "wire");
    const before = storyFiles(content);
    const again = await run(content, feed("clean.rss.xml"), "wire");
    assert.deepEqual([again.written.length, again.skipped.length, again.rejected.length], [0, 3, 0]);
    assert.match(again.skipped[0]!.reason, /^already imported: .*وزراء-الخارجية-يبحثون-خطة-جديدة-للوساطة\.md$/);
    assert.deepEqual(storyFiles(content), before);
  });

  it("skips an item whose link an editor's story already has", async () => {
    const content = site();
    writeFileSync(path.join(content, "articles/hand-written.md"), "---\ntitle: كتبه محرر\ndate: 2025-12-01\ncategory: economy\nsource: { id: wire, url: 'https://WIRE.example/economy/2025/12/03/oil-prices#top' }\n---\nنص.\n");
    const result = await run(content, feed("clean.rss.xml"), "wire");
    assert.equal(result.written.length, 2);
    assert.match(result.skipped[0]!.reason, /already imported: .*hand-written\.md/);
    assert.equal(urlKey("https://WIRE.example:443/a?b=1#c"), "https://wire.example/a?b=1");
  });

  it("gives a story whose title is taken by another story its own slug", async () => {
    const content = site();
    writeFileSync(path.join(content, "articles/same.md"), "---\ntitle: أسعار النفط ترتفع مع تراجع المخزونات\nslug: أسعار-النفط-ترتفع-مع-تراجع-المخزونات\ndate: 2025-12-01\ncategory: economy\nsource: { name: آخر, url: 'https://other.example/oil' }\n---\nنص.\n");
    const result = await run(content, feed("clean.rss.xml"), "wire");
    assert.ok(result.written.some((w) => w.slug === "أسعار-النفط-ترتفع-مع-تراجع-المخزونات-2"));
    await assertBuildAccepts(content);
  });

  it("reads an Atom feed", async () => {
    const content = site();
    const result = await run(content, feed("clean.atom.xml"), "tech");
    assert.equal(result.written.length, 2);
    const text = read(content, "2025/12/نموذج-لغوي-عربي-مفتوح-يتصدر-الاختبارات.md");
    assert.match(text, /^title: نموذج لغوي عربي "مفتوح" يتصدر الاختبارات$/m);
    assert.match(text, /^https:\/\/www\.youtube\.com\/watch\?v=dQw4w9WgXcQ$/m, "the embed became a video line");
    assert.match(text, /!\[رسم بياني لنتائج النموذج\]\(https:\/\/tech\.example\/images\/model\.png "نتائج الاختبار - الباحثون"\)/);
    assert.match(read(content, "2025/12/شبكات-الجيل-الخامس-تصل-إلى-مدن-جديدة.md"), /\| الرياض \| 90% \|/);
    await assertBuildAccepts(content);
  });

  it("handles every defect: rejects items without link or title or with an unsafe link, with the reason; skips repeats; imports the rest clean", async () => {
    const content = site();
    const result = await run(content, feed("defects.rss.xml"), "wire");
    assert.deepEqual([result.written.length, result.skipped.length, result.rejected.length], [3, 1, 5]);
    const rejected = new Map(result.rejected.map((r) => [r.position, r.reason]));
    assert.match(rejected.get(1)!, /^no link; expected a <link> to the original story/);
    assert.match(rejected.get(2)!, /^no title; expected a <title> with text/);
    assert.match(rejected.get(5)!, /^the link "javascript:alert\(1\)" is not an http\(s\) address/);
    assert.match(rejected.get(6)!, /^no category: the item's categories \(Weather\) are not in "categoryMap" of wire in content\/_data\/sources\.json; pass --category ID/);
    assert.match(rejected.get(9)!, /^does not pass the content check: title: is 239 characters long; expected 1-200/);
    assert.equal(result.skipped[0]!.position, 4);
    assert.equal(result.skipped[0]!.reason, "appears twice in the feed");

    const written = new Map(result.written.map((w) => [w.position, w]));
    assert.equal(written.get(7)!.datedNow, true, "a date that is not a date: dated at import time");
    assert.equal(written.get(8)!.link, "https://wire.example/defects/8", "a relative link is read against the channel's link");

    const text = read(content, written.get(3)!.absolute);
    assert.equal(text, text.normalize("NFC"), "NFC");
    assert.match(text, /^title: 'أزمة المياه: خبراء يحذرون من "عام صعب" & يطالبون بإجراءات'$/m);
    assert.ok(text.includes("\u0623زمة") && !text.includes("\u0627\u0654"), "decomposed hamza composed");
    assert.match(text, /^قوالب مثل \{\{ site\.name \}\} و\\<script>alert\(2\)\\<\/script> تبقى نصاً\.$/m, "text about a tag stays text, escaped");
    for (const bad of [/(^|[^\\])<script/i, /alert\(1\)|alert\(3\)/, /<style|color: red/, /onclick|onerror|onmouseover/i, /javascript:|data:/i, /evil\.example/, /pixel|feedburner|noscript/, /إرسال/, /^image:/m]) {
      assert.doesNotMatch(text, bad, String(bad));
    }
    assert.match(text, /\[خلفية الأزمة\]\(https:\/\/wire\.example\/defects\/background\)/);
    assert.match(text, /^https:\/\/www\.youtube\.com\/watch\?v=dQw4w9WgXcQ$/m);
    assert.match(text, /!\[سد مائي\]\(https:\/\/wire\.example\/img\/dam\.jpg\)/);
    await assertBuildAccepts(content);
    const page = (await loadNewsroom({ contentDir: content, includeUnpublished: false, now: DateTime.now(), root: content })).stories.find((s) => s.source.url.includes("defects/3"))!;
    assert.match(page.html, /و&lt;script&gt;alert\(2\)&lt;\/script&gt; تبقى نصاً/);
    assert.doesNotMatch(page.html, /<script|<iframe|\son\w+=/i);
  });

  it("uses --category for every item when given (the unmapped item goes in too)", async () => {
    const content = site();
    const result = await run(content, feed("defects.rss.xml"), "wire", { category: "politics" });
    assert.ok(result.written.some((w) => w.position === 6));
    assert.match(read(content, result.written.find((w) => w.position === 3)!.absolute), /^category: politics$/m);
  });

  it("imports feeds in windows-1256 and ISO-8859-6", async () => {
    const content = site();
    const legacy = await run(content, feed("windows-1256.rss.xml"), "legacy");
    assert.equal(legacy.written.length, 2);
    const text = read(content, "2025/12/افتتاح-معرض-الكتاب-في-دورته-الجديدة.md");
    assert.match(text, /^افتتح المعرض أبوابه اليوم بمشاركة مئات الناشرين – و«الإقبال» كبير\.$/m);
    assert.match(text, /^tags:\n {2}- ثقافة$/m);
    const iso = await run(content, feed("iso-8859-6.atom.xml"), "legacy", { category: "environment" });
    assert.equal(iso.written.length, 1);
    assert.match(read(content, "2025/12/الامطار-تعود-الى-المنطقة-بعد-جفاف-طويل.md"), /^عادت الامطار الى المنطقة بعد جفاف دام اشهرا\.$/m);
    await assertBuildAccepts(content);
  });

  it("writes nothing from a malformed feed or undeclared legacy bytes, and says why", async () => {
    const content = site();
    const before = files(content);
    await assert.rejects(run(content, feed("malformed.rss.xml"), "wire"), (error: unknown) => {
      assert.ok(error instanceof ImportError);
      assert.match(error.message, /malformed\.rss\.xml: the feed is not well-formed XML: it ends before .*; nothing was imported$/);
      return true;
    });
    await assert.rejects(run(content, feed("undeclared-legacy.rss.xml"), "legacy"), /not valid utf-8 text.*; nothing was imported$/);
    assert.deepEqual(files(content), before);
  });

  it("skips items older than --since", async () => {
    const content = site();
    const result = await run(content, feed("clean.rss.xml"), "wire", { since: "2025-12-03" });
    assert.deepEqual(result.written.map((w) => w.position), [1, 2]);
    assert.match(result.skipped[0]!.reason, /^dated 2025-12-02T20:00:00\+03:00, before --since$/);
  });

  it("refuses an unknown source, category, --since or categoryMap target before reading the feed", async () => {
    const content = site();
    // a feed that does not exist: were it read first, each of these would fail with "no such file"
    const missing = feed("nothing-here.xml");
    await assert.rejects(run(content, missing, "wir"), /--source: unknown source "wir".*did you mean "wire"\?/);
    await assert.rejects(run(content, missing, "wire", { category: "sport" }), /--category: unknown category "sport".*did you mean "sports"\?/);
    await assert.rejects(run(content, missing, "wire", { since: "last week" }), /--since: "last week" is not a date/);
    await assert.rejects(run(content, missing, "wire"), /nothing-here\.xml: no such file/);
    writeFileSync(path.join(content, "_data/sources.json"), JSON.stringify({ wire: { name: "W", categoryMap: { Politics: "politic" } } }));
    await assert.rejects(run(content, missing, "wire"), /wire\.categoryMap maps to unknown categories \("politics" -> "politic"\)/);
  });

  it("writes nothing on a dry run", async () => {
    const content = site();
    const before = files(content);
    const result = await run(content, feed("clean.rss.xml"), "wire", { dryRun: true });
    assert.equal(result.written.length, 3);
    assert.deepEqual(files(content), before);
  });

  it("fetches a feed from an http address, with the charset the server sends", async () => {
    const content = site();
    const body = readFileSync(feed("undeclared-legacy.rss.xml"));
    const server = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/rss+xml; charset=windows-1256" });
      res.end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const result = await run(content, `http://127.0.0.1:${port}/feed.xml`, "legacy");
      assert.equal(result.feed.encoding, "windows-1256");
      assert.equal(result.written.length, 2);
      await assert.rejects(run(content, `http://127.0.0.1:${port}/feed.xml`, "legacy", { fetch: async () => new Response("gone", { status: 404, statusText: "Not Found" }) }), /the server answered 404 Not Found/);
    } finally {
      server.close();
    }
  });
});

describe("writing a story file", () => {
  it("is atomic and never overwrites: an existing file stays as it was, and no temporary file is left", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "khabar-write-"));
    temporary.push(dir);
    const file = path.join(dir, "a", "b.md");
    await writeNewFile(file, "first\n");
    await assert.rejects(writeNewFile(file, "second\n"), FileExistsError);
    assert.equal(readFileSync(file, "utf8"), "first\n");
    assert.deepEqual(files(dir), ["a", "a/b.md"]);
  });
  it("leaves no temporary file after an import", async () => {
    const content = site();
    await run(content, feed("clean.rss.xml"), "wire");
    assert.deepEqual(files(path.join(content, "articles")).filter((f) => f.includes(".tmp")), []);
  });
});

describe("npm run import (the command)", () => {
  async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    try {
      const { stdout, stderr } = await promisify(execFile)(process.execPath, ["--import", "tsx", "src/cli/import.ts", ...args], { cwd: root });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  }

  it("prints each new, skipped and rejected item with the reason, and the counts", async () => {
    const content = site();
    mkdirSync(path.join(content, "articles"), { recursive: true });
    const result = await cli([feed("defects.rss.xml"), "--source", "wire", "--content", content]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /defects\.rss\.xml: RSS feed, utf-8, 9 items/);
    assert.match(result.stdout, /^ {2}new: .*خبر-برابط-نسبي\.md$/m);
    assert.match(result.stdout, /^ {2}new: .*خبر-بتاريخ-غير-صالح\.md \(no date in the feed: dated now\)$/m);
    assert.match(result.stdout, /^ {2}skipped: item 4 «الخبر نفسه مرة ثانية»: appears twice in the feed$/m);
    assert.match(result.stdout, /^ {2}rejected: item 1 «خبر بلا رابط»: no link;/m);
    assert.match(result.stdout, /^ {2}rejected: item 9 «عنوان طويل جداً[^»]*…» \(https:\/\/wire\.example\/defects\/9\): does not pass the content check/m);
    assert.match(result.stdout, /^3 new, 1 skipped, 5 rejected\.$/m);
    const again = await cli([feed("defects.rss.xml"), "--source", "wire", "--content", content]);
    assert.match(again.stdout, /^0 new, 4 skipped, 5 rejected\.$/m);
  });

  it("exits 1 with the reason when the feed cannot be imported", async () => {
    const content = site();
    const result = await cli([feed("malformed.rss.xml"), "--source", "wire", "--content", content]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /^import: .*malformed\.rss\.xml: the feed is not well-formed XML/m);
    const usage = await cli([feed("clean.rss.xml"), "--content", content]);
    assert.equal(usage.code, 1);
    assert.match(usage.stderr, /expected one feed and --source/);
  });
});

describe("importFeed: file names, many items with one headline, all or nothing", () => {
  /** A feed of items with these headlines, links https://wire.example/n/<i> and these dates (all Politics). */
  function writeFeed(items: Array<{ title: string; date?: string }>): string {
    const dir = mkdtempSync(path.join(tmpdir(), "khabar-import-feed-"));
    temporary.push(dir);
    const file = path.join(dir, "feed.rss.xml");
    const xml = items.map(({ title, date = "Thu, 04 Dec 2025 09:30:00 +0300" }, i) => `<item><title>${title}</title><link>https://wire.example/n/${i + 1}</link><pubDate>${date}</pubDate><category>Politics</category></item>`);
    writeFileSync(file, `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>x</title><link>https://wire.example/</link>\n${xml.join("\n")}\n</channel></rss>`);
    return file;
  }
  const bytes = (text: string) => Buffer.byteLength(text, "utf8");
  /** 30 words of five Arabic letters: 150 letters, 300 bytes of slug (the file system allows 255 for a name). */
  const longHeadline = Array.from({ length: 30 }, (_, i) => `كلمة${"ابتثجحخدذرزسشصضطظعغفقكلمنهوي"[i % 28]}`).join(" ");

  it("cuts a long Arabic headline's file name to the byte limit, between two words, and reports every story", async () => {
    assert.equal([...longHeadline.replace(/ /g, "")].length, 150);
    const content = site();
    const oneWord = "ب".repeat(150);
    const result = await run(content, writeFeed([{ title: "خبر قصير قبل الطويل" }, { title: longHeadline }, { title: longHeadline }, { title: oneWord }]), "wire");
    assert.deepEqual([result.written.length, result.skipped.length, result.rejected.length], [4, 0, 0], JSON.stringify(result.rejected));
    const [short, long, again, word] = result.written;
    assert.equal(short!.slug, "خبر-قصير-قبل-الطويل");
    const full = slugify(longHeadline);
    assert.ok(bytes(long!.slug) <= NAME_MAX_BYTES && full.startsWith(`${long!.slug}-`), `a prefix of whole words: ${long!.slug}`);
    assert.ok(bytes(long!.slug) > NAME_MAX_BYTES - 12, "not cut shorter than needed");
    assert.ok(again!.slug.endsWith("-2") && bytes(again!.slug) <= NAME_MAX_BYTES && full.startsWith(again!.slug.slice(0, -2)), again!.slug);
    assert.equal(word!.slug, "ب".repeat(NAME_MAX_BYTES / 2), "one long word is cut where the bytes end");
    for (const story of result.written) {
      assert.equal(path.basename(story.absolute), `${story.slug}.md`);
      assert.equal(pathSegmentProblem(story.slug), undefined);
      assert.match(read(content, story.absolute), /^title: /m, "written, and reported");
    }
    await assertBuildAccepts(content);
    assert.equal(headlineSlug(longHeadline), long!.slug, "the rule `npm run new` uses too");
  });

  it("shortens a slug at the last hyphen that keeps at least half, never in the middle of a letter", () => {
    assert.equal(shortenSlug("abc-def", 150), "abc-def");
    assert.equal(shortenSlug("aaaa-bbbb-cccc", 12), "aaaa-bbbb");
    assert.equal(shortenSlug("aaaa-bbbb-cccc", 9), "aaaa-bbbb", "the cut falls on a hyphen");
    assert.equal(shortenSlug("a-bbbbbbbbbbbb", 10), "a-bbbbbbbb", "a hyphen too early is not used");
    assert.equal(shortenSlug("ببب-تتت", 7), "ببب", "two bytes a letter");
    assert.equal(shortenSlug("😀😀", 5), "😀", "four bytes, not split");
  });

  it("gives 5,000 items with one headline unique slugs in order (the headline, then -2, -3, ...), past the ones taken", async () => {
    const content = site();
    writeFileSync(path.join(content, "articles/taken.md"), "---\ntitle: x\nslug: عاجل-تطورات\ndate: 2025-12-01\ncategory: politics\nsource: { name: x, url: 'https://x.example/1' }\n---\n");
    writeFileSync(path.join(content, "articles/عاجل-تطورات-3.md"), "---\ntitle: x\ndate: 2025-12-01\ncategory: politics\nsource: { name: x, url: 'https://x.example/3' }\n---\n");
    const count = 5000;
    const result = await run(content, writeFeed(Array.from({ length: count }, () => ({ title: "عاجل: تطورات" }))), "wire", { dryRun: true });
    assert.equal(result.written.length, count);
    const expected = [2, ...Array.from({ length: count - 1 }, (_, i) => i + 4)].map((n) => `عاجل-تطورات-${n}`);
    assert.deepEqual(result.written.map((w) => w.slug), expected);
    assert.equal(new Set(result.written.map((w) => w.absolute)).size, count);
  });

  it("finds each free slug in a few steps, however many items share a headline (linear, not quadratic)", () => {
    /** A set that counts the look-ups the picker makes. */
    class CountingSet extends Set<string> {
      lookups = 0;
      override has(value: string): boolean {
        this.lookups++;
        return super.has(value);
      }
    }
    const taken = new CountingSet(["x", "x-3"]);
    const picker = new SlugPicker(taken);
    const count = 20_000;
    const picked: string[] = [];
    for (let i = 0; i < count; i++) {
      const slug = picker.free("x");
      if (i % 2 === 0) assert.equal(picker.free("x"), slug, "asking again without taking gives the same slug");
      picker.take(slug);
      picked.push(slug);
    }
    assert.deepEqual(picked.slice(0, 3), ["x-2", "x-4", "x-5"]);
    assert.equal(new Set(picked).size, count);
    assert.ok(taken.lookups < 5 * count, `${taken.lookups} look-ups for ${count} slugs (one by one from -2 each time would be about ${(count * count) / 2})`);
    assert.equal(new SlugPicker(new Set()).free("con"), "con-2", "a device name is not a free slug");
  });

  it("writes every accepted item, or nothing: a story that cannot be written undoes the ones written before it", async () => {
    const content = site();
    const november = "Mon, 24 Nov 2025 09:30:00 +0300";
    const items = [{ title: "خبر نوفمبر الأول", date: november }, { title: "خبر نوفمبر الثاني", date: november }, { title: "خبر ديسمبر" }];
    // the December folder cannot be made: a file is in its place
    mkdirSync(path.join(content, "articles/2025"), { recursive: true });
    writeFileSync(path.join(content, "articles/2025/12"), "not a folder\n");
    const before = files(content);
    await assert.rejects(run(content, writeFeed(items), "wire"), (error: unknown) => {
      assert.ok(error instanceof ImportError, String(error));
      assert.match(error.message, /^cannot write .*2025\/12\/خبر-ديسمبر\.md \(.+\); the 2 stories written before it were removed: nothing was imported$/);
      return true;
    });
    assert.deepEqual(files(content), before, "the November stories and the folders made for them are gone");
    rmSync(path.join(content, "articles/2025/12"));
    const result = await run(content, writeFeed(items), "wire");
    assert.deepEqual(result.written.map((w) => w.slug), ["خبر-نوفمبر-الأول", "خبر-نوفمبر-الثاني", "خبر-ديسمبر"], "once it can be written, every item is");
  });

  it("says so on the command line, exit 1 and nothing written", async () => {
    const content = site();
    mkdirSync(path.join(content, "articles/2025"), { recursive: true });
    writeFileSync(path.join(content, "articles/2025/12"), "not a folder\n");
    const before = files(content);
    const cli = await promisify(execFile)(process.execPath, ["--import", "tsx", "src/cli/import.ts", writeFeed([{ title: "خبر نوفمبر", date: "Mon, 24 Nov 2025 09:30:00 +0300" }, { title: "خبر ديسمبر" }]), "--source", "wire", "--content", content], { cwd: root }).then(
      () => ({ code: 0, stderr: "" }),
      (error: { code: number; stderr: string }) => error,
    );
    assert.equal(cli.code, 1);
    assert.match(cli.stderr, /^import: cannot write .*خبر-ديسمبر\.md \(.+\); the story written before it was removed: nothing was imported$/m);
    assert.deepEqual(files(content), before);
  });
});

describe("importFeed: text is clean at the edge", () => {
  it("writes stories whose fields hold no control character and no open override, which the build accepts", async () => {
    const content = site();
    const dir = mkdtempSync(path.join(tmpdir(), "khabar-import-text-"));
    temporary.push(dir);
    const file = path.join(dir, "controls.rss.xml");
    writeFileSync(
      file,
      `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>x</title><link>https://wire.example/</link>
<item><title>خبر&#x1b;[31m\u0007 فيه &#x202E;عكس</title><link>https://wire.example/\u200btext/1\u202e</link><pubDate>Thu, 04 Dec 2025 09:30:00 +0300</pubDate>
<category>Politics</category><category>وسم&#x1b;\u0001</category><category>\u202eمقلوب</category>
<description><![CDATA[<p>نص\u0008 الخبر&#x1b;[2J</p>]]></description>
<media:content url="https://wire.example/img/a.jpg" medium="image"><media:description>صورة&#x7;</media:description><media:credit>وكالة&#x1b;</media:credit></media:content></item>
<item><title>&#x7;</title><link>https://wire.example/text/2</link><category>Politics</category></item>
</channel></rss>`,
    );
    const result = await run(content, file, "wire");
    assert.equal(result.written.length, 1, JSON.stringify(result.rejected));
    const written = result.written[0]!;
    const text = readFileSync(written.absolute, "utf8");
    assert.doesNotMatch(text, /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/, "no control character in the story file");
    assert.match(text, /^title: خبر\[31m فيه \u202eعكس\u202c$/m, "the override is closed within the title");
    assert.match(text, /^ {2}url: https:\/\/wire\.example\/text\/1$/m, "the link without its invisible characters");
    assert.match(text, /^ {2}- وسم$/m);
    assert.match(text, /^ {2}- \u202eمقلوب\u202c$/m);
    assert.equal(written.link, "https://wire.example/text/1");
    assert.deepEqual(result.rejected.map((r) => [r.position, r.reason]), [[2, "no title; expected a <title> with text"]], "a title of controls alone is no title");
    for (const outcome of [...result.written, ...result.rejected]) assert.doesNotMatch(JSON.stringify(outcome), /\\u00[01][0-9a-f]|\\u007f/, "nothing the report prints holds a control");
    await assertBuildAccepts(content);
  });
});
