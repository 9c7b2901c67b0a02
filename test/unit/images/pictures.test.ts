// The picture pipeline (src/images/): which versions a picture gets, the markup that shows them,
// and the cache that keeps a picture from being encoded twice. Pictures are made here with sharp.
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { imageSize } from "image-size";
import sharp from "sharp";
import { pictureFilter, pictureHtml } from "../../../src/images/markup.ts";
import { Pictures } from "../../../src/images/pictures.ts";
import { PictureError } from "../../../src/images/types.ts";
import { validateFrontMatter } from "../../../src/content/contract.ts";
import { ContentError } from "../../../src/content/problems.ts";
import { ACTIVE_SVG_CONTENT, HOSTILE_SVG, pngHeader } from "./hostile-files.ts";

const work = mkdtempSync(path.join(tmpdir(), "khabar-images-"));
after(() => rmSync(work, { recursive: true, force: true }));
const content = path.join(work, "content");
const cacheDir = path.join(work, "cache");

/** A smooth two-colour picture: cheap to encode, not empty. */
async function picture(name: string, width: number, height: number, format: "jpeg" | "png" = "jpeg"): Promise<void> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><linearGradient id="g"><stop offset="0" stop-color="#a3161a"/><stop offset="1" stop-color="#0b4f8a"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/></svg>`;
  const file = path.join(content, name);
  mkdirSync(path.dirname(file), { recursive: true });
  await sharp(Buffer.from(svg)).toFormat(format).toFile(file);
}

const sizeOf = (file: string) => imageSize(readFileSync(file));

before(async () => {
  await picture("images/wide.jpg", 1600, 900);
  await picture("images/small.jpg", 500, 300);
  await picture("images/square.png", 1300, 1300, "png");
  writeFileSync(path.join(content, "images/broken.jpg"), "not a picture");
  writeFileSync(path.join(content, "images/logo.svg"), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="64" height="64"><rect width="64" height="64"/></svg>');
  // half black, half white: one vertical edge down the middle
  writeFileSync(path.join(content, "images/chart.svg"), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="64" height="64"><rect width="64" height="64" fill="#fff"/><rect width="32" height="64"/>\n</svg>\n');
  // hostile and damaged pictures
  writeFileSync(path.join(content, "images/hostile.svg"), HOSTILE_SVG);
  writeFileSync(path.join(content, "images/bomb.png"), pngHeader(50_000, 50_000));
  writeFileSync(path.join(content, "images/empty.jpg"), "");
  const whole = readFileSync(path.join(content, "images/wide.jpg"));
  writeFileSync(path.join(content, "images/cut.jpg"), whole.subarray(0, Math.floor(whole.length / 2)));
  await picture("../outside/private.jpg", 100, 100);
  symlinkSync(path.join(work, "outside/private.jpg"), path.join(content, "images/link.jpg"));
});

describe("Pictures", () => {
  it("gives a local picture AVIF, WebP and JPEG versions at 400, 800 and 1200 px, and the size of the largest", () => {
    const pictures = new Pictures({ contentDir: content, cacheDir });
    const r = pictures.responsive("/images/wide.jpg")!;
    assert.deepEqual(r.sources.map((s) => s.type), ["image/avif", "image/webp", "image/jpeg"]);
    for (const source of r.sources) assert.deepEqual(source.srcset.split(", ").map((entry) => entry.split(" ")[1]), ["400w", "800w", "1200w"]);
    assert.equal(r.width, 1200);
    assert.equal(r.height, 675);
    assert.match(r.src, /^\/img\/[\w-]+-800\.jpeg$/);
    return pictures.finish();
  });

  it("never makes a version wider than the source, and keeps PNG as the fallback for PNG pictures", async () => {
    const pictures = new Pictures({ contentDir: content, cacheDir });
    const small = pictures.responsive("/images/small.jpg")!;
    assert.deepEqual(small.sources[0]!.srcset.split(", ").map((entry) => entry.split(" ")[1]), ["400w", "500w"]);
    assert.equal(small.width, 500);
    assert.equal(pictures.responsive("/images/square.png")!.sources.at(-1)!.type, "image/png");
    await pictures.finish();
  });

  it("makes a 1200x630 share picture, even from a smaller source", async () => {
    const pictures = new Pictures({ contentDir: content, cacheDir });
    const wide = pictures.share("/images/wide.jpg")!;
    const small = pictures.share("/images/small.jpg")!;
    assert.deepEqual([wide.width, wide.height, small.width, small.height], [1200, 630, 1200, 630]);
    const out = path.join(work, "share-out");
    await pictures.writeTo(out);
    for (const share of [wide, small]) {
      const size = sizeOf(path.join(out, path.basename(share.url)));
      assert.deepEqual([size.width, size.height, size.type], [1200, 630, "jpg"]);
    }
  });

  it("lists only the 16:9, 4:3 and 1:1 crops the source holds at 1200 px or more", async () => {
    const pictures = new Pictures({ contentDir: content, cacheDir });
    const label = (url: string) => /-(\d+x\d+)-v\d+\.jpeg$/.exec(url)?.[1];
    assert.deepEqual(pictures.crops("/images/wide.jpg").map((c) => label(c.url)), ["16x9", "4x3"]);
    assert.deepEqual(pictures.crops("/images/square.png").map((c) => [label(c.url), c.width, c.height]), [["16x9", 1200, 675], ["4x3", 1200, 900], ["1x1", 1200, 1200]]);
    assert.deepEqual(pictures.crops("/images/small.jpg"), []);
    const out = path.join(work, "crops-out");
    await pictures.writeTo(out);
    for (const crop of pictures.crops("/images/square.png")) {
      const size = sizeOf(path.join(out, path.basename(crop.url)));
      assert.deepEqual([size.width, size.height], [crop.width, crop.height]);
    }
  });

  it("serves SVG as it is and raster logos as one 64 px WebP", async () => {
    const pictures = new Pictures({ contentDir: content, cacheDir });
    assert.equal(pictures.responsive("/images/logo.svg"), null);
    assert.deepEqual(pictures.logo("/images/logo.svg"), { url: "/images/logo.svg", width: 64, height: 64 });
    const logo = pictures.logo("/images/square.png");
    assert.match(logo.url, /^\/img\/[\w-]+-64\.webp$/);
    assert.deepEqual([logo.width, logo.height], [64, 64]);
    await pictures.finish();
  });

  it("draws an SVG lead picture as a sharp JPEG share picture and crops, since share previews show no SVG", async () => {
    const pictures = new Pictures({ contentDir: content, cacheDir });
    const share = pictures.share("/images/chart.svg")!;
    assert.match(share.url, /^\/img\/[\w-]+-share-[\w]+\.jpeg$/);
    assert.deepEqual([share.width, share.height], [1200, 630]);
    assert.deepEqual(pictures.crops("/images/chart.svg").map((c) => [c.width, c.height]), [[1200, 675], [1200, 900], [1200, 1200]], "a 64 px SVG holds every crop");
    const out = path.join(work, "svg-out");
    await pictures.writeTo(out);
    const file = path.join(out, path.basename(share.url));
    const { width, height } = sizeOf(file);
    assert.deepEqual([width, height], [1200, 630]);
    // drawn at size, not a 64 px drawing enlarged (that would blur the edge over some 40 pixels)
    const { data, info } = await sharp(file).greyscale().raw().toBuffer({ resolveWithObject: true });
    const row = Array.from({ length: info.width }, (_, x) => data[300 * info.width + x]!);
    const between = row.filter((v) => v > 40 && v < 215).length;
    assert.ok(between <= 4, `${between} blurred pixels across a row`);
  });

  it("throws PictureError for a file that is not a picture", () => {
    const pictures = new Pictures({ contentDir: content, cacheDir });
    assert.throws(() => pictures.responsive("/images/broken.jpg"), PictureError);
  });

  it("encodes a picture once: a later build finds every file in the cache and writes none", async () => {
    const cache = path.join(work, "cache-once");
    const first = new Pictures({ contentDir: content, cacheDir: cache });
    first.responsive("/images/small.jpg");
    first.share("/images/small.jpg");
    await first.writeTo(path.join(work, "once-1"));
    const files = readdirSync(cache).filter((f) => !f.startsWith("."));
    assert.equal(files.length, 2 * 3 + 1, files.join(", "));
    const times = files.map((f) => statSync(path.join(cache, f)).mtimeMs);

    const second = new Pictures({ contentDir: content, cacheDir: cache });
    second.responsive("/images/small.jpg");
    second.share("/images/small.jpg");
    assert.equal(await second.writeTo(path.join(work, "once-2")), files.length);
    assert.deepEqual(files.map((f) => statSync(path.join(cache, f)).mtimeMs), times, "no cached file was written again");
    assert.deepEqual(readdirSync(path.join(work, "once-2")).sort(), [...files].sort());
    assert.deepEqual(readdirSync(cache).filter((f) => f.startsWith(".tmp-")), [], "no scratch folder left behind");
  });
});

describe("pictureHtml", () => {
  const responsive = {
    src: "/img/h-800.jpeg",
    width: 1200,
    height: 675,
    sources: [
      { type: "image/avif", srcset: "/img/h-400.avif 400w, /img/h-800.avif 800w" },
      { type: "image/webp", srcset: "/img/h-400.webp 400w, /img/h-800.webp 800w" },
      { type: "image/jpeg", srcset: "/img/h-400.jpeg 400w, /img/h-800.jpeg 800w" },
    ],
  };
  const image = { src: "/articles/a.jpg", alt: 'صورة "الوفد" <مع> العلم', responsive };

  it("gives the lead picture AVIF and WebP sources, its size, and first place in the queue", () => {
    const html = pictureHtml(image, "lead");
    assert.match(html, /^<picture><source type="image\/avif" srcset="\/img\/h-400\.avif 400w, \/img\/h-800\.avif 800w" sizes="[^"]+"><source type="image\/webp"[^>]*><img [^>]*><\/picture>$/);
    assert.match(html, /<img src="\/img\/h-800\.jpeg" srcset="\/img\/h-400\.jpeg 400w, \/img\/h-800\.jpeg 800w" sizes="[^"]+" width="1200" height="675" fetchpriority="high" decoding="async"/);
    assert.doesNotMatch(html, /loading=/);
    assert.match(html, /alt="صورة &quot;الوفد&quot; &lt;مع&gt; العلم"/, "alt is escaped");
  });

  it("loads other pictures lazily; cards and posters are decorative next to their headline", () => {
    assert.match(pictureHtml(image, "figure"), /loading="lazy"[^>]* alt="صورة/);
    assert.match(pictureHtml(image, "card"), /<img class="card-image" [^>]*loading="lazy"[^>]* alt="">/);
    assert.match(pictureHtml(image, "poster"), / alt="">/);
  });

  it("shows a remote picture as it is, with its size when known", () => {
    assert.equal(pictureHtml({ src: "https://images.example/a.jpg?x=1&y=2", alt: "أ", width: 800, height: 450 }, "lead"), '<img src="https://images.example/a.jpg?x=1&amp;y=2" width="800" height="450" fetchpriority="high" decoding="async" alt="أ">');
    assert.equal(pictureHtml({ src: "https://images.example/a.jpg", alt: "" }, "card"), '<img class="card-image" src="https://images.example/a.jpg" loading="lazy" decoding="async" alt="">');
  });

  it("the template filter builds the markup of a picture once per role and rejects unknown roles", () => {
    const filter = pictureFilter();
    const picture = { ...image };
    const first = filter(picture, "lead");
    picture.alt = "وصف آخر";
    assert.equal(filter(picture, "lead"), first, "the second call reuses the first markup");
    assert.notEqual(pictureFilter()(picture, "lead"), first, "a new build makes it again");
    assert.equal(filter(undefined, "card"), "");
    assert.throws(() => filter(image, "banner" as never), /unknown role "banner"/);
  });
});

describe("image.width and image.height in front matter", () => {
  const ctx = { timeZone: "UTC", categories: new Map([["politics", { id: "politics", name: "سياسة", order: 1, url: "/category/politics/" }]]), sources: new Map() };
  const check = (image: Record<string, unknown>) =>
    validateFrontMatter({ title: "خبر", date: "2025-12-03T10:15:00+03:00", category: "politics", source: { name: "و", url: "https://x.example/" }, image: { src: "https://images.example/a.jpg", alt: "أ", ...image } }, ctx);

  it("are kept as the size of a remote picture", () => {
    const result = check({ width: 1024, height: 576 });
    assert.deepEqual(result.problems, []);
    assert.deepEqual([result.value?.image?.width, result.value?.image?.height], [1024, 576]);
  });

  it("must be whole numbers of pixels, given together", () => {
    assert.deepEqual(check({ width: "wide", height: 576 }).problems.map((p) => p.field), ["image.width"]);
    assert.deepEqual(check({ width: 1024 }).problems.map((p) => `${p.field}: ${p.message}`), ["image.height: is missing; expected both width and height of the picture, or neither"]);
  });
});

describe("Pictures: pictures are validated, not trusted", () => {
  const story = { file: "content/articles/a.md", field: "image.src", written: "./cut.jpg" };

  it("refuses an empty picture, a pixel bomb's header and a symbolic link out of content/ before anything is encoded", () => {
    const pictures = new Pictures({ contentDir: content, cacheDir: path.join(work, "cache-refused") });
    assert.throws(() => pictures.responsive("/images/empty.jpg"), /^PictureError: is an empty file/);
    assert.throws(() => pictures.share("/images/bomb.png"), /^PictureError: is 50000 × 50000 pixels/);
    assert.throws(() => pictures.responsive("/images/link.jpg"), /^PictureError: cannot be found inside content\/ \(a symbolic link leading out of it is not followed\)/);
    assert.equal(existsSync(path.join(work, "cache-refused")), false, "nothing was queued");
  });

  it("draws the share picture of an SVG from its clean copy, keeps that copy in the cache, and publishes no SVG into /img/", async () => {
    const cache = path.join(work, "cache-svg");
    const pictures = new Pictures({ contentDir: content, cacheDir: cache });
    const share = pictures.share("/images/hostile.svg")!;
    assert.deepEqual([share.width, share.height], [1200, 630]);
    const clean = pictures.used.filter((name) => name.endsWith(".svg"));
    assert.equal(clean.length, 1, "the clean copy is recorded as used, so pruning keeps it");
    assert.doesNotMatch(readFileSync(path.join(cache, clean[0]!), "utf8"), ACTIVE_SVG_CONTENT);
    const out = path.join(work, "svg-hostile-out");
    await pictures.writeTo(out);
    assert.deepEqual(readdirSync(out).filter((name) => name.endsWith(".svg")), [], "the clean copy is the lead's to publish, not the pipeline's");
    assert.deepEqual([sizeOf(path.join(out, path.basename(share.url))).width], [1200]);
  });

  it("reports a picture its encoder refuses (cut short) as a content problem naming the story and field", async () => {
    const pictures = new Pictures({ contentDir: content, cacheDir: path.join(work, "cache-cut") });
    const responsive = pictures.usedBy(story, () => pictures.responsive("/images/cut.jpg"));
    assert.ok(responsive, "its header is fine: the page knows its versions");
    await assert.rejects(pictures.finish(), (error: unknown) => {
      // (CI once saw another error here, under load: say which)
      assert.ok(error instanceof ContentError, `expected a ContentError, got ${(error as Error)?.stack ?? String(error)}`);
      assert.deepEqual(error.problems.map((p) => [p.file, p.field]), [[story.file, story.field]]);
      assert.match(error.problems[0]!.message, /^"\.\/cut\.jpg" cannot be decoded \(.*\); expected a picture that opens in an image viewer/);
      return true;
    });
  });

  it("checking only: the same refusals, a decode of what the cache lacks, and nothing written", async () => {
    const cache = path.join(work, "cache-check");
    const pictures = new Pictures({ contentDir: content, cacheDir: cache, checkOnly: true });
    assert.throws(() => pictures.responsive("/images/broken.jpg"), /^PictureError: is not a picture \(it holds text\)/);
    pictures.usedBy(story, () => pictures.responsive("/images/cut.jpg"));
    pictures.usedBy({ ...story, file: "content/articles/b.md", written: "/images/wide.jpg" }, () => [pictures.responsive("/images/wide.jpg"), pictures.share("/images/wide.jpg"), pictures.crops("/images/wide.jpg")]);
    pictures.usedBy({ ...story, file: "content/_data/sources.json", field: "x.logo", written: "images/hostile.svg" }, () => pictures.logo("/images/hostile.svg"));
    const problems = await pictures.problems();
    assert.deepEqual(problems.map((p) => `${p.file}: ${p.field}`), ["content/articles/a.md: image.src"], "only the picture cut short");
    assert.match(problems[0]!.message, /cannot be decoded/);
    assert.equal(existsSync(cache), false, "no encode, no clean copy written");
    assert.deepEqual(pictures.used, []);
  });
});
