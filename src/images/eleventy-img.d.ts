// The part of @11ty/eleventy-img 6 that src/images/ uses (the package ships no .d.ts).
// https://www.11ty.dev/docs/plugins/image/
declare module "@11ty/eleventy-img" {
  import type { Sharp } from "sharp";

  export interface ImageStat {
    format: string;
    width: number;
    height: number;
    url: string;
    sourceType: string;
    srcset: string;
    filename?: string;
    outputPath?: string;
    size?: number;
  }

  export type ImageMetadata = Record<string, ImageStat[]>;

  export interface ImageOptions {
    widths?: Array<number | "auto" | null>;
    formats?: Array<string | null>;
    formatFiltering?: string[] | false;
    urlPath?: string;
    outputDir?: string;
    useCache?: boolean;
    dryRun?: boolean;
    hashLength?: number;
    minimumThreshold?: number;
    svgShortCircuit?: boolean | "size";
    sharpOptions?: Record<string, unknown>;
    sharpAvifOptions?: Record<string, unknown>;
    sharpWebpOptions?: Record<string, unknown>;
    sharpJpegOptions?: Record<string, unknown>;
    sharpPngOptions?: Record<string, unknown>;
    filenameFormat?: (id: string, src: string, width: number, format: string, options: ImageOptions & Record<string, unknown>) => string;
    transform?: (sharp: Sharp) => void | Promise<void>;
    [option: string]: unknown;
  }

  interface EleventyImage {
    (src: string | Buffer, options?: ImageOptions): Promise<ImageMetadata>;
    /** Output stats for a picture of the given size, computed without reading pixels (the file is read for its hash). */
    statsByDimensionsSync(src: string | Buffer, width: number, height: number, options?: ImageOptions): ImageMetadata;
    concurrency: number;
  }

  const Image: EleventyImage;
  export default Image;
}
