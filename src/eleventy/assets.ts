// Static files: the theme's CSS/JS from layouts/assets, and pictures, logos and videos that
// editors put under content/ (copied to the same path, which is how stories link to them).
import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";

export function assetsPlugin(eleventyConfig: UserConfig): void {
  eleventyConfig.addPassthroughCopy({ "layouts/assets": "assets" });
  eleventyConfig.addPassthroughCopy(path.join(eleventyConfig.directories.input, "**/*.{jpg,jpeg,png,webp,avif,gif,svg,mp4,webm}"));
}
