// Page metadata computed from a story: JSON-LD for search engines.
// The JSON is serialised with jsonForScript so no field (a headline with </script>…) can break out.
import { jsonForScript } from "./html.ts";
import type { SiteSettings } from "./site.ts";
import type { Story } from "./stories.ts";

const absolute = (site: SiteSettings, url: string) => (/^https?:\/\//.test(url) ? url : `${site.baseUrl}${url}`);

export function newsArticleJsonLd(story: Story, site: SiteSettings): string {
  return jsonForScript({
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: story.title,
    description: story.description,
    mainEntityOfPage: story.canonicalUrl,
    url: story.canonicalUrl,
    datePublished: story.published.iso,
    dateModified: (story.updated ?? story.published).iso,
    inLanguage: site.language,
    articleSection: story.category.name,
    keywords: story.tags.length ? story.tags.join(", ") : undefined,
    image: story.image ? [absolute(site, story.image.src)] : undefined,
    author: { "@type": "Organization", name: story.source.name, url: story.source.homepage ?? story.source.url },
    isBasedOn: story.source.url,
    publisher: { "@type": "Organization", name: site.name, url: site.baseUrl },
  });
}
