// Picture markup, one function for every place a picture appears (templates through the `picture`
// filter, Markdown figures, video posters). Every value is escaped here, so the result may be
// marked safe. Local pictures processed by src/images/pictures.ts become <picture> with AVIF and
// WebP sources; others (remote URLs, SVG, unit-test loads without the pipeline) a single <img>.
import { escapeHtml } from "../body/safe-html.ts";
import type { ResponsiveImage } from "./types.ts";

export interface PictureInput {
  src: string;
  alt: string;
  width?: number;
  height?: number;
  responsive?: ResponsiveImage | null;
}

export type PictureRole = "lead" | "home-lead" | "card" | "figure" | "inline" | "poster";

interface RoleRule {
  /** How wide the picture is shown, for the browser to pick a file (matches layouts/assets/site.css). */
  sizes: string;
  className?: string;
  /** Above the fold, the page's largest paint: loaded at once, first. */
  priority?: boolean;
  /** Decorative next to its own headline: alt="" (cards, posters). */
  decorative?: boolean;
}

// The article column is 42rem at most inside 1rem of page padding; cards sit in a grid of columns
// at least 15rem wide (one on phones, up to four on wide screens); the home lead takes 3/5 of 70rem.
const ARTICLE = "(min-width: 44rem) 42rem, calc(100vw - 2rem)";
export const ROLES: Record<PictureRole, RoleRule> = {
  lead: { sizes: ARTICLE, priority: true },
  "home-lead": { sizes: "(min-width: 72rem) 41rem, (min-width: 48rem) 57vw, calc(100vw - 2rem)", className: "lead-image", priority: true },
  card: { sizes: "(min-width: 72rem) 17rem, (min-width: 65rem) 24vw, (min-width: 49rem) 32vw, (min-width: 33rem) 48vw, calc(100vw - 2rem)", className: "card-image", decorative: true },
  figure: { sizes: ARTICLE },
  inline: { sizes: ARTICLE },
  poster: { sizes: ARTICLE, decorative: true },
};

function attributes(values: Record<string, string | number | undefined>): string {
  return Object.entries(values)
    .filter(([, value]) => value !== undefined && value !== "")
    .map(([name, value]) => ` ${name}="${escapeHtml(String(value))}"`)
    .join("");
}

/** `<picture>` (or `<img>`) for a picture in a role. */
export function pictureHtml(image: PictureInput, role: PictureRole): string {
  const rule = ROLES[role];
  const loading = rule.priority ? { fetchpriority: "high" } : { loading: "lazy" };
  const alt = rule.decorative ? "" : image.alt;
  const responsive = image.responsive;
  if (!responsive) {
    const img = attributes({ class: rule.className, src: image.src, width: image.width, height: image.height, ...loading, decoding: "async" });
    return `<img${img} alt="${escapeHtml(alt)}">`;
  }
  const fallback = responsive.sources.at(-1)!;
  const sources = responsive.sources
    .slice(0, -1)
    .map((source) => `<source${attributes({ type: source.type, srcset: source.srcset, sizes: rule.sizes })}>`)
    .join("");
  const img = attributes({ class: rule.className, src: responsive.src, srcset: fallback.srcset, sizes: rule.sizes, width: responsive.width, height: responsive.height, ...loading, decoding: "async" });
  return `<picture>${sources}<img${img} alt="${escapeHtml(alt)}"></picture>`;
}

/** The filter templates call: `{{ story.image | picture("lead") | safe }}`; the same markup for the same picture is built once. */
export function pictureFilter(): (image: PictureInput | undefined, role: PictureRole) => string {
  const built = new WeakMap<object, Map<PictureRole, string>>();
  return (image, role) => {
    if (!image) return "";
    if (!ROLES[role]) throw new Error(`picture: unknown role "${role}"; expected one of ${Object.keys(ROLES).join(", ")}`);
    let byRole = built.get(image);
    if (!byRole) built.set(image, (byRole = new Map()));
    let html = byRole.get(role);
    if (html === undefined) byRole.set(role, (html = pictureHtml(image, role)));
    return html;
  };
}
