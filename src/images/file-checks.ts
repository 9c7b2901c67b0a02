// Files from editors and sources are validated, never trusted: before a picture is measured,
// encoded or published, and before a video is published, its file is checked against limits and its
// bytes must be what its name says. The same checks run in `npm run check` (through the picture
// pipeline's checking mode), in the build (the pipeline), and on every file the build copies into the
// output (`publishableFile`), so what `check` passes builds, and what the build refuses `check` named.
//
// - Size: at most 25 MiB for a picture or a video: Cloudflare Pages, one of the hosts in
//   docs/deploying.md, serves no file larger, and the original of a picture is published too.
//   A longer video belongs on a video site (a YouTube or Vimeo address) or at an http(s) address.
// - Pixels: at most 50 megapixels (width × height from the header, and sharp's limitInputPixels
//   when encoding): a PNG whose header claims 50,000 × 50,000 pixels is a few bytes on disk and
//   gigabytes once decoded.
// - Type: the type read from the bytes must be the one the extension names (a web page saved as
//   .jpg, a PNG renamed .jpg, an empty file: refused, naming what the file is).
// - SVG: cleaned before it is published or drawn (src/images/svg.ts).
// - Video: .mp4 must start as an ISO media file (an `ftyp` box), .webm as a WebM file (EBML header,
//   document type "webm").
import { readFileSync, statSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { imageSize } from "image-size";
import { sanitizedCacheName, sanitizeSvg } from "./svg.ts";
import { PictureError } from "./types.ts";

const MiB = 1024 * 1024;

export interface FileLimits {
  /** Largest picture file, in bytes. */
  pictureBytes: number;
  /** Largest picture, in pixels (width × height); also sharp's `limitInputPixels`. */
  pixels: number;
  /** Largest video file, in bytes. */
  videoBytes: number;
}

export const LIMITS: Readonly<FileLimits> = Object.freeze({ pictureBytes: 25 * MiB, pixels: 50_000_000, videoBytes: 25 * MiB });

export interface CheckOptions {
  /** Smaller limits (tests); the rest are `LIMITS`. */
  limits?: Partial<FileLimits>;
  /** The picture cache, where clean copies of SVG pictures are kept between builds. */
  cacheDir?: string;
  /** False: use clean SVG copies already in cacheDir but write none (`npm run check`). */
  writeCache?: boolean;
}

/** Picture types by extension, as image-size names them. */
export const PICTURE_TYPES: Readonly<Record<string, string>> = { jpg: "jpg", jpeg: "jpg", png: "png", webp: "webp", avif: "avif", gif: "gif", svg: "svg" };
const VIDEO_EXTENSIONS = new Set(["mp4", "webm"]);
const TYPE_NAMES: Record<string, string> = { jpg: "JPEG", png: "PNG", webp: "WebP", avif: "AVIF", gif: "GIF", svg: "SVG", tiff: "TIFF", bmp: "BMP", heif: "HEIF", ico: "icon", psd: "Photoshop" };
const PICTURES_EXPECTED = "a JPEG, PNG, WebP, AVIF, GIF or SVG picture";

/** A picture whose file passed every check. */
export interface CheckedPicture {
  /** The bytes to encode and publish: the file's, or for SVG the clean copy. */
  bytes: Buffer;
  /** As image-size names it: jpg, png, webp, avif, gif or svg. */
  type: string;
  /** Stored size, before the EXIF orientation is applied. */
  width: number;
  height: number;
  /** EXIF orientation, 1 (upright) to 8. */
  orientation: number;
  /** SVG: the file name of its clean copy in the cache folder (when one was given). */
  cleanCopy?: string;
}

const limitsOf = (options: CheckOptions): FileLimits => ({ ...LIMITS, ...options.limits });
const extensionOf = (file: string) => path.extname(file).slice(1).toLowerCase();
const typeName = (type: string) => TYPE_NAMES[type] ?? type.toUpperCase();
/** 25 MiB, 1.5 MiB, 300 KiB, 12 bytes. */
function amount(bytes: number): string {
  // rounded up, so a file just over the limit never reads as the limit itself
  if (bytes >= MiB) return `${Math.ceil((bytes / MiB) * 10) / 10} MiB`;
  if (bytes >= 1024) return `${Math.ceil(bytes / 1024)} KiB`;
  return `${bytes} bytes`;
}

/** The problem with a file of `size` bytes that may hold at most `limit`, or undefined. */
function sizeProblem(size: number, limit: number, what: "picture" | "video"): string | undefined {
  if (size === 0) return `is an empty file (0 bytes); expected ${what === "picture" ? PICTURES_EXPECTED : "an MP4 or WebM video"}`;
  if (size > limit) {
    const advice = what === "picture" ? "save it smaller (2,400 px across is plenty for a news page)" : "publish it on a video site or at an http(s) address and give that address";
    return `is ${amount(size)}; expected at most ${amount(limit)}: ${advice}`;
  }
  return undefined;
}

function extensionProblem(extension: string): string {
  return `has the extension "${extension ? `.${extension}` : ""}"; expected ${PICTURES_EXPECTED} (.jpg, .jpeg, .png, .webp, .avif, .gif or .svg)`;
}

/** What a file that is no picture seems to hold, for the message. */
function looksLike(bytes: Buffer): string {
  const head = bytes.subarray(0, 512).toString("utf8");
  if (/^\s*</.test(head) && /<html|<!doctype html|<head|<body/i.test(head)) return "it holds a web page (HTML), perhaps saved under a picture's name";
  if (/^[\t\n\r\x20-\x7e\u00a0-\uffff]*$/.test(head.replace(/\uFFFD$/, ""))) return "it holds text";
  return "its bytes are no picture";
}

/**
 * Checks the bytes of a picture named with `extension` (jpg, png, …, svg). Throws PictureError
 * with what is wrong and what is expected; returns the bytes to use (for SVG, the clean copy).
 */
export function checkPictureBytes(bytes: Buffer, extension: string, options: CheckOptions = {}): CheckedPicture {
  const limits = limitsOf(options);
  const expected = PICTURE_TYPES[extension.toLowerCase()];
  if (!expected) throw new PictureError(extensionProblem(extension));
  const problem = sizeProblem(bytes.length, limits.pictureBytes, "picture");
  if (problem) throw new PictureError(problem);
  let size: ReturnType<typeof imageSize> | undefined;
  try {
    size = imageSize(bytes);
  } catch {
    // not a picture image-size knows; an SVG it missed is judged by the SVG rules below
  }
  if (size?.type && size.type !== expected) {
    const rename = PICTURE_TYPES[size.type] ? `: rename it to .${size.type}` : "";
    throw new PictureError(`is a ${typeName(size.type)} file named .${extension}; expected the extension to say what the file holds${rename}`);
  }
  let cleanCopy: string | undefined;
  if (expected === "svg") {
    const clean = sanitizeSvg(bytes, { maxPixels: limits.pixels, cacheDir: options.cacheDir, writeCache: options.writeCache });
    if (options.cacheDir) cleanCopy = sanitizedCacheName(bytes, limits.pixels);
    try {
      size = imageSize(clean);
    } catch {
      size = undefined;
    }
    if (!size?.width || !size.height) throw new PictureError("gives no size; expected an SVG with width and height, or a viewBox");
    bytes = clean;
  } else if (!size?.type) {
    throw new PictureError(`is not a picture (${looksLike(bytes)}); expected a .${extension} file to hold ${expected === "jpg" ? "a JPEG" : `a ${typeName(expected)}`} picture`);
  }
  if (!size.width || !size.height) throw new PictureError(`gives no size in its header; expected ${PICTURES_EXPECTED}`);
  if (size.width * size.height > limits.pixels) {
    const mp = (n: number) => (n >= 1e6 ? `${Math.round(n / 1e6).toLocaleString("en")} megapixels` : `${n.toLocaleString("en")} pixels`);
    throw new PictureError(`is ${size.width} × ${size.height} pixels (${mp(size.width * size.height)}); expected at most ${mp(limits.pixels)}: scale it down`);
  }
  return { bytes, type: expected, width: size.width, height: size.height, orientation: size.orientation ?? 1, cleanCopy };
}

/** Reads a picture file and checks it (size before reading, then its bytes). Throws PictureError. */
export function readPicture(file: string, options: CheckOptions = {}): CheckedPicture {
  const extension = extensionOf(file);
  if (!PICTURE_TYPES[extension]) throw new PictureError(extensionProblem(extension));
  const problem = fileProblem(file, limitsOf(options).pictureBytes, "picture");
  if (problem) throw new PictureError(problem);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new PictureError(`cannot be read (${(error as Error).message}); expected a file the build may read`);
  }
  return checkPictureBytes(bytes, extension, options);
}

