// Hostile pictures in a real build (`npm run build` and `npm run check` on the fixture site plus
// stories made here): each as a lead picture and as a body picture is refused, naming the story, the
// field and the path, by the build and first by `check`; an SVG with scripts is published only clean;
// and a build that fails, however late, leaves the previous _site/ as it was and no temporary folder.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import sharp from "sharp";
import { ACTIVE_SVG_CONTENT, HOSTILE_SVG, LAUGHS_SVG, pngHeader, XXE_SVG } from "../unit/images/hostile-files.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
const fixture = path.join(root, "test/fixtures/site/content");
const work = mkdtempSync(path.join(tmpdir(), "khabar-hostile-"));
after(() => rmSync(work, { recursive: true, force: true }));
const cache = path.join(work, "cache");

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(args: string[], cwd = root): Promise<Run> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ["--import", path.join(root, "node_modules/tsx/dist/loader.mjs"), ...args], { cwd, env: { ...process.env, KHABAR_IMAGE_CACHE: cache }, maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as Run;
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
const build = (content: string, output: string, ...more: string[]) => run([path.join(root, "src/cli/build.ts"), "--content", content, "--output", output, ...more]);
const check = (content: string) => run([path.join(root, "src/cli/check.ts"), "--content", content]);

const story = (title: string, picture: string) =>
  `---\ntitle: ${title}\ndate: 2025-12-02T09:00:00+03:00\ncategory: economy\nsource: { name: وكالة, url: 'https://wire.example/p' }\nimage: { src: ./${picture}, alt: صورة }\n---\nالفقرة الأولى.\n\n![صورة في النص](./${picture} "صورة - وكالة")\n`;

/** A copy of the fixture site whose stories (one per picture, in articles/hostile/) each show their picture as lead and in the body. */
function site(name: string, pictures: Record<string, Buffer | string>): string {
  const content = path.join(work, name, "content");
  cpSync(fixture, content, { recursive: true });
  const dir = path.join(content, "articles/hostile");
  mkdirSync(dir, { recursive: true });
  for (const [file, bytes] of Object.entries(pictures)) {
    writeFileSync(path.join(dir, file), bytes);
    writeFileSync(path.join(dir, `${file.replace(/\W/g, "-")}.md`), story(`خبر ${file}`, file));
  }
  return content;
}

/** An output folder holding a previous build (one marker file), to prove a failed build leaves it alone. */
function previousSite(name: string): string {
  const output = path.join(work, name, "_site");
  mkdirSync(output, { recursive: true });
  writeFileSync(path.join(output, "marker.html"), "the previous build");
  return output;
}

function assertUntouched(output: string): void {
  assert.deepEqual(readdirSync(output), ["marker.html"], "the previous site is as it was");
  assert.equal(readFileSync(path.join(output, "marker.html"), "utf8"), "the previous build");
  const left = readdirSync(path.dirname(output)).filter((name) => name.startsWith(".khabar-"));
  assert.deepEqual(left, [], "no temporary build folder is left");
}

/** The problem lines for a picture, as lead and as body picture of its story. */
function expectRefused(output: string, file: string, message: RegExp): void {
  const md = `articles/hostile/${file.replace(/\W/g, "-")}\\.md`;
  const escaped = file.replace(/\./g, "\\.");
  assert.match(output, new RegExp(`${md}: image\\.src: "\\./${escaped}" ${message.source}`), `${file} as the lead picture`);
  assert.match(output, new RegExp(`${md}: \\(body\\): "/articles/hostile/${escaped}" ${message.source}`), `${file} in the body`);
}

let jpeg: Buffer;
let png: Buffer;
before(async () => {
  const drawing = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900"><defs><linearGradient id="g"><stop offset="0" stop-color="#20603a"/><stop offset="1" stop-color="#e0b040"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/><circle cx="800" cy="450" r="300" fill="#fff"/></svg>`);
  jpeg = await sharp(drawing).jpeg().toBuffer();
  png = await sharp(drawing).resize(160).png().toBuffer();
});

describe("hostile pictures refused by their headers, types, sizes and SVG rules", () => {
  const refused: Array<[string, RegExp]> = [
    ["fake.jpg", /is not a picture \(it holds a web page/],
    ["empty.jpg", /is an empty file \(0 bytes\)/],
    ["bomb.png", /is 50000 × 50000 pixels \(2,500 megapixels\); expected at most 50 megapixels/],
    ["huge.jpg", /is 26 MiB; expected at most 25 MiB/],
    ["renamed.jpg", /is a PNG file named \.jpg; expected the extension to say what the file holds: rename it to \.png/],
    ["xxe.svg", /declares a DOCTYPE or an ENTITY/],
    ["laughs.svg", /declares a DOCTYPE or an ENTITY/],
  ];
  let content: string;
  let output: string;
  let built: Run;
  before(async () => {
    content = site("refused", {
      "fake.jpg": "<!DOCTYPE html><html><body>Not Found</body></html>",
      "empty.jpg": "",
      "bomb.png": pngHeader(50_000, 50_000),
      "huge.jpg": jpeg,
      "renamed.jpg": png,
      "xxe.svg": XXE_SVG,
      "laughs.svg": LAUGHS_SVG,
    });
    truncateSync(path.join(content, "articles/hostile/huge.jpg"), 26 * 1024 * 1024); // sparse: nothing written
    output = previousSite("refused");
    built = await build(content, output, "--no-search");
  });

  it("fail the build, naming each story, field and path, as lead picture and as body picture", () => {
    assert.equal(built.code, 1, built.stderr);
    assert.match(built.stderr, /^Build failed: \d+ content problems in 7 files:/m);
    for (const [file, message] of refused) expectRefused(built.stderr, file, message);
  });

  it("leave the previous site as it was, and no temporary folder", () => assertUntouched(output));

  it("are refused by `npm run check` first, with the same lines", async () => {
    const checked = await check(content);
    assert.equal(checked.code, 1, checked.stdout);
    for (const [file, message] of refused) expectRefused(checked.stderr, file, message);
  });
});

describe("a picture cut short (its header is fine; its encoder refuses it)", () => {
  let content: string;
  let output: string;
  let built: Run;
  before(async () => {
    content = site("cut", { "cut.jpg": jpeg.subarray(0, Math.floor(jpeg.length / 2)) });
    output = previousSite("cut");
    built = await build(content, output, "--no-search");
  });

  it("fails the build once encoding, naming the story, field and path", () => {
    assert.equal(built.code, 1, built.stderr);
    expectRefused(built.stderr, "cut.jpg", /cannot be decoded \(VipsJpeg: Premature end of input file\); expected a picture that opens in an image viewer/);
  });

  it("leaves the previous site as it was, and no temporary folder", () => assertUntouched(output));

  it("is refused by `npm run check` first, which decodes what the cache has not encoded", async () => {
    const checked = await check(content);
    assert.equal(checked.code, 1, checked.stdout);
    expectRefused(checked.stderr, "cut.jpg", /cannot be decoded \(VipsJpeg: Premature end of input file\)/);
  });
});

describe("an SVG with scripts, handlers, javascript: links, foreignObject and outside references", () => {
  let content: string;
  let output: string;
  let built: Run;
  before(async () => {
    content = site("svg", { "drawing.svg": HOSTILE_SVG });
    output = path.join(work, "svg", "_site");
    built = await build(content, output, "--no-search");
  });

  it("passes `npm run check` and builds", async () => {
    assert.equal(built.code, 0, built.stderr);
    const checked = await check(content);
    assert.equal(checked.code, 0, checked.stderr);
  });

  it("is shown from its own address as lead and body picture", () => {
    const html = readFileSync(path.join(output, "news/drawing-svg/index.html"), "utf8");
    assert.match(html, /<figure class="story-lead">\s*<img src="\/articles\/hostile\/drawing\.svg" width="120" height="60"/);
    assert.match(html, /<figure class="body-figure"><img src="\/articles\/hostile\/drawing\.svg"/);
  });

  it("is shared as a JPEG drawn from its clean copy", async () => {
    const html = readFileSync(path.join(output, "news/drawing-svg/index.html"), "utf8");
    const og = /<meta property="og:image" content="https:\/\/test\.example(\/img\/[^"]+-share-v\d+\.jpeg)">/.exec(html)?.[1];
    assert.ok(og, "a share picture");
    const { width, height, format } = await sharp(path.join(output, og)).metadata();
    assert.deepEqual([width, height, format], [1200, 630, "jpeg"]);
  });

  it("is published clean: no script, no on* attribute, no javascript:, no foreignObject, no outside reference", () => {
    const published = readFileSync(path.join(output, "articles/hostile/drawing.svg"), "utf8");
    assert.doesNotMatch(published, ACTIVE_SVG_CONTENT, published);
    assert.match(published, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]* viewBox="0 0 120 60"/, "still the drawing");
    assert.match(published, /<circle cx="30" cy="30" r="20" fill="#e0b040"\/>/);
    for (const file of readdirSync(output, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".svg") && f.startsWith("articles/"))) {
      assert.doesNotMatch(readFileSync(path.join(output, file), "utf8"), ACTIVE_SVG_CONTENT, file);
    }
  });
});

