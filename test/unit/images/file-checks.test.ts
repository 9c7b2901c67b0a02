// Pictures and videos are validated, not trusted (src/images/file-checks.ts, src/images/svg.ts):
// limits before anything is decoded, the type read from the bytes against the extension, and SVG
// published only as a clean copy. Each hostile file here is one an editor could be sent.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import sharp from "sharp";
import { checkPictureBytes, LIMITS, publishableFile, readPicture, videoProblem } from "../../../src/images/file-checks.ts";
import { embeddedPictureProblem, sanitizeSvg } from "../../../src/images/svg.ts";
import { PictureError } from "../../../src/images/types.ts";
import { ACTIVE_SVG_CONTENT, HOSTILE_SVG, LAUGHS_SVG, pngHeader, XXE_SVG } from "./hostile-files.ts";

const work = mkdtempSync(path.join(tmpdir(), "khabar-file-checks-"));
after(() => rmSync(work, { recursive: true, force: true }));

const SVG = 'xmlns="http://www.w3.org/2000/svg"';
const svg = (inside: string, attributes = "") => Buffer.from(`<svg ${SVG} xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 100 50" width="100" height="50"${attributes}>${inside}</svg>`);
const clean = (bytes: Buffer) => sanitizeSvg(bytes, { maxPixels: LIMITS.pixels }).toString("utf8");
const refusal = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    assert.ok(error instanceof PictureError, `a PictureError, not ${String(error)}`);
    return error.message;
  }
  assert.fail("not refused");
};

let jpeg: Buffer;
let png: Buffer;
before(async () => {
  const drawing = Buffer.from(`<svg ${SVG} width="40" height="30"><rect width="40" height="30" fill="#0b4f8a"/></svg>`);
  jpeg = await sharp(drawing).jpeg().toBuffer();
  png = await sharp(drawing).png().toBuffer();
});

describe("raster pictures", () => {
  it("pass with their size and type when the bytes are what the extension says", () => {
    const checked = checkPictureBytes(jpeg, "jpg");
    assert.deepEqual([checked.type, checked.width, checked.height], ["jpg", 40, 30]);
    assert.equal(checked.bytes, jpeg, "a raster picture is used as it is");
    assert.equal(checkPictureBytes(jpeg, "JPEG").type, "jpg");
    assert.equal(checkPictureBytes(png, "png").type, "png");
  });

  it("refuses a text file named .jpg, saying what it holds", () => {
    assert.match(refusal(() => checkPictureBytes(Buffer.from("<!DOCTYPE html><html><body>404</body></html>"), "jpg")), /^is not a picture \(it holds a web page \(HTML\).*\); expected a \.jpg file to hold a JPEG picture$/);
    assert.match(refusal(() => checkPictureBytes(Buffer.from("just some words"), "png")), /^is not a picture \(it holds text\); expected a \.png file to hold a PNG picture$/);
  });

  it("refuses an empty file", () => {
    assert.match(refusal(() => checkPictureBytes(Buffer.alloc(0), "jpg")), /^is an empty file \(0 bytes\); expected a JPEG, PNG, WebP, AVIF, GIF or SVG picture$/);
  });

  it("refuses a picture whose bytes are another type than its extension says", () => {
    assert.equal(refusal(() => checkPictureBytes(png, "jpg")), "is a PNG file named .jpg; expected the extension to say what the file holds: rename it to .png");
    assert.match(refusal(() => checkPictureBytes(jpeg, "svg")), /^is a JPEG file named \.svg/);
  });

  it("refuses a header claiming more pixels than the limit (50,000 × 50,000), before any decoding", () => {
    const bomb = pngHeader(50_000, 50_000);
    assert.ok(bomb.length < 100, "a few bytes on disk");
    assert.equal(refusal(() => checkPictureBytes(bomb, "png")), "is 50000 × 50000 pixels (2,500 megapixels); expected at most 50 megapixels: scale it down");
    assert.equal(checkPictureBytes(pngHeader(5000, 5000), "png").width, 5000, "25 megapixels is fine");
    assert.match(refusal(() => checkPictureBytes(png, "png", { limits: { pixels: 40 * 30 - 1 } })), /^is 40 × 30 pixels \(1,200 pixels\); expected at most 1,199 pixels/);
  });

  it("refuses a file over the size limit", () => {
    assert.equal(LIMITS.pictureBytes, 25 * 1024 * 1024);
    assert.match(refusal(() => checkPictureBytes(jpeg, "jpg", { limits: { pictureBytes: 100 } })), /^is \d+ bytes; expected at most 100 bytes: save it smaller/);
  });

  it("measures a file on disk before reading it: a 26 MiB file is refused unread, a folder is no picture", () => {
    const big = path.join(work, "big.jpg");
    writeFileSync(big, jpeg);
    truncateSync(big, 26 * 1024 * 1024); // sparse: no 26 MiB written
    assert.match(refusal(() => readPicture(big)), /^is 26 MiB; expected at most 25 MiB/);
    mkdirSync(path.join(work, "folder.png"));
    assert.match(refusal(() => readPicture(path.join(work, "folder.png"))), /^is not a file/);
    assert.match(refusal(() => readPicture(path.join(work, "photo.bmp"))), /^has the extension "\.bmp"; expected a JPEG, PNG, WebP, AVIF, GIF or SVG picture/);
  });
});

