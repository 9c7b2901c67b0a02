// Feeds, sitemaps and host files of a built site: well-formed XML/JSON, absolute percent-encoded
// URLs, the news sitemap's 48-hour window and 1,000-story cap on a generated corpus, and a path prefix.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { XMLParser, XMLValidator } from "fast-xml-parser";

const root = fileURLToPath(new URL("../..", import.meta.url));
const fixture = path.join(root, "test/fixtures/site/content");
const work = mkdtempSync(path.join(tmpdir(), "khabar-files-"));
after(() => rmSync(work, { recursive: true, force: true }));

async function build(content: string, output: string, ...args: string[]): Promise<void> {
  await promisify(execFile)(process.execPath, ["--import", "tsx", "src/cli/build.ts", "--content", content, "--output", output, ...args], { cwd: root, maxBuffer: 1 << 26 });
}

const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => ["url", "entry", "item", "sitemap", "link", "category"].includes(name) });
function xml(file: string): Record<string, any> {
  const text = readFileSync(file, "utf8");
  const valid = XMLValidator.validate(text);
  assert.equal(valid, true, `${file} is not well-formed: ${JSON.stringify(valid)}`);
  return parser.parse(text) as Record<string, any>;
}
const isAbsoluteAscii = (url: string) => /^https:\/\/test\.example\/[\x21-\x7e]*$/.test(url);

