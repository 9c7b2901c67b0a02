// Builds the fixture site the way an editor does (`npm run build`, here with --content/--output)
// and reads what lands on disk.
import assert from "node:assert/strict";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { filesUnder, projectRoot, runCommand, snapshot } from "../support/cli.ts";

const root = projectRoot;
const build = (content: string, output: string, env: Record<string, string> = {}) => runCommand("build", ["--content", content, "--output", output], env);
const files = filesUnder;
const fixture = path.join(root, "test/fixtures/site/content");
const work = mkdtempSync(path.join(tmpdir(), "khabar-build-"));
after(() => rmSync(work, { recursive: true, force: true }));




const out = path.join(work, "site");
const read = (file: string) => readFileSync(path.join(out, file), "utf8");
const storyPage = (slug: string) => read(`news/${slug}/index.html`);

describe("a production build of the fixture site", () => {
  before(async () => {
    const result = await build(fixture, out);
    assert.equal(result.code, 0, result.stderr);
  });

  it("writes a page per published story, and none for drafts or future stories", () => {
    const pages = files(out).filter((f) => f.startsWith("news/"));
    assert.deepEqual(pages, ["news/خبر-أول/index.html", "news/خبر-ثالث/index.html", "news/خبر-ثان/index.html"]);
  });

  it("writes the home page, one page per category and the latest-news list", () => {
    for (const page of ["index.html", "latest/index.html", "category/politics/index.html", "category/economy/index.html", "category/sports/index.html"]) {
      assert.ok(existsSync(path.join(out, page)), page);
    }
    const politics = read("category/politics/index.html");
    assert.match(politics, /خبر أول/);
    assert.doesNotMatch(politics, /خبر ثالث/);
  });

  it("lists every published story's absolute, percent-encoded URL in sitemap.xml", () => {
    const locs = [...read("sitemap.xml").matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    for (const slug of ["خبر-أول", "خبر-ثان", "خبر-ثالث"]) assert.ok(locs.includes(`https://test.example/news/${encodeURIComponent(slug)}/`), slug);
    assert.ok(locs.every((loc) => /^https:\/\/test\.example\/[\x21-\x7e]*$/.test(loc)), "absolute and ASCII-only");
    assert.ok(!locs.some((loc) => loc.includes(encodeURIComponent("مسودة")) || loc.includes(encodeURIComponent("مجدول"))));
  });

  it("never lets text from a story run: no script, event handler or javascript: URL from content", () => {
    const html = storyPage("خبر-أول");
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    assert.equal(scripts.length, 2, scripts.join("\n"));
    assert.ok(scripts.some((s) => /^<script type="module" src="\/assets\/site\.[0-9a-f]{10}\.js">$/.test(s)), "the theme's own script file");
    assert.ok(scripts.includes('<script type="application/ld+json">'), "JSON-LD data, which is never run");
    assert.doesNotMatch(html, /\son[a-z]+=/i, "no event-handler attribute");
    assert.doesNotMatch(html, /=\s*["']?\s*(javascript|data|vbscript):/i, "no unsafe URL in any attribute");
    assert.match(html, /\[رابط خطر\]\(javascript:alert\(1\)\)/, "the refused link stays visible as text");
    assert.doesNotMatch(html, /<script>alert/);
    assert.match(html, /&lt;script&gt;alert\(&quot;body&quot;\)&lt;\/script&gt;/);
    assert.match(html, /<h1 class="story-title">خبر أول: عنوان فيه &quot;علامات&quot; و&lt;\/script&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;<\/h1>/);
  });

  it("keeps the JSON-LD parseable and unable to close its <script> element", () => {
    const json = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(storyPage("خبر-أول"))![1]!;
    assert.doesNotMatch(json, /</);
    const data = (JSON.parse(json) as { "@graph": Array<{ "@type": string; headline: string; isBasedOn: string }> })["@graph"].find((d) => d["@type"] === "NewsArticle")!;
    assert.equal(data.headline, 'خبر أول: عنوان فيه "علامات" و</script><script>alert(1)</script>');
    assert.equal(data.isBasedOn, "https://wire.example/story/1");
  });

  it("shows template syntax from a story literally", () => {
    assert.match(storyPage("خبر-أول"), /\{\{ site.name \}\} و\{% raw %\}/);
  });

  it("writes times in the site's zone with the digits the site asks for", () => {
    assert.match(storyPage("خبر-ثالث"), /<time class="story-published" datetime="2025-12-01T11:00:00\+03:00">الاثنين ١ ديسمبر ٢٠٢٥ - ١١:٠٠<\/time>/);
  });

  it("links to the original story without nofollow when the site turns it off", () => {
    assert.match(storyPage("خبر-أول"), /<a class="source-link" href="https:\/\/wire.example\/story\/1" rel="noopener"><bdi dir="ltr">Wire Agency<\/bdi><\/a>/);
  });

  it("leaves out the app promotion when the site has no store links", () => {
    assert.doesNotMatch(storyPage("خبر-أول"), /app-promo/);
  });
});

describe("a preview build (what the preview server shows)", () => {
  it("includes drafts and scheduled stories, marked and kept out of search engines", async () => {
    const preview = path.join(work, "preview");
    assert.equal((await build(fixture, preview, { KHABAR_DRAFTS: "1" })).code, 0);
    const draft = readFileSync(path.join(preview, "news/مسودة/index.html"), "utf8");
    assert.match(draft, /<p class="story-status" data-status="draft">مسودة<\/p>/);
    assert.match(draft, /<meta name="robots" content="noindex">/);
    const scheduled = readFileSync(path.join(preview, "news/مجدول/index.html"), "utf8");
    assert.match(scheduled, /<p class="story-status" data-status="scheduled">مجدول<\/p>/);
    assert.doesNotMatch(storyPage("خبر-أول"), /story-status|noindex/);
  });
});

describe("a build that fails on bad content", () => {
  it("exits non-zero, lists every problem and leaves the previous output exactly as it was", async () => {
    const target = path.join(work, "kept");
    assert.equal((await build(fixture, target)).code, 0);
    const before = snapshot(target);

    const broken = path.join(work, "broken");
    cpSync(fixture, broken, { recursive: true });
    writeFileSync(path.join(broken, "articles/bad-one.md"), "---\ntitle: x\ndate: tomorrow\ncategory: politics\nsource: { name: x, url: 'https://x.example/' }\n---\n");
    writeFileSync(path.join(broken, "articles/bad-two.md"), "---\ntitle: y\ndate: 2025-12-01\ncatgory: politics\nsource: { name: y, url: 'ftp://y.example/' }\n---\n");
    writeFileSync(path.join(broken, "articles/new-good.md"), "---\ntitle: z\ndate: 2025-12-01\ncategory: politics\nsource: { name: z, url: 'https://z.example/' }\n---\n");

    const result = await build(broken, target);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /Build failed: 4 content problems in 2 files:/);
    assert.match(result.stderr, /bad-one\.md: date: "tomorrow" is not a date; expected ISO 8601/);
    assert.match(result.stderr, /bad-two\.md: catgory: unknown field "catgory"; did you mean "category"\?/);
    assert.match(result.stderr, /bad-two\.md: category: is missing; expected text/);
    assert.match(result.stderr, /bad-two\.md: source\.url: "ftp:\/\/y\.example\/" is not an http or https URL/);
    assert.equal(snapshot(target), before, "the previous output must be untouched");
    assert.deepEqual(readdirSync(work).filter((name) => name.startsWith(".khabar-")), [], "no temporary folder left behind");
  });
  it("says the same of bad site settings, and waits for the pictures being copied before cleaning up", async () => {
    const target = path.join(work, "kept-settings");
    assert.equal((await build(fixture, target)).code, 0);
    const before = snapshot(target);
    // the sample site: its pictures are still being copied when the settings turn out bad
    const broken = path.join(work, "broken-settings");
    cpSync(path.join(root, "content"), broken, { recursive: true });
    const settings = path.join(broken, "_data/site.json");
    const site = JSON.parse(readFileSync(settings, "utf8")) as Record<string, unknown>;
    writeFileSync(settings, JSON.stringify({ ...site, digits: "hindi", related: { readAlsocount: 3, nearestPerTerm: 0 } }));

    const result = await build(broken, target);
    assert.equal(result.code, 1, "not a crash (13 or an uncaught ENOENT from the picture copy)");
    assert.match(result.stderr, /Build failed: 3 content problems in 1 file:/);
    assert.match(result.stderr, /site\.json: digits: expected "latn" or "arab", got "hindi"/);
    assert.match(result.stderr, /site\.json: related\.readAlsocount: not a setting \(did you mean readAlsoCount\?\)/);
    assert.match(result.stderr, /site\.json: related\.nearestPerTerm: expected a whole number of at least 1, got 0/);
    assert.doesNotMatch(result.stderr, /ENOENT|PassthroughManagerCopyError/);
    assert.equal(snapshot(target), before, "the previous output must be untouched");
    assert.deepEqual(readdirSync(work).filter((name) => name.startsWith(".khabar-")), [], "no temporary folder left behind");
  });
});
