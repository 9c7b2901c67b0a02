// Pictures in a real build (`npm run build` on the fixture site plus pictured stories made here):
// every <img> sized and described, AVIF/WebP for lead pictures, the 1200x630 share picture and the
// JSON-LD crops, remote pictures left alone, missing or broken pictures as content errors, and a
// second build that encodes nothing.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { imageSize } from "image-size";
import sharp from "sharp";

const root = fileURLToPath(new URL("../..", import.meta.url));
const work = mkdtempSync(path.join(tmpdir(), "khabar-images-build-"));
after(() => rmSync(work, { recursive: true, force: true }));
const content = path.join(work, "content");
const cache = path.join(work, "cache");
const out = path.join(work, "site");

async function build(contentDir: string, output: string): Promise<{ code: number; stderr: string }> {
  try {
    const { stderr } = await promisify(execFile)(process.execPath, ["--import", "tsx", "src/cli/build.ts", "--content", contentDir, "--output", output], { cwd: root, env: { ...process.env, KHABAR_IMAGE_CACHE: cache } });
    return { code: 0, stderr };
  } catch (error) {
    const e = error as { code: number; stderr: string };
    return { code: e.code, stderr: e.stderr };
  }
}

async function picture(file: string, width: number, height: number, format: "jpeg" | "png" = "jpeg"): Promise<void> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><linearGradient id="g"><stop offset="0" stop-color="#20603a"/><stop offset="1" stop-color="#e0b040"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/></svg>`;
  mkdirSync(path.dirname(file), { recursive: true });
  await sharp(Buffer.from(svg)).toFormat(format).toFile(file);
}

const story = (front: string, body = "نص الخبر.", title = "خبر مصور") => `---\ntitle: ${title}\ndate: 2025-12-02T09:00:00+03:00\ncategory: economy\nsource: { name: وكالة, url: 'https://wire.example/p' }\n${front}\n---\n${body}\n`;

const read = (file: string) => readFileSync(path.join(out, file), "utf8");
const page = () => read("news/خبر-مصور/index.html");
const fileOf = (url: string) => path.join(out, decodeURIComponent(new URL(url, "https://test.example/").pathname));
const sizeOf = (file: string) => imageSize(readFileSync(file));
const htmlFiles = (dir: string) => readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".html"));

before(async () => {
  cpSync(path.join(root, "test/fixtures/site/content"), content, { recursive: true });
  const dir = path.join(content, "articles/pictured");
  await picture(path.join(dir, "lead.jpg"), 1600, 900);
  await picture(path.join(dir, "chart.png"), 900, 600, "png");
  await picture(path.join(content, "images/poster.jpg"), 1280, 720);
  writeFileSync(
    path.join(dir, "خبر-مصور.md"),
    story(
      "image: { src: ./lead.jpg, alt: حقل قمح عند الغروب, caption: الحقول, credit: وكالة }\nvideo: { url: 'https://vimeo.com/76979871', poster: images/poster.jpg }",
      'الفقرة الأولى.\n\n![رسم بياني للأسعار](./chart.png "الأسعار في عام - وكالة")\n\nنص فيه صورة ![أيقونة](./chart.png) داخل السطر.',
    ),
  );
  writeFileSync(path.join(dir, "map.svg"), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 180" width="320" height="180"><rect width="320" height="180" fill="#e0b040"/><circle cx="160" cy="90" r="60" fill="#20603a"/>\n</svg>\n');
  writeFileSync(path.join(dir, "خريطة.md"), story("image: { src: ./map.svg, alt: خريطة المنطقة }", "نص.", "خريطة"));
  writeFileSync(path.join(content, "articles/بعيد.md"), story("image: { src: 'https://images.example/far.jpg', alt: صورة من بعيد, width: 1024, height: 576 }", "نص.", "صورة بعيدة"));
  const result = await build(content, out);
  assert.equal(result.code, 0, result.stderr);
});

describe("pictures in a production build", () => {
  it("gives every <img> of every page width, height and alt", () => {
    const pages = htmlFiles(out);
    assert.ok(pages.length > 5);
    let images = 0;
    for (const file of pages) {
      for (const [img] of read(file).matchAll(/<img\b[^>]*>/g)) {
        images++;
        for (const attribute of ["width", "height", "alt"]) assert.match(img, new RegExp(`\\s${attribute}="`), `${file}: ${img} has ${attribute}`);
      }
    }
    assert.ok(images >= 4, `${images} pictures`);
  });

  it("gives the lead picture AVIF and WebP sources, a srcset, and loads it first", () => {
    const lead = /<figure class="story-lead">\s*(<picture>[\s\S]*?<\/picture>)/.exec(page())?.[1];
    assert.ok(lead, "the lead picture is a <picture>");
    assert.match(lead, /<source type="image\/avif" srcset="\/img\/[^"]+ 400w, [^"]+ 800w, [^"]+ 1200w" sizes="[^"]+">/);
    assert.match(lead, /<source type="image\/webp" srcset="[^"]+" sizes="[^"]+">/);
    assert.match(lead, /<img src="\/img\/[^"]+-800\.jpeg" srcset="[^"]+" sizes="[^"]+" width="1200" height="675" fetchpriority="high"/);
    for (const [, url] of lead.matchAll(/(\/img\/[^\s",]+)/g)) assert.ok(existsSync(fileOf(url!)), `${url} is in the output`);
  });

  it("makes body figures, inline pictures and the video poster responsive and lazy", () => {
    const html = page();
    assert.match(html, /<figure class="body-figure"><picture><source type="image\/avif"[^>]*>.*?<img src="\/img\/[^"]+\.png"[^>]*loading="lazy"[^>]*alt="رسم بياني للأسعار"><\/picture><figcaption>/);
    assert.match(html, /نص فيه صورة <picture>.*?alt="أيقونة"><\/picture> داخل السطر/);
    assert.match(html, /<a class="video-facade"[^>]*><picture><source type="image\/avif"[^>]*>.*?loading="lazy"[^>]*alt=""><\/picture>/);
  });

  it("shares a 1200x630 picture cropped from the lead picture, and lists the 16:9 and 4:3 crops in JSON-LD", () => {
    const html = page();
    const og = /<meta property="og:image" content="([^"]+)">/.exec(html)![1]!;
    assert.match(og, /^https:\/\/test\.example\/img\/[\w-]+-share-v\d+\.jpeg$/);
    assert.match(html, /<meta property="og:image:width" content="1200">\s*<meta property="og:image:height" content="630">/);
    const share = sizeOf(fileOf(og));
    assert.deepEqual([share.width, share.height, share.type], [1200, 630, "jpg"]);
    assert.match(html, new RegExp(`<meta name="twitter:image" content="${og}">`));

    const json = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)![1]!) as { "@graph": Array<{ "@type": string; image?: string[] }> };
    const images = json["@graph"].find((d) => d["@type"] === "NewsArticle")!.image!;
    assert.deepEqual(images.map((url) => /-(16x9|4x3|1x1|share)-v\d+\.jpeg$/.exec(url)?.[1]), ["16x9", "4x3", "share"], "no 1:1 crop: a 900 px tall source cannot give one 1200 px wide");
    for (const url of images.slice(0, 2)) {
      const size = sizeOf(fileOf(url));
      assert.ok(size.width >= 1200, url);
    }
  });

  it("shows an SVG lead picture as it is, and shares it drawn as a 1200x630 JPEG (share previews show no SVG)", () => {
    const html = read("news/خريطة/index.html");
    assert.match(html, /<figure class="story-lead">\s*<img src="\/articles\/pictured\/map\.svg" width="320" height="180"/);
    const og = /<meta property="og:image" content="([^"]+)">/.exec(html)![1]!;
    assert.match(og, /^https:\/\/test\.example\/img\/[\w-]+-share-v\d+\.jpeg$/);
    const share = sizeOf(fileOf(og));
    assert.deepEqual([share.width, share.height, share.type], [1200, 630, "jpg"]);
  });

  it("uses a remote picture as it is, with the size the front matter gives", () => {
    const html = read("news/بعيد/index.html");
    assert.match(html, /<figure class="story-lead">\s*<img src="https:\/\/images\.example\/far\.jpg" width="1024" height="576" fetchpriority="high" decoding="async"[^>]*alt="صورة من بعيد">/);
    assert.match(html, /<meta property="og:image" content="https:\/\/images\.example\/far\.jpg">/);
  });

  it("encodes nothing again on the next build: every cached file is reused as it is", async () => {
    const cached = readdirSync(cache).filter((f) => !f.startsWith("."));
    const times = cached.map((f) => statSync(path.join(cache, f)).mtimeMs);
    const again = path.join(work, "again");
    const result = await build(content, again);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(cached.map((f) => statSync(path.join(cache, f)).mtimeMs), times);
    assert.deepEqual(readdirSync(path.join(again, "img")).sort(), readdirSync(path.join(out, "img")).sort());
  });
});

describe("pictures that cannot be used", () => {
  it("fail the build naming the story and the path: missing, or not a picture", async () => {
    const broken = path.join(work, "broken");
    cpSync(path.join(root, "test/fixtures/site/content"), broken, { recursive: true });
    writeFileSync(path.join(broken, "articles/بلا-صورة.md"), story("image: { src: ./missing.jpg, alt: صورة }", '![خريطة](./gone.png "خريطة - وكالة")'));
    writeFileSync(path.join(broken, "articles/not-a-picture.jpg"), "<html>not a picture</html>");
    writeFileSync(path.join(broken, "articles/صورة-تالفة.md"), story("image: { src: ./not-a-picture.jpg, alt: صورة }"));
    const target = path.join(work, "broken-site");
    const result = await build(broken, target);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /articles\/بلا-صورة\.md: image\.src: "\.\/missing\.jpg" does not exist/);
    assert.match(result.stderr, /articles\/بلا-صورة\.md: \(body\): "\.\/gone\.png" does not exist/);
    assert.match(result.stderr, /articles\/صورة-تالفة\.md: image\.src: "\.\/not-a-picture\.jpg" is not a picture \(it holds a web page/);
    assert.ok(!existsSync(target), "nothing was written");
  });
});