describe("a build that crashes inside the page writer (a broken layout)", () => {
  /** A project of its own: the real engine (src/, the config, node_modules) with a copy of the layouts, story.njk broken. */
  async function brokenProject(name: string, stories = 0, pictures = 0): Promise<string> {
    const project = path.join(work, name);
    mkdirSync(project, { recursive: true });
    for (const entry of ["src", "node_modules", "eleventy.config.ts", "package.json", "tsconfig.json"]) symlinkSync(path.join(root, entry), path.join(project, entry));
    cpSync(path.join(root, "layouts"), path.join(project, "layouts"), { recursive: true });
    const layout = path.join(project, "layouts/story.njk");
    writeFileSync(layout, `{{ khabarBreaksHere() }}${readFileSync(layout, "utf8")}`);
    cpSync(fixture, path.join(project, "content"), { recursive: true });
    // more stories: the search index takes longer than the crash to be written
    // and pictures to encode: their versions are linked into the output well after the crash
    for (let n = 0; n < stories; n++) {
      const image = n < pictures ? `image: { src: ./extra-${n}.jpg, alt: صورة }\n` : "";
      if (image) await sharp({ create: { width: 1300, height: 1000, channels: 3, background: "#000", noise: { type: "gaussian", mean: 100 + n, sigma: 40 } } }).jpeg().toFile(path.join(project, "content/articles", `extra-${n}.jpg`));
      writeFileSync(path.join(project, "content/articles", `extra-${n}.md`), `---\ntitle: خبر إضافي رقم ${n}\ndate: 2025-11-01T09:00:00+03:00\ncategory: economy\nsource: { name: وكالة, url: 'https://wire.example/${n}' }\n${image}---\n${"نص الخبر الطويل ".repeat(200)}\n`);
    }
    return project;
  }

  it("ends there even when the page writer's neighbours are still writing: nothing is left once they would have finished", async () => {
    const { buildSite } = await import("../../src/cli/build.ts");
    const project = await brokenProject("crash-in-process", 300, 2);
    const output = previousSite("crash-in-process");
    const previous = { cache: process.env.KHABAR_IMAGE_CACHE };
    process.env.KHABAR_IMAGE_CACHE = cache;
    try {
      // with the search index: Pagefind writes from its own process, started by work no listener waits for
      await assert.rejects(buildSite({ root: project, output: "_site" }), /Unable to call `khabarBreaksHere`/);
    } finally {
      if (previous.cache === undefined) delete process.env.KHABAR_IMAGE_CACHE;
      else process.env.KHABAR_IMAGE_CACHE = previous.cache;
    }
    for (let waited = 0; waited < 4000; waited += 250) {
      await new Promise((resolve) => setTimeout(resolve, 250)); // in this process, anything still running goes on
      assertUntouched(output);
    }
  });

  it("reports the error and what to do, removes its temporary folder and leaves the previous site", async () => {
    const project = await brokenProject("crash");
    const output = previousSite("crash");
    // with the search index: Pagefind writes from its own process, and must not outlive the failure
    const result = await run([path.join(root, "src/cli/build.ts"), "--output", "_site"], project);
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stderr, /^Build failed: Unable to call `khabarBreaksHere`, which is undefined or falsey$/m);
    assert.match(result.stderr, /layouts\/story\.njk/);
    assert.match(result.stderr, /^Nothing was written; _site is unchanged\.$/m);
    assert.match(result.stderr, /npm run check/);
    await new Promise((resolve) => setTimeout(resolve, 1000)); // anything still writing would show by now
    assertUntouched(output);
    assert.ok(!existsSync(path.join(project, "_site/pagefind")));
  });
});
