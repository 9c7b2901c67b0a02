// Feed helpers from the official plugin: RFC 822 dates for RSS, and (it adds Eleventy's HTML base
// plugin) `htmlBaseUrl` / `transformWithHtmlBase`, which make root-relative links absolute and add
// the path prefix — also to every page's links when a prefix is set.
// https://www.11ty.dev/docs/plugins/rss/ · https://www.11ty.dev/docs/plugins/html-base/
import type { UserConfig } from "@11ty/eleventy";
import rssPlugin from "@11ty/eleventy-plugin-rss";

export function feedsPlugin(eleventyConfig: UserConfig): void {
  eleventyConfig.addPlugin(rssPlugin);
}
