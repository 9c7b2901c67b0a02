// What pages and stories know of a processed picture, without loading the pipeline: sharp and
// eleventy-img are only imported by src/images/pictures.ts, which the build and `npm run check` (its
// checking mode) load, and unit tests of pages need not.

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
