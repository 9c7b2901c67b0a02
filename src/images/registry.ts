// What the story loader needs of the picture pipeline, without loading it: sharp and eleventy-img
// are only imported by src/images/pictures.ts, which the Eleventy plugin loads for builds, so
// `npm run check` (which validates and never encodes) starts without them.
import type { Pictures } from "./pictures.ts";

export interface ImageVariant {
  /** Site URL (root-relative, without the path prefix). */
  url: string;
  width: number;
  height: number;
}

export interface ResponsiveImage {
  /** `<img src>`: the fallback format at a middle width. */
  src: string;
  /** Size of the largest version: the `width`/`height` attributes, so the box never shifts. */
  width: number;
  height: number;
  /** One srcset per format, best first; the last is the fallback format, used by the `<img>` itself. */
  sources: Array<{ type: string; srcset: string }>;
}

/** A picture that cannot be read: the story loader turns it into a content problem. */
export class PictureError extends Error {
  override name = "PictureError";
}

let current: Pictures | undefined;

/** The picture pipeline of the build in progress, set by the Eleventy plugin (src/eleventy/images.ts). */
export function buildPictures(): Pictures | undefined {
  return current;
}

export function setBuildPictures(pictures: Pictures | undefined): void {
  current = pictures;
}