describe("feeds and sitemaps of the fixture site", () => {
  const out = path.join(work, "site");
  before(() => build(fixture, out));

  it("writes Atom, RSS and JSON feeds for the site and each category, all well-formed", () => {
    for (const dir of ["", "category/politics/", "category/economy/", "category/sports/"]) {
      const atom = xml(path.join(out, dir, "feed.xml")).feed;
      assert.equal(atom["@_xml:lang"], "ar");
      const rss = xml(path.join(out, dir, "rss.xml")).rss.channel;
      assert.equal(rss.language, "ar");
      const json = JSON.parse(readFileSync(path.join(out, dir, "feed.json"), "utf8")) as { version: string; language: string; items: unknown[] };
      assert.equal(json.version, "https://jsonfeed.org/version/1.1");
      assert.equal(json.language, "ar");
    }
  });

  it("puts each story in full, with its source named and absolute, percent-encoded URLs", () => {
    const entries = xml(path.join(out, "feed.xml")).feed.entry as Array<Record<string, any>>;
    assert.deepEqual(entries.map((e) => e.title), ['خبر أول: عنوان فيه "علامات" و</script><script>alert(1)</script>', "خبر ثان", "خبر ثالث"]);
    const first = entries[0]!;
    assert.equal(first.author.name, "Wire Agency");
    assert.ok(first.link.some((l: Record<string, string>) => l["@_rel"] === "via" && l["@_href"] === "https://wire.example/story/1"));
    assert.match(first.content["#text"], /الفقرة الأولى من الخبر الأول/);
    assert.ok(isAbsoluteAscii(first.id), first.id);
    const items = xml(path.join(out, "rss.xml")).rss.channel.item as Array<Record<string, any>>;
    assert.equal(items[0]!.source["#text"], "Wire Agency");
    assert.match(items[0]!.pubDate, /^Wed, 03 Dec 2025 10:15:00 \+0300$/);
    const politics = xml(path.join(out, "category/politics/feed.xml")).feed.entry as unknown[];
    assert.equal(politics.length, 2, "a category feed holds only its category");
  });

  it("lists every page and story in sitemap.xml and points robots.txt to both sitemaps", () => {
    const locs = (xml(path.join(out, "sitemap.xml")).urlset.url as Array<{ loc: string }>).map((u) => u.loc);
    assert.ok(locs.every(isAbsoluteAscii));
    for (const page of ["https://test.example/", "https://test.example/latest/", "https://test.example/category/politics/", `https://test.example/tag/${encodeURIComponent("أ")}/`]) assert.ok(locs.includes(page), page);
    assert.match(readFileSync(path.join(out, "robots.txt"), "utf8"), /Sitemap: https:\/\/test\.example\/sitemap\.xml\nSitemap: https:\/\/test\.example\/news-sitemap\.xml/);
    assert.equal(xml(path.join(out, "news-sitemap.xml")).urlset["@_xmlns:news"], "http://www.google.com/schemas/sitemap-news/0.9");
  });

  it("ships _headers with the Content-Security-Policy and long caching for hashed theme files", () => {
    const headers = readFileSync(path.join(out, "_headers"), "utf8");
    assert.match(headers, /^\/\*\n {2}Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval';/m);
    assert.match(headers, /\/assets\/\*\.css\n {2}Cache-Control: public, max-age=31536000, immutable/);
    const assets = readdirSync(path.join(out, "assets"));
    assert.ok(assets.some((f) => /^site\.[0-9a-f]{10}\.css$/.test(f)), assets.join());
  });

  it("indexes the story pages for search, one index per month, each in its own folder", () => {
    const { indexes } = JSON.parse(readFileSync(path.join(out, "pagefind/khabar-indexes.json"), "utf8")) as { indexes: string[] };
    const pages = indexes.map((period) => (JSON.parse(readFileSync(path.join(out, "pagefind", period, "pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> }).languages.ar?.page_count ?? 0);
    assert.equal(pages.reduce((a, b) => a + b, 0), 3);
    assert.ok(existsSync(path.join(out, "pagefind/pagefind.js")), "Pagefind's script, for the search page to import");
  });
});

describe("the news sitemap on a generated corpus", () => {
  // Fewer recent stories than the 1,000 cap, so only the 48-hour rule can keep the old ones out
  // (the cap itself: test/unit/sitemaps.test.ts).
  it("holds only stories from the last 48 hours, newest first", async () => {
    const content = path.join(work, "corpus");
    cpSync(fixture, content, { recursive: true });
    rmSync(path.join(content, "articles"), { recursive: true });
    mkdirSync(path.join(content, "articles"));
    const now = Date.now();
    const write = (name: string, hoursAgo: number) =>
      writeFileSync(
        path.join(content, "articles", `${name}.md`),
        `---\ntitle: ${name}\ndate: ${new Date(now - hoursAgo * 3600_000).toISOString()}\ncategory: politics\nsource: { name: x, url: 'https://x.example/${name}' }\n---\nنص.\n`,
      );
    for (let i = 0; i < 980; i++) write(`recent-${i}`, 1 + (i / 980) * 46); // 1 to 47 hours ago
    for (let i = 0; i < 20; i++) write(`old-${i}`, 49 + i);
    const out = path.join(work, "corpus-site");
    await build(content, out);
    const urls = xml(path.join(out, "news-sitemap.xml")).urlset.url as Array<Record<string, any>>;
    assert.equal(urls.length, 980);
    const titles = urls.map((u) => u["news:news"]["news:title"] as string);
    assert.ok(titles.every((t) => t.startsWith("recent-")), "nothing older than 48 hours");
    assert.deepEqual(titles.slice(0, 3), ["recent-0", "recent-1", "recent-2"]);
    const first = urls[0]!["news:news"];
    assert.deepEqual(first["news:publication"], { "news:name": "موقع الاختبار", "news:language": "ar" });
    assert.ok(Date.now() - Date.parse(first["news:publication_date"]) < 48 * 3600_000);
  });
});

describe("a build under a path prefix", () => {
  it("prefixes every link, asset, feed and sitemap URL", async () => {
    const out = path.join(work, "prefixed");
    await build(fixture, out, "--pathprefix", "/news/");
    const home = readFileSync(path.join(out, "index.html"), "utf8");
    const hrefs = [...home.matchAll(/(?:href|src)="([^"#]*)"/g)].map((m) => m[1]!).filter((u) => u.startsWith("/"));
    assert.ok(hrefs.length > 10);
    assert.deepEqual(hrefs.filter((u) => !u.startsWith("/news/")), [], "every site URL under /news/");
    const locs = (xml(path.join(out, "sitemap.xml")).urlset.url as Array<{ loc: string }>).map((u) => u.loc);
    assert.ok(locs.every((l) => l.startsWith("https://test.example/news/")), locs.join("\n"));
    const atom = xml(path.join(out, "feed.xml")).feed;
    assert.equal(atom.link[0]["@_href"], "https://test.example/news/feed.xml");
    assert.match(readFileSync(path.join(out, "robots.txt"), "utf8"), /Sitemap: https:\/\/test\.example\/news\/sitemap\.xml/);
  });
});
