// Local pictures through @11ty/eleventy-img: responsive AVIF/WebP/JPEG (or PNG) versions for the
// page, a 1200x630 share picture and 16:9 / 4:3 / 1:1 crops for search engines.
//
// Everything a page needs to know (URLs, widths, heights) is computed synchronously from the
// picture's header and eleventy-img's stats (`statsByDimensionsSync`), so Markdown bodies keep
// rendering synchronously; the encoding itself is queued at once and awaited by `finish()`.
//
// Encoded files live in a persistent cache folder (.cache/images/, git-ignored) named by a hash of
// the source picture and the encoder settings: a picture already there is never encoded again.
// Each encode writes into a private temporary folder and renames its files into the cache, so two
// builds running at once never see half-written files. `writeTo()` then hard-links (or copies) the
// files this build uses into the output folder, which the production build swaps in whole.
//
// Pictures are validated, not trusted (src/images/file-checks.ts): a picture is read only from inside
// content/, within the size limit, of the type its extension names, within the pixel limit, and an
// SVG only as its clean copy. What is encoded (and drawn, for SVG) is those checked bytes, never the
// path. `npm run check` runs the same pipeline with `checkOnly`: every check, and a decode (no encode)
// of each picture the cache has no versions of, writing nothing; so what check passes builds.
import { existsSync } from "node:fs";
import { copyFile, link, mkdir, mkdtemp, rename, rm } from "node:fs/promises";
import path from "node:path";
import Image, { type ImageOptions, type ImageStat } from "@11ty/eleventy-img";
import sharp from "sharp";
import { realFileInside } from "../content/path-rule.ts";
import { ContentError, type ContentProblem } from "../content/problems.ts";
import { LIMITS, readPicture, type CheckedPicture, type CheckOptions, type FileLimits } from "./file-checks.ts";
import { PictureError, type ImageVariant, type ResponsiveImage } from "./types.ts";

/** Widths of the responsive versions (never wider than the source). */
export const WIDTHS = [400, 800, 1200];
/** Open Graph / X card picture. */
export const SHARE_SIZE = { width: 1200, height: 630 };
/** Crops Google asks for in NewsArticle JSON-LD, each at least 1200 px wide. */
export const CROPS = [
  { label: "16x9", width: 1200, height: 675 },
  { label: "4x3", width: 1200, height: 900 },
  { label: "1x1", width: 1200, height: 1200 },
];
/** Raster source logos are shown at 32 CSS px: one version for screens up to 2x. */
export const LOGO_WIDTH = 64;

/** Encoder settings; they are part of every output's hash, so changing one re-encodes. */
const ENCODER: ImageOptions = {
  // AVIF effort 2: a fifth of the default's encoding time for files a few per cent larger.
  sharpAvifOptions: { quality: 50, effort: 2 },
  sharpWebpOptions: { quality: 75 },
  sharpJpegOptions: { quality: 78, mozjpeg: true, progressive: true },
  sharpPngOptions: { compressionLevel: 9 },
};
/** Bump when a crop's transform changes (transforms are not part of eleventy-img's hash). */
const CROP_VERSION = "v1";

export interface PicturesOptions {
  /** The content/ folder: site URLs of pictures are paths under it. */
  contentDir: string;
  /** Persistent folder of encoded files. */
  cacheDir: string;
  /** Site path the encoded files are served under. */
  urlPath?: string;
  /** `npm run check`: every check, and a decode of each picture the cache holds no versions of; no encode, nothing written. */
  checkOnly?: boolean;
  /** Smaller limits (tests); the rest are file-checks.ts's LIMITS. */
  limits?: Partial<FileLimits>;
}

/** Where a picture is asked for: the story or registry file, the field, and the path as written there. */
export interface PictureUse {
  file: string;
  field: string;
  written: string;
}

interface SourceInfo {
  /** The real file, inside content/. */
  file: string;
  width: number;
  height: number;
  type: string;
}

interface Job {
  file: string;
  /** The checked bytes (for SVG the clean copy): what is encoded is what was checked. */
  bytes: Buffer;
  options: ImageOptions;
  /** Output file names this job writes. */
  outputs: string[];
}

const RASTER = new Set(["jpg", "png", "webp", "avif", "gif"]);
/** Pictures the share picture and the JSON-LD crops can be made from: raster ones, and SVG drawn to size. */
const CROPPABLE = new Set([...RASTER, "svg"]);

