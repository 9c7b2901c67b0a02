import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { renderBody, shorten, splitCaption } from "../../../src/body/markdown.ts";

const labels = { playVideo: "PLAY", noticeBefore: "BEFORE ", noticeLink: "SOURCE-LINK", noticeAfter: " AFTER" };
const existing = new Set(["./rubio.jpg", "images/map.jpg"]);
const context = {
  resolveAsset: (src: string) => (existing.has(src) ? `/resolved/${src.replace(/^\.\//, "")}` : null),
  sourceUrl: "https://www.alarabiya.net/original",
  labels,
};
const render = (md: string) => renderBody(md, context);

describe("figures", () => {
  it("turns an image alone in its paragraph with a title into <figure> with caption and credit marked up apart", () => {
    const { html } = render('نص.\n\n![ماركو روبيو](./rubio.jpg "ماركو روبيو - 12 نوفمبر 2025 - رويترز")\n\nنص آخر.');
    assert.match(html, /<figure class="body-figure"><img src="\/resolved\/rubio.jpg" alt="ماركو روبيو"[^>]*><figcaption><span class="caption">ماركو روبيو - 12 نوفمبر 2025<\/span> - <bdi class="credit" dir="rtl">رويترز<\/bdi><\/figcaption><\/figure>/);
    assert.doesNotMatch(html, /<p><figure/);
  });
  it("keeps a caption without credit whole", () => {
    assert.match(render('![خريطة](images/map.jpg "خريطة المنطقة")').html, /<figcaption><span class="caption">خريطة المنطقة<\/span><\/figcaption>/);
  });
  it("leaves an image without a title, or inside a sentence, as an inline image", () => {
    assert.doesNotMatch(render("![خريطة](images/map.jpg)").html, /<figure/);
    assert.doesNotMatch(render('نص ![خريطة](images/map.jpg "عنوان") نص').html, /<figure/);
  });
  it("reports pictures that do not exist and passes remote pictures through", () => {
    const result = render('![x](./missing.jpg "c")\n\n![y](https://cdn.example.com/y.jpg)');
    assert.deepEqual(result.missingAssets, ["./missing.jpg"]);
    assert.match(result.html, /src="https:\/\/cdn.example.com\/y.jpg"/);
  });
  it("splits «caption - credit» on the last separator only", () => {
    assert.deepEqual(splitCaption("أ - ب - ج"), { caption: "أ - ب", credit: "ج" });
    assert.deepEqual(splitCaption("بلا مصدر"), { caption: "بلا مصدر" });
  });
});