function fileProblem(file: string, limit: number, what: "picture" | "video"): string | undefined {
  let info;
  try {
    info = statSync(file);
  } catch {
    return "cannot be found; expected a file under content/";
  }
  if (!info.isFile()) return `is not a file; expected ${what === "picture" ? PICTURES_EXPECTED : "an MP4 or WebM video"}`;
  return sizeProblem(info.size, limit, what);
}

/** What is wrong with the bytes of a video named with `extension` (mp4 or webm), or undefined. */
export function videoProblem(bytes: Buffer, extension: string, options: CheckOptions = {}): string | undefined {
  const ext = extension.toLowerCase();
  if (!VIDEO_EXTENSIONS.has(ext)) return `has the extension ".${extension}"; expected an .mp4 or .webm video`;
  const problem = sizeProblem(bytes.length, limitsOf(options).videoBytes, "video");
  if (problem) return problem;
  const mp4 = bytes.length >= 12 && bytes.toString("latin1", 4, 8) === "ftyp";
  const ebml = bytes.length >= 4 && bytes.readUInt32BE(0) === 0x1a45dfa3;
  const webm = ebml && bytes.subarray(0, 64).includes(Buffer.from([0x42, 0x82])) && bytes.subarray(0, 64).includes("webm");
  if (ext === "mp4" && !mp4) return `is not an MP4 video (${webm ? "it is a WebM video: rename it to .webm" : looksLike(bytes)}); expected an .mp4 file to hold an MP4 video`;
  if (ext === "webm" && !webm) {
    const what = mp4 ? "it is an MP4 video: rename it to .mp4" : ebml ? "it is a Matroska file, not WebM" : looksLike(bytes);
    return `is not a WebM video (${what}); expected a .webm file to hold a WebM video`;
  }
  return undefined;
}