export class Pictures {
  readonly contentDir: string;
  readonly cacheDir: string;
  readonly urlPath: string;
  readonly checkOnly: boolean;
  readonly limits: Readonly<FileLimits>;
  #sources = new Map<string, SourceInfo>();
  #responsive = new Map<string, ResponsiveImage | null>();
  /** Encodes (or, checking, decodes) under way, by what they write (or by file). */
  #jobs = new Map<string, Promise<void>>();
  /** Output files (under urlPath) this build uses. */
  #used = new Set<string>();
  /** Other cache files this build uses (clean SVG copies): kept by pruning, not published. */
  #kept = new Set<string>();
  #failures: Array<{ file: string; error: unknown }> = [];
  /** Each picture's users, by real file, then by file and field. */
  #users = new Map<string, Map<string, PictureUse>>();
  #use?: PictureUse;
  /** The last picture read: its versions, share picture and crops are asked for one after another. */
  #recent?: { file: string; picture: CheckedPicture };

  constructor({ contentDir, cacheDir, urlPath = "/img/", checkOnly = false, limits }: PicturesOptions) {
    this.contentDir = contentDir;
    this.cacheDir = path.resolve(cacheDir);
    this.urlPath = urlPath.endsWith("/") ? urlPath : `${urlPath}/`;
    this.checkOnly = checkOnly;
    this.limits = Object.freeze({ ...LIMITS, ...limits });
  }

  /** Forgets what the last build used (the preview server rebuilds with the same instance). */
  reset(): void {
    this.#sources.clear();
    this.#responsive.clear();
    this.#jobs.clear();
    this.#used.clear();
    this.#kept.clear();
    this.#failures = [];
    this.#users.clear();
    this.#recent = undefined;
  }

  /**
   * Runs `step` (which asks for pictures) on behalf of a story or registry field: a picture it asks
   * for that later cannot be decoded is reported against that file and field.
   */
  usedBy<T>(use: PictureUse, step: () => T): T {
    const outer = this.#use;
    this.#use = use;
    try {
      return step();
    } finally {
      this.#use = outer;
    }
  }

  /** Pixel size and type of a local picture, from its checked header. Throws PictureError. */
  source(siteUrl: string): SourceInfo {
    const known = this.#sources.get(siteUrl);
    if (known) {
      this.#noteUse(known.file);
      return known;
    }
    const written = path.join(this.contentDir, ...siteUrl.split("/").filter(Boolean).map((part) => decodeURIComponent(part)));
    // The real file, inside content/: a symbolic link leading out of it is never followed.
    const file = realFileInside(this.contentDir, written);
    if (!file) throw new PictureError("cannot be found inside content/ (a symbolic link leading out of it is not followed); expected a picture file under content/");
    this.#noteUse(file);
    const { width, height, type, orientation } = this.#read(file);
    // EXIF orientations 5-8 turn the picture a quarter: the encoders write it upright.
    const turned = orientation >= 5;
    const info: SourceInfo = { file, width: turned ? height : width, height: turned ? width : height, type };
    this.#sources.set(siteUrl, info);
    return info;
  }

