// The theme's files. Its CSS and JavaScript (layouts/assets) are copied under a content hash
// (site.3f2a9c1b.css), so hosts can cache them for a year (see _headers); templates get the hashed
// names from the `assets` global. (Editors' pictures and videos: src/eleventy/published-files.ts.)
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import { assetUrl } from "../urls.ts";

const THEME = "layouts/assets";
const HASHED = /\.(css|js)$/;

export function hashedName(file: string, content: Buffer | string): string {
  const hash = createHash("sha256").update(content).digest("hex").slice(0, 10);
  const ext = path.extname(file);
  return `${path.basename(file, ext)}.${hash}${ext}`;
}

export function assetsPlugin(eleventyConfig: UserConfig): void {
  const assets: Record<string, string> = {};
  for (const name of readdirSync(THEME)) {
    const source = path.join(THEME, name);
    const target = HASHED.test(name) ? hashedName(name, readFileSync(source)) : name;
    assets[name] = assetUrl(target);
    eleventyConfig.addPassthroughCopy({ [source]: assets[name].slice(1) });
  }
  // Templates write {{ assets["site.css"] }}; modules imported by site.js use relative imports of hashed names.
  eleventyConfig.addGlobalData("assets", assets);
}