describe("SVG pictures", () => {
  it("keep their drawing: the sample site's source logo comes through with its title, text and viewBox", () => {
    const logo = Buffer.from(`<svg ${SVG} viewBox="0 0 64 64" width="64" height="64" role="img" aria-labelledby="t"><title id="t">العربية</title><defs><linearGradient id="g" gradientUnits="userSpaceOnUse"><stop offset="0" stop-color="#fff"/></linearGradient><clipPath id="c"><rect width="5" height="5"/></clipPath></defs><rect width="64" height="64" rx="14" fill="url(#g)" clip-path="url(#c)"/><use href="#r"/><text x="32" y="27" font-size="36">ع</text></svg>`);
    const result = clean(logo);
    for (const kept of ['viewBox="0 0 64 64"', 'role="img"', "<title", "العربية", "<linearGradient", 'gradientUnits="userSpaceOnUse"', "<clipPath", 'fill="url(#g)"', 'clip-path="url(#c)"', '<use href="#r"/>', ">ع</text>"]) {
      assert.ok(result.includes(kept), `${kept} in ${result}`);
    }
    const checked = checkPictureBytes(logo, "svg");
    assert.deepEqual([checked.type, checked.width, checked.height], ["svg", 64, 64]);
  });

  it("lose scripts, event handlers and javascript: addresses", () => {
    const result = clean(
      svg(
        '<script>alert(1)</script><script xlink:href="https://evil.example/x.js"/><a href="javascript:alert(1)"><rect width="10" height="10" onclick="alert(2)"/></a><a xlink:href="javascript:alert(3)"><circle r="4"/></a>' +
          '<animate attributeName="href" to="javascript:alert(4)"/><set attributeName="onmouseover" to="alert(5)"/><rect width="1" height="1" style="fill:red" onmouseover="alert(6)"/>',
        ' onload="alert(0)"',
      ),
    );
    assert.doesNotMatch(result, /<script|alert|javascript:|\son\w+=|<animate|<set/i, result);
    assert.match(result, /<rect width="10" height="10"\/>/, "the drawing stays");
  });

  it("lose <foreignObject> and the HTML inside it", () => {
    const result = clean(svg('<foreignObject width="100" height="50"><div xmlns="http://www.w3.org/1999/xhtml"><iframe src="https://evil.example/"></iframe><img src="x" onerror="alert(1)"/></div></foreignObject><circle r="5"/>'));
    assert.doesNotMatch(result, /foreignObject|<div|<iframe|<img|onerror/i, result);
    assert.match(result, /<circle r="5"\/>/);
  });

  it("lose every reference to another file or site: file:, http(s), relative paths, CSS that loads", () => {
    const result = clean(
      svg(
        '<image href="file:///etc/passwd" width="10" height="10"/><image xlink:href="../../secret.png" width="10" height="10"/><use href="https://evil.example/sprite.svg#a"/><use xlink:href="other.svg#b"/>' +
          '<feImage href="https://evil.example/t.png"/><rect width="5" height="5" fill="url(https://evil.example/p.svg#g)"/><rect width="6" height="6" style="fill: url(\'https://evil.example/x\')"/>' +
          '<rect width="7" height="7" style="fill: u\\72l(https://evil.example/y)"/><style>@import url("https://evil.example/s.css"); rect { fill: red }</style><style>.a { background: image-set("https://evil.example/i.png" 1x) }</style>',
      ),
    );
    assert.doesNotMatch(result, /etc\/passwd|evil\.example|secret\.png|other\.svg|@import|image-set|\\72/, result);
    assert.match(result, /<image width="10" height="10"\/>/, "the element stays, without its address");
  });

  it("keep internal references, and an embedded raster picture only within the limits", async () => {
    const small = (await sharp({ create: { width: 4, height: 4, channels: 3, background: "#a3161a" } }).png().toBuffer()).toString("base64");
    const bomb = pngHeader(50_000, 50_000).toString("base64");
    const result = clean(svg(`<image id="ok" href="data:image/png;base64,${small}" width="4" height="4"/><image id="bomb" href="data:image/png;base64,${bomb}" width="4" height="4"/><image id="nested" href="data:image/svg+xml;base64,${Buffer.from("<svg/>").toString("base64")}"/><use href="#ok"/>`));
    assert.match(result, new RegExp(`<image id="ok" href="data:image/png;base64,${small.replace(/[+/]/g, "\\$&")}"`));
    assert.match(result, /<image id="bomb" width="4" height="4"\/>/);
    assert.match(result, /<image id="nested"\/>/);
    assert.match(result, /<use href="#ok"\/>/);
    assert.match(embeddedPictureProblem(`data:image/png;base64,${bomb}`, LIMITS.pixels)!, /50000 × 50000/);
    assert.match(embeddedPictureProblem(`data:image/jpeg;base64,${small}`, LIMITS.pixels)!, /claims image\/jpeg but holds png/);
  });

  it("come out of the build test's hostile drawing with none of it left", () => {
    const result = clean(Buffer.from(HOSTILE_SVG));
    assert.doesNotMatch(result, ACTIVE_SVG_CONTENT, result);
    assert.match(result, /<circle cx="30" cy="30" r="20" fill="#e0b040"\/>/);
  });

  it("are refused with a DOCTYPE or ENTITY declaration: external entities and billion laughs", () => {
    const external = Buffer.from(XXE_SVG);
    const laughs = Buffer.from(LAUGHS_SVG);
    const plain = Buffer.from(`<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd"><svg ${SVG} width="10" height="10"/>`);
    for (const bytes of [external, laughs, plain]) {
      assert.match(refusal(() => checkPictureBytes(bytes, "svg")), /^declares a DOCTYPE or an ENTITY, .*; expected an SVG without one/);
    }
  });

  it("are refused when they are not a well-formed <svg> document", () => {
    assert.match(refusal(() => clean(Buffer.from(`<svg ${SVG}><rect></svg>`))), /^is not well-formed XML \(/);
    assert.match(refusal(() => clean(Buffer.from("<svg><rect/></svg>"))), /^has <svg> without xmlns as its root; expected <svg xmlns="http:\/\/www\.w3\.org\/2000\/svg">/);
    assert.match(refusal(() => clean(Buffer.from('<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>'))), /^has <html> in http:\/\/www\.w3\.org\/1999\/xhtml as its root/);
    assert.match(refusal(() => checkPictureBytes(Buffer.from("not a drawing"), "svg")), /^is not well-formed XML/);
    assert.match(refusal(() => checkPictureBytes(Buffer.from([0xff, 0xfe, 0x3c, 0x00]), "svg")), /^is not UTF-8 text/);
  });

  it("are drawn by sharp from the clean copy (no file is read through them)", async () => {
    const checked = checkPictureBytes(svg('<rect width="100" height="50" fill="#20603a"/><image href="file:///etc/passwd" width="100" height="50"/>'), "svg");
    assert.doesNotMatch(checked.bytes.toString(), /passwd/);
    const { info } = await sharp(checked.bytes).resize(200).png().toBuffer({ resolveWithObject: true });
    assert.deepEqual([info.width, info.height], [200, 100]);
  });

  it("keep their clean copy in the cache folder when given one, and only read it when told not to write", () => {
    const cacheDir = path.join(work, "svg-cache");
    const bytes = svg('<rect width="3" height="3"/>');
    const readOnly = checkPictureBytes(bytes, "svg", { cacheDir, writeCache: false });
    assert.deepEqual(readdirSync(work).includes("svg-cache"), false, "nothing written when checking");
    const written = checkPictureBytes(bytes, "svg", { cacheDir });
    assert.deepEqual(readdirSync(cacheDir), [written.cleanCopy]);
    assert.equal(readOnly.bytes.toString(), written.bytes.toString());
  });
});

describe("videos", () => {
  const mp4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from("ftypisom"), Buffer.alloc(20)]);
  const webm = Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84]), Buffer.from("webm"), Buffer.alloc(20)]);
  const mkv = Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x82, 0x88]), Buffer.from("matroska"), Buffer.alloc(20)]);

  it("pass when the container's first bytes are what the extension says", () => {
    assert.equal(videoProblem(mp4, "mp4"), undefined);
    assert.equal(videoProblem(webm, "webm"), undefined);
  });

  it("are refused when they are something else, empty, or too large", () => {
    assert.match(videoProblem(webm, "mp4")!, /^is not an MP4 video \(it is a WebM video: rename it to \.webm\)/);
    assert.match(videoProblem(mp4, "webm")!, /^is not a WebM video \(it is an MP4 video: rename it to \.mp4\)/);
    assert.match(videoProblem(mkv, "webm")!, /Matroska/);
    assert.match(videoProblem(Buffer.from("<html>video</html>"), "mp4")!, /^is not an MP4 video \(it holds/);
    assert.match(videoProblem(Buffer.alloc(0), "mp4")!, /^is an empty file/);
    assert.match(videoProblem(mp4, "mp4", { limits: { videoBytes: 10 } })!, /^is 32 bytes; expected at most 10 bytes: publish it on a video site/);
    assert.equal(LIMITS.videoBytes, 25 * 1024 * 1024);
  });
});