  /** Responsive versions of a local raster picture; null for SVG (served as it is). */
  responsive(siteUrl: string): ResponsiveImage | null {
    if (this.#responsive.has(siteUrl)) return this.#responsive.get(siteUrl)!;
    const info = this.source(siteUrl);
    if (!RASTER.has(info.type)) {
      this.#responsive.set(siteUrl, null);
      return null;
    }
    const fallback = info.type === "png" || info.type === "gif" ? "png" : "jpeg";
    const options: ImageOptions = { ...ENCODER, widths: WIDTHS, formats: ["avif", "webp", fallback] };
    const stats = this.#queue(info, options);
    const byFormat = (format: string) => stats.filter((s) => s.format === format).sort((a, b) => a.width - b.width);
    const fallbacks = byFormat(fallback);
    const largest = fallbacks.at(-1)!;
    const middle = fallbacks.find((s) => s.width >= 800) ?? largest;
    const result: ResponsiveImage = {
      src: middle.url,
      width: largest.width,
      height: largest.height,
      sources: ["avif", "webp", fallback].map((format) => ({ type: byFormat(format)[0]!.sourceType, srcset: byFormat(format).map((s) => s.srcset).join(", ") })),
    };
    this.#responsive.set(siteUrl, result);
    return result;
  }

  /** The 1200x630 share picture (JPEG), cropped around the most salient part; enlarged when the source is smaller.
   * An SVG is drawn at that size (sharp renders vectors at the size asked for): share previews
   * (Facebook, X, WhatsApp, Telegram) do not show SVG. */
  share(siteUrl: string): ImageVariant | undefined {
    if (!CROPPABLE.has(this.source(siteUrl).type)) return undefined;
    return this.#crop(siteUrl, { label: "share", ...SHARE_SIZE });
  }

  /** 16:9, 4:3 and 1:1 crops 1200 px wide, each only when the source holds that crop at 1200 px or more
   * (an SVG holds every crop at any size). */
  crops(siteUrl: string): ImageVariant[] {
    const info = this.source(siteUrl);
    if (!CROPPABLE.has(info.type)) return [];
    const holds = ({ width, height }: { width: number; height: number }) => info.type === "svg" || Math.min(info.width, (info.height * width) / height) >= width;
    return CROPS.filter(holds).map((crop) => this.#crop(siteUrl, crop));
  }

  /** A source logo: SVG as it is, raster pictures as one 64 px wide WebP. */
  logo(siteUrl: string): ImageVariant {
    const info = this.source(siteUrl);
    if (!RASTER.has(info.type)) return { url: siteUrl, width: info.width, height: info.height };
    const stats = this.#queue(info, { ...ENCODER, widths: [LOGO_WIDTH], formats: ["webp"] });
    const stat = stats[0]!;
    return { url: stat.url, width: stat.width, height: stat.height };
  }

  /**
   * Waits for every queued encode (or, checking, decode) and returns the pictures that failed as
   * content problems, each against every story or registry field that uses it. Throws a plain Error
   * when the cache folder itself could not be written (no content problem: the disk or permissions).
   */
  async problems(): Promise<ContentProblem[]> {
    await Promise.all(this.#jobs.values());
    const system = this.#failures.find(({ error }) => isSystemError(error));
    if (system) {
      const { code, message } = system.error as NodeJS.ErrnoException;
      throw new Error(`Could not write encoded pictures into ${path.relative(process.cwd(), this.cacheDir) || "."} (${code}: ${message}); check that the folder can be written and the disk has room, then build again`);
    }
    // one failure a picture, however many of its versions failed
    const first = new Map<string, { file: string; error: unknown }>();
    for (const failure of this.#failures) if (!first.has(failure.file)) first.set(failure.file, failure);
    return [...first.values()].flatMap(({ file, error }) => {
      // libvips repeats itself over several lines: one line, each reason once
      const reason = [...new Set(String((error as Error).message).split("\n").map((line) => line.trim()).filter(Boolean))].join("; ");
      const message = error instanceof PictureError ? error.message : `cannot be decoded (${reason}); expected a picture that opens in an image viewer: export it again from the original, or replace it`;
      const users = [...(this.#users.get(file)?.values() ?? [])];
      if (!users.length) return [{ file: path.relative(process.cwd(), file), field: "(picture)", message }];
      return users.map((use) => ({ file: use.file, field: use.field, message: `"${use.written}" ${message}` }));
    });
  }

  /** Waits for every queued encode. Throws a ContentError naming each picture that failed, and each field that uses it. */
  async finish(): Promise<void> {
    const problems = await this.problems();
    if (problems.length) throw new ContentError(problems);
  }

  /** Cache file names this build uses: the output files (under urlPath) and the clean SVG copies (for pruning). */
  get used(): string[] {
    return [...this.#used, ...this.#kept].sort();
  }

  /** Links (or copies, across file systems) every output file this build uses into `folder`; returns how many. */
  async writeTo(folder: string): Promise<number> {
    await this.finish();
    await mkdir(folder, { recursive: true });
    await Promise.all(
      [...this.#used].map(async (name) => {
        const from = path.join(this.cacheDir, name);
        const to = path.join(folder, name);
        await rm(to, { force: true });
        await link(from, to).catch(() => copyFile(from, to));
      }),
    );
    return this.#used.size;
  }

  #crop(siteUrl: string, crop: { label: string; width: number; height: number }): ImageVariant {
    const info = this.source(siteUrl);
    if (!CROPPABLE.has(info.type)) throw new PictureError("cannot be cropped; expected a JPEG, PNG, WebP, AVIF or SVG file for a share picture");
    const label = `${crop.label}-${CROP_VERSION}`;
    const stats = this.#queue(info, {
      ...ENCODER,
      widths: [crop.width],
      formats: ["jpeg"],
      khabarCrop: label, // keeps crops of one picture apart in eleventy-img's in-memory cache
      filenameFormat: (id, _src, _width, format) => `${id}-${label}.${format}`,
      transform: (image) => {
        image.flatten({ background: "#ffffff" }).resize({ width: crop.width, height: crop.height, fit: "cover", position: sharp.strategy.attention });
      },
    });
    return { url: stats[0]!.url, width: crop.width, height: crop.height };
  }

  /** The checks' options: the limits, and the cache for clean SVG copies (read, not written, when checking). */
  get #checkOptions(): CheckOptions {
    return { limits: this.limits, cacheDir: this.cacheDir, writeCache: !this.checkOnly };
  }

  /** A picture's checked bytes (for SVG its clean copy), read once for its size and the hash that names its versions. */
  #read(file: string): CheckedPicture {
    if (this.#recent?.file !== file) {
      const picture = readPicture(file, this.#checkOptions);
      this.#recent = { file, picture };
    }
    return this.#recent.picture;
  }

  #noteUse(file: string): void {
    const use = this.#use;
    if (!use) return;
    let users = this.#users.get(file);
    if (!users) this.#users.set(file, (users = new Map()));
    users.set(`${use.file}\0${use.field}`, use);
  }

  /** Output stats of `options` for a source, and an encode (checking: a decode) of whatever the cache lacks. */
  #queue(info: SourceInfo, options: ImageOptions): ImageStat[] {
    // minimumThreshold: a source only a little wider than a width (up to 10 %) gets no extra version.
    const full: ImageOptions = { ...options, sharpOptions: sharpInput(this.limits), urlPath: this.urlPath, outputDir: this.cacheDir, formatFiltering: false, minimumThreshold: 1.1 };
    // Stats from the checked bytes, as the encode reads them: the same hash names the same files.
    const { bytes, cleanCopy } = this.#read(info.file);
    const metadata = Image.statsByDimensionsSync(bytes, info.width, info.height, full);
    const stats = Object.values(metadata).flat();
    const outputs = stats.map((s) => s.filename!);
    const cached = outputs.every((name) => existsSync(path.join(this.cacheDir, name)));
    if (this.checkOnly) {
      // Versions in the cache were encoded from these very bytes; anything else is decoded once.
      if (!cached && !this.#jobs.has(info.file)) this.#jobs.set(info.file, this.#decode(info.file, bytes));
      return stats;
    }
    for (const name of outputs) this.#used.add(name);
    if (cleanCopy) this.#kept.add(cleanCopy);
    const key = `${info.file}\0${outputs.join("\0")}`;
    if (!this.#jobs.has(key) && !cached) this.#jobs.set(key, this.#encode({ file: info.file, bytes, options: full, outputs }));
    return stats;
  }

  /** Encodes the checked bytes (eleventy-img keeps every picture's bytes it has hashed anyway, so holding them here costs nothing more). */
  async #encode({ file, bytes, options, outputs }: Job): Promise<void> {
    let scratch: string | undefined;
    try {
      await mkdir(this.cacheDir, { recursive: true });
      scratch = await mkdtemp(path.join(this.cacheDir, ".tmp-"));
      await Image(bytes, { ...options, outputDir: scratch, useCache: false });
      for (const name of outputs) await rename(path.join(scratch, name), path.join(this.cacheDir, name));
    } catch (error) {
      this.#failures.push({ file, error });
    } finally {
      // When one format fails, eleventy-img may still be writing the others into the scratch folder:
      // removing it can meet ENOTEMPTY. Retried, and never allowed to replace the encode's own
      // outcome (CI once reported that ENOTEMPTY instead of the picture's content problem).
      if (scratch) await rm(scratch, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 }).catch(() => undefined);
    }
  }

  /** Checking: decodes the checked bytes whole, as the encoders would (at a small size: no encode), writing nothing. */
  async #decode(file: string, bytes: Buffer): Promise<void> {
    try {
      await sharp(bytes, sharpInput(this.limits)).resize({ width: 256, height: 256, fit: "inside", withoutEnlargement: true }).raw().toBuffer();
    } catch (error) {
      this.#failures.push({ file, error });
    }
  }
}

/** How sharp opens every picture: within the pixel limit, and refusing a file cut short (a half-grey picture). */
function sharpInput(limits: FileLimits): Record<string, unknown> {
  return { limitInputPixels: limits.pixels, failOn: "truncated" };
}

/** A failure of the file system (the cache folder), not of a picture. */
function isSystemError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === "string" && /^E[A-Z]+$/.test(code);
}
