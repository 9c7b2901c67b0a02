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
import { existsSync, readFileSync } from "node:fs";
import { copyFile, link, mkdir, mkdtemp, rename, rm } from "node:fs/promises";
import path from "node:path";
import Image, { type ImageOptions, type ImageStat } from "@11ty/eleventy-img";
import { imageSize } from "image-size";
import sharp from "sharp";
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
}

interface SourceInfo {
  file: string;
  width: number;
  height: number;
  type: string;
}

interface Job {
  file: string;
  options: ImageOptions;
  /** Output file names this job writes. */
  outputs: string[];
}

const RASTER = new Set(["jpg", "png", "webp", "avif", "tiff", "gif"]);
/** Pictures the share picture and the JSON-LD crops can be made from: raster ones, and SVG drawn to size. */
const CROPPABLE = new Set([...RASTER, "svg"]);

export class Pictures {
  readonly contentDir: string;
  readonly cacheDir: string;
  readonly urlPath: string;
  #sources = new Map<string, SourceInfo>();
  #responsive = new Map<string, ResponsiveImage | null>();
  #jobs = new Map<string, Promise<void>>();
  #used = new Set<string>();
  #failures: string[] = [];
  /** The last picture read: its versions, share picture and crops are asked for one after another. */
  #recent?: { file: string; contents: Buffer };

  constructor({ contentDir, cacheDir, urlPath = "/img/" }: PicturesOptions) {
    this.contentDir = contentDir;
    this.cacheDir = path.resolve(cacheDir);
    this.urlPath = urlPath.endsWith("/") ? urlPath : `${urlPath}/`;
  }

  /** Forgets what the last build used (the preview server rebuilds with the same instance). */
  reset(): void {
    this.#sources.clear();
    this.#responsive.clear();
    this.#jobs.clear();
    this.#used.clear();
    this.#failures = [];
    this.#recent = undefined;
  }

  /** Pixel size and type of a local picture, from its header. Throws PictureError. */
  source(siteUrl: string): SourceInfo {
    const known = this.#sources.get(siteUrl);
    if (known) return known;
    const file = path.join(this.contentDir, ...siteUrl.split("/").filter(Boolean).map((part) => decodeURIComponent(part)));
    let info: SourceInfo;
    try {
      const size = imageSize(this.#contents(file));
      if (!size.width || !size.height || !size.type) throw new Error("no size in its header");
      // EXIF orientations 5-8 turn the picture a quarter: the encoders write it upright.
      const turned = (size.orientation ?? 1) >= 5;
      info = { file, width: turned ? size.height : size.width, height: turned ? size.width : size.height, type: size.type };
    } catch (error) {
      throw new PictureError(`cannot be read as a picture (${(error as Error).message})`);
    }
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

  /** Waits for every queued encode. Throws naming each picture that failed. */
  async finish(): Promise<void> {
    await Promise.all(this.#jobs.values());
    if (this.#failures.length) throw new Error(`Could not encode ${this.#failures.length} picture${this.#failures.length === 1 ? "" : "s"}:\n  ${this.#failures.join("\n  ")}`);
  }

  /** Output file names (under urlPath) this build uses. */
  get used(): string[] {
    return [...this.#used].sort();
  }

  /** Links (or copies, across file systems) every file this build uses into `folder`; returns how many. */
  async writeTo(folder: string): Promise<number> {
    await this.finish();
    await mkdir(folder, { recursive: true });
    await Promise.all(
      this.used.map(async (name) => {
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

  /** A picture's bytes, read once for its size and the hash that names its versions. */
  #contents(file: string): Buffer {
    if (this.#recent?.file !== file) this.#recent = { file, contents: readFileSync(file) };
    return this.#recent.contents;
  }

  /** Output stats of `options` for a source, and an encode of whatever the cache lacks. */
  #queue(info: SourceInfo, options: ImageOptions): ImageStat[] {
    // minimumThreshold: a source only a little wider than a width (up to 10 %) gets no extra version.
    const full: ImageOptions = { ...options, urlPath: this.urlPath, outputDir: this.cacheDir, formatFiltering: false, minimumThreshold: 1.1 };
    // Stats from the bytes (the same hash as from the file), so the file is not read again for each;
    // not for SVG, whose hash eleventy-img takes from the file without its line breaks.
    const input = info.type === "svg" ? info.file : this.#contents(info.file);
    const metadata = Image.statsByDimensionsSync(input, info.width, info.height, full);
    const stats = Object.values(metadata).flat();
    const outputs = stats.map((s) => s.filename!);
    for (const name of outputs) this.#used.add(name);
    const key = `${info.file}\0${outputs.join("\0")}`;
    if (!this.#jobs.has(key) && !outputs.every((name) => existsSync(path.join(this.cacheDir, name)))) {
      this.#jobs.set(key, this.#encode({ file: info.file, options: full, outputs }));
    }
    return stats;
  }

  async #encode({ file, options, outputs }: Job): Promise<void> {
    await mkdir(this.cacheDir, { recursive: true });
    const scratch = await mkdtemp(path.join(this.cacheDir, ".tmp-"));
    try {
      await Image(file, { ...options, outputDir: scratch, useCache: false });
      for (const name of outputs) await rename(path.join(scratch, name), path.join(this.cacheDir, name));
    } catch (error) {
      this.#failures.push(`${path.relative(process.cwd(), file)}: ${(error as Error).message}`);
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  }
}
