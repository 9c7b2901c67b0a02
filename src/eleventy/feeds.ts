// Feed helpers from the official plugin (RFC 3339/822 dates) and Eleventy's HTML base plugin, which
// turns a story's root-relative links into absolute ones that include the path prefix.
// https://www.11ty.dev/docs/plugins/rss/ · https://www.11ty.dev/docs/plugins/html-base/
import type { UserConfig } from "@11ty/eleventy";
import { HtmlBasePlugin } from "@11ty/eleventy";
import rssPlugin from "@11ty/eleventy-plugin-rss";

export function feedsPlugin(eleventyConfig: UserConfig): void {
  eleventyConfig.addPlugin(HtmlBasePlugin);
  eleventyConfig.addPlugin(rssPlugin);
}