/**
 * A file from content/ as it may be copied into the output, or the problem that keeps it out: a
 * picture passes the picture checks (an SVG is replaced by its clean copy), a video its size limit
 * and a look at its container's first bytes; any other kind of file is refused. The problem reads
 * after the file's path (`"./x.jpg" is a PNG file named .jpg; expected …`). Reads the file once, and
 * only after its size is known to be within the limit.
 */
export async function publishableFile(absolutePath: string, options: CheckOptions = {}): Promise<{ bytes: Buffer } | { problem: string }> {
  const extension = extensionOf(absolutePath);
  const video = VIDEO_EXTENSIONS.has(extension);
  if (!video && !PICTURE_TYPES[extension]) {
    return { problem: `has the extension "${extension ? `.${extension}` : ""}"; expected ${PICTURES_EXPECTED} or an .mp4 or .webm video` };
  }
  const limits = limitsOf(options);
  let info;
  try {
    info = await stat(absolutePath);
  } catch {
    return { problem: "cannot be found; expected a file under content/" };
  }
  const problem = info.isFile() ? sizeProblem(info.size, video ? limits.videoBytes : limits.pictureBytes, video ? "video" : "picture") : "is not a file";
  if (problem) return { problem };
  const bytes = await readFile(absolutePath);
  if (video) {
    const wrong = videoProblem(bytes, extension, options);
    return wrong ? { problem: wrong } : { bytes };
  }
  try {
    return { bytes: checkPictureBytes(bytes, extension, options).bytes };
  } catch (error) {
    if (error instanceof PictureError) return { problem: error.message };
    throw error;
  }
}
