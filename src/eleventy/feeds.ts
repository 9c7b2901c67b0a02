// Feed helpers from the official plugin: RFC 822 dates for RSS, and (it adds Eleventy's HTML base
// plugin) `htmlBaseUrl` / `transformWithHtmlBase`, which make root-relative links absolute and add
// the path prefix — also to every page's links when a prefix is set.
// https://www.11ty.dev/docs/plugins/rss/ · https://www.11ty.dev/docs/plugins/html-base/
import type { UserConfig } from "@11ty/eleventy";
import rssPlugin from "@11ty/eleventy-plugin-rss";
import type { Story } from "../site/story.ts";

type HtmlBase = (this: unknown, html: string, base: string, pageUrl: string) => string | Promise<string>;

export function feedsPlugin(eleventyConfig: UserConfig): void {
  eleventyConfig.addPlugin(rssPlugin);
  // A story's body with absolute links: the same for every feed it is in (the site's and its
  // section's, each as Atom, RSS and JSON), so it is parsed and rewritten once per build.
  let bodies = new Map<string, Promise<string>>();
  eleventyConfig.on("eleventy.before", () => {
    bodies = new Map();
  });
  eleventyConfig.addAsyncFilter("feedHtml", function (this: unknown, story: Story, base: string) {
    const key = `${base} ${story.url}`;
    let body = bodies.get(key);
    if (!body) {
      const withBase = eleventyConfig.getFilter("transformWithHtmlBase") as HtmlBase;
      bodies.set(key, (body = Promise.resolve(withBase.call(this, story.html, base, story.url))));
    }
    return body;
  });
}
