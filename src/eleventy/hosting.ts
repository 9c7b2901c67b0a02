// What static hosts read besides pages: robots.txt, _headers (security policy and cache rules,
// read by Netlify and Cloudflare Pages) and an example _redirects file.
// https://docs.netlify.com/routing/headers/ · https://developers.cloudflare.com/pages/configuration/headers/
import type { UserConfig } from "@11ty/eleventy";
import { contentSecurityPolicy } from "../site/csp.ts";
import { SITE_PATHS } from "../urls.ts";

const file = { eleventyExcludeFromCollections: true };

export function hostingPlugin(eleventyConfig: UserConfig): void {
  eleventyConfig.addGlobalData("csp", { meta: contentSecurityPolicy("meta"), header: contentSecurityPolicy("header") });
  eleventyConfig.addTemplate("hosting/robots.njk", "", { ...file, layout: "hosting/robots.txt.njk", permalink: SITE_PATHS.robots });
  eleventyConfig.addTemplate("hosting/headers.njk", "", { ...file, layout: "hosting/headers.njk", permalink: SITE_PATHS.headers });
  eleventyConfig.addTemplate("hosting/redirects.njk", "", { ...file, layout: "hosting/redirects.njk", permalink: SITE_PATHS.redirects });
}