describe("publishableFile (what the build copies into the output)", () => {
  const file = (name: string, bytes: Buffer | string) => {
    const target = path.join(work, "publish", name);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, bytes);
    return target;
  };

  it("gives a checked picture's bytes as they are, and an SVG's clean copy", async () => {
    assert.deepEqual(await publishableFile(file("photo.jpg", jpeg)), { bytes: jpeg });
    const result = await publishableFile(file("logo.svg", svg('<rect width="1" height="1"/>', ' onload="alert(1)"')));
    assert.ok("bytes" in result);
    assert.doesNotMatch(result.bytes.toString(), /onload|alert/);
    assert.match(result.bytes.toString(), /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  });

  it("gives a video's bytes when its container is right", async () => {
    const mp4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from("ftypmp42"), Buffer.alloc(20)]);
    assert.deepEqual(await publishableFile(file("clip.mp4", mp4)), { bytes: mp4 });
  });

  it("gives the problem of any other file, to be read after its path", async () => {
    const problem = async (name: string, bytes: Buffer | string, limits = {}) => {
      const result = await publishableFile(file(name, bytes), { limits });
      assert.ok("problem" in result, `${name} refused`);
      return result.problem;
    };
    assert.match(await problem("fake.jpg", "<html>not a picture</html>"), /^is not a picture \(it holds a web page/);
    assert.match(await problem("empty.png", ""), /^is an empty file/);
    assert.match(await problem("bomb.png", pngHeader(50_000, 50_000)), /^is 50000 × 50000 pixels/);
    assert.match(await problem("large.jpg", jpeg, { pictureBytes: 64 }), /^is \d+ bytes; expected at most 64 bytes/);
    assert.match(await problem("xxe.svg", `<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg ${SVG}>&x;</svg>`), /^declares a DOCTYPE or an ENTITY/);
    assert.match(await problem("fake.mp4", "<html>not a video</html>"), /^is not an MP4 video/);
    assert.match(await problem("notes.txt", "text"), /^has the extension "\.txt"; expected a JPEG, PNG, WebP, AVIF, GIF or SVG picture or an \.mp4 or \.webm video$/);
    assert.match(await problem("page.html", "<p>x</p>"), /^has the extension "\.html"/);
    const missing = await publishableFile(path.join(work, "publish", "gone.jpg"));
    assert.deepEqual(missing, { problem: "cannot be found; expected a file under content/" });
  });
});