describe("video lines", () => {
  it("turns a line holding only a YouTube URL into a click-to-load facade with the source notice", () => {
    const { html } = render("قبل.\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n\nبعد.");
    assert.match(html, /<a class="video-facade" href="https:\/\/www.youtube.com\/watch\?v=dQw4w9WgXcQ" data-embed="https:\/\/www.youtube-nocookie.com\/embed\/dQw4w9WgXcQ/);
    assert.doesNotMatch(html, /<iframe|<script/);
    assert.match(html, /BEFORE <a href="https:\/\/www.alarabiya.net\/original" rel="noopener">SOURCE-LINK<\/a> AFTER/);
  });
  it("accepts an autolinked URL and a Vimeo address", () => {
    assert.match(render("<https://vimeo.com/76979871>").html, /data-video="vimeo"/);
  });
  it("plays a video file in a native <video> that loads nothing before play", () => {
    assert.match(render("https://cdn.example.com/clip.mp4").html, /<video controls preload="none"[^>]*><source src="https:\/\/cdn.example.com\/clip.mp4" type="video\/mp4">/);
  });
  it("leaves a URL inside a sentence, or another site's URL, as text", () => {
    assert.doesNotMatch(render("شاهد https://www.youtube.com/watch?v=dQw4w9WgXcQ هنا").html, /video-block/);
    assert.doesNotMatch(render("https://example.com/page").html, /video-block/);
  });
});

describe("untrusted text", () => {
  it("escapes raw HTML instead of passing it through", () => {
    const { html } = render('<script>alert(1)</script>\n\nنص <img src=x onerror="alert(1)"> و<iframe src="https://evil.example"></iframe>');
    assert.doesNotMatch(html, /<script|<img src=x|<iframe/i);
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.match(html, /&lt;img src=x onerror=&quot;alert\(1\)&quot;&gt;/);
  });
  it("drops javascript:, data: and vbscript: links and images", () => {
    const { html } = render("[أ](javascript:alert(1)) [ب](JAVASCRIPT:alert(1)) [ج](data:text/html;base64,PHNjcmlwdD4=) [د](vbscript:x) ![هـ](data:image/png;base64,AAAA)");
    assert.doesNotMatch(html, /href="(javascript|data|vbscript):/i);
    assert.doesNotMatch(html, /src="data:/i);
  });
  it("marks links to other sites nofollow noopener", () => {
    assert.match(render("[المصدر](https://www.alarabiya.net/x)").html, /<a href="https:\/\/www.alarabiya.net\/x" rel="nofollow noopener">/);
  });
  it("shows template syntax literally: bodies never go through a template engine", () => {
    const { html } = render("قالب {{ site.name }} و{% raw %} و{%- include 'x' -%}");
    assert.match(html, /\{\{ site.name \}\}/);
    assert.match(html, /\{% raw %\}/);
    assert.match(html, /\{%- include &#39;x&#39; -%\}|\{%- include 'x' -%\}/);
  });
});

describe("usual Markdown", () => {
  it("renders tables inside a scrollable box, quotes, lists and headings", () => {
    const { html } = render("## عنوان فرعي\n\n> اقتباس\n\n- أول\n- ثان\n\n| الدولة | النمو |\n|---|---|\n| مصر | 4% |");
    assert.match(html, /<h2>عنوان فرعي<\/h2>/);
    assert.match(html, /<blockquote>\n<p>اقتباس<\/p>\n<\/blockquote>/);
    assert.match(html, /<ul>\n<li>أول<\/li>/);
    assert.match(html, /<div class="table-scroll" tabindex="0">\n<table>\n<thead>/);
    assert.match(html, /<td>4%<\/td>/);
  });
  it("aligns table columns with classes, never inline styles (the CSP blocks them)", () => {
    const { html } = render("| أ | ب | ج |\n|:--|:-:|--:|\n| 1 | 2 | 3 |");
    assert.doesNotMatch(html, /style=/);
    assert.match(html, /<th class="align-left">أ<\/th>\n<th class="align-center">ب<\/th>\n<th class="align-right">ج<\/th>/);
    assert.match(html, /<td class="align-right">3<\/td>/);
  });
  it("isolates a credit in its own direction, so a Latin credit cannot reorder the caption", () => {
    assert.match(render('![x](./rubio.jpg "صورة - Reuters")').html, /<bdi class="credit" dir="ltr">Reuters<\/bdi>/);
    assert.match(render('![x](./rubio.jpg "صورة - رويترز")').html, /<bdi class="credit" dir="rtl">رويترز<\/bdi>/);
  });
  it("demotes a body # heading to h2 so the headline stays the only h1", () => {
    assert.equal(render("# عنوان").html, "<h2>عنوان</h2>\n");
  });
});

describe("text for summaries and search", () => {
  it("takes the first text paragraph, skipping figures and video lines", () => {
    const result = render('![x](./rubio.jpg "c")\n\nhttps://youtu.be/dQw4w9WgXcQ\n\nقال **روبيو** إن `التقدم` [ملموس](https://a.b).\n\nفقرة ثانية.');
    assert.equal(result.firstParagraph, "قال روبيو إن التقدم ملموس.");
    assert.match(result.text, /فقرة ثانية/);
  });
  it("shortens at a word boundary with an ellipsis", () => {
    assert.equal(shorten("كلمة ".repeat(50), 30), "كلمة كلمة كلمة كلمة كلمة كلمة…");
    assert.equal(shorten("قصير", 30), "قصير");
  });
});

describe("shorten, with text from sources", () => {
  it("closes an override the cut leaves open, so it cannot reorder a card or a meta description", () => {
    const short = shorten(`\u202E${"كلمة ".repeat(60)}`, 160);
    assert.ok(short.endsWith("…\u202C"), JSON.stringify(short.slice(-3)));
  });
  it("counts an emoji as one character and never splits it", () => {
    const short = shorten(`${"😀".repeat(200)}`, 10);
    assert.equal([...short].length, 10);
    assert.ok(!/[\uD800-\uDFFF](?![\uDC00-\uDFFF])/.test(short.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, "")), "no lone surrogate");
  });
});
