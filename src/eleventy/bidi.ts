// Mixed-direction text: names and tags written in Latin letters (Reuters, COP30) are isolated in
// <bdi dir="…"> with the direction of their own letters, so they never reorder the Arabic around them.
import type { UserConfig } from "@11ty/eleventy";
import { textDirection } from "../body/safe-html.ts";

export function bidiPlugin(eleventyConfig: UserConfig): void {
  eleventyConfig.addFilter("textDir", textDirection);
}
