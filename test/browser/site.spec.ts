// The built sample site as a whole: valid HTML, no broken internal link, a sitemap of every
// published story, the lists in the right order and category, no page for a draft, mixed-script
// names in the right order, and no page that logs an error.
import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import type { Locator } from "@playwright/test";
import { HtmlValidate } from "html-validate";
import { LinkChecker, LinkState } from "linkinator";
import { serveSite } from "../../src/cli/serve.ts";
import { contentSecurityPolicy } from "../../src/site/csp.ts";
import { expect, isLocal, test } from "../support/browser.ts";
import { root } from "../support/site.ts";
import { builtFiles, builtHtmlFiles, categories, fileForPath, site, siteDir, sitemapUrls, sitePath, sources, storyFiles } from "../support/site.ts";

const html = {
  unescape: (text: string): string =>
    text
      .replace(/<[^>]*>/g, "")
      .replace(/&quot;/g, '"')
      .replace(/&#0*39;|&apos;/g, "'")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&")
      .replace(/\s+/g, " ")
      .trim(),
  escape: (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;"),
};

interface BuiltStory {
  title: string;
  categoryId: string;
  /** The built page, relative to the site folder. */
  file: string;
  /** Its decoded site path, "/…/". */
  path: string;
  /** Its publication time as the page states it (<time datetime> after the h1), in ms. */
  published: number;
}

const isPublished = (frontMatter: Record<string, unknown>): boolean =>
  frontMatter.draft !== true && new Date(frontMatter.date as string).getTime() <= Date.now();

/** Every published story of content/, matched to the page built for it (by its headline). */
function builtStories(): BuiltStory[] {
  const pages = builtHtmlFiles().map((file) => {
    const text = readFileSync(path.join(siteDir, file), "utf8");
    const h1 = /<h1\b[^>]*>([\s\S]*?)<\/h1>/.exec(text);
    const afterH1 = h1 ? text.slice(h1.index) : "";
    return { file, h1: h1 ? html.unescape(h1[1]!) : undefined, datetime: /<time\b[^>]*\bdatetime="([^"]+)"/.exec(afterH1)?.[1] };
  });
  return storyFiles()
    .filter((story) => isPublished(story.frontMatter))
    .map(({ file: source, frontMatter }) => {
      const title = String(frontMatter.title);
      const matches = pages.filter((page) => page.h1 === title);
      expect(matches.map((page) => page.file), `one built page for ${source}`).toHaveLength(1);
      const [page] = matches;
      expect(page!.datetime, `a publication <time datetime> on ${page!.file}`).toBeDefined();
      return {
        title,
        categoryId: String(frontMatter.category),
        file: page!.file,
        path: `/${page!.file.replace(/index\.html$/, "")}`,
        published: Date.parse(page!.datetime!),
      };
    });
}

/** The stories a list shows, in order: each <article> in it, by its headline link and its time. */
async function listedStories(list: Locator): Promise<{ path: string; published: number; top: number }[]> {
  return list.evaluateAll((lists) =>
    lists.flatMap((scope) =>
      (scope.matches("article") ? [scope] : [...scope.querySelectorAll("article")]).map((article) => {
        const link = article.querySelector<HTMLAnchorElement>(":is(h1, h2, h3, h4) a[href]");
        const time = article.querySelector("time[datetime]");
        return {
          path: decodeURIComponent(new URL(link?.href ?? "about:blank").pathname),
          published: Date.parse(time?.getAttribute("datetime") ?? ""),
          top: article.getBoundingClientRect().top,
        };
      }),
    ),
  );
}

const latestLabel = "آخر الأخبار";

test.describe("the built sample site", () => {
  test("every page passes html-validate", async () => {
    const validator = new HtmlValidate({
      extends: ["html-validate:recommended"],
      rules: {
        // Relaxed, each a matter of style rather than correctness:
        "doctype-style": "off", // `<!doctype html>` in lower case is as valid as upper case
        "long-title": "off", // headlines belong to the editors; over 70 characters is an SEO preference, not an error
        "no-inline-style": "off", // a presentation choice; inline styles the page's CSP would block are caught by the console-error test below
        "aria-label-misuse": ["error", { allowAnyNamable: true }], // ARIA allows naming a list (<ul aria-label>); only discouraged by default
      },
    });
    const pages = builtHtmlFiles();
    expect(pages.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const file of pages) {
      const report = await validator.validateFile(path.join(siteDir, file));
      for (const result of report.results) {
        for (const message of result.messages) problems.push(`${file}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`);
      }
    }
    expect(problems).toEqual([]);
  });

  test("linkinator finds no broken internal link, and every page is reachable from the home page", async ({ baseURL }) => {
    const checker = new LinkChecker();
    const { links } = await checker.check({
      path: `${baseURL}/`,
      recurse: true,
      checkCss: true,
      checkFragments: true,
      concurrency: 10,
      linksToSkip: async (link) => !URL.canParse(link) || !isLocal(link),
    });
    const broken = links.filter((link) => link.state === LinkState.BROKEN).map((link) => `${link.status ?? "-"} ${link.url} (linked from ${link.parent})`);
    expect(broken).toEqual([]);

    const reached = new Set(links.filter((link) => link.state === LinkState.OK).map((link) => fileForPath(new URL(link.url).pathname)));
    const orphans = builtHtmlFiles().filter((file) => file !== "404.html" && !reached.has(file));
    expect(orphans, "pages no link leads to").toEqual([]);
  });

  test("sitemap.xml lists the absolute URL of every published story, and only pages that exist", async ({ request }) => {
    const response = await request.get("/sitemap.xml");
    expect(response.ok()).toBe(true);
    const urls = sitemapUrls(await response.text());
    for (const url of urls) {
      expect(url.startsWith(`${site.baseUrl}/`), `${url} is absolute, on ${site.baseUrl}`).toBe(true);
      expect(existsSync(path.join(siteDir, fileForPath(sitePath(url)))), `${url} has a page`).toBe(true);
    }
    const listed = new Set(urls.map((url) => sitePath(url)));
    const stories = builtStories();
    expect(stories.length, "published stories in content/").toBeGreaterThan(0);
    expect(stories.filter((story) => !listed.has(story.path)).map((story) => story.path), "published stories missing from the sitemap").toEqual([]);

    const storyEntries = urls.filter((url) => stories.some((story) => story.path === sitePath(url)));
    expect(storyEntries.length, "each published story listed once").toBe(stories.length);
  });

  test("the home page lists the latest stories newest first, the lead story on top", async ({ page }) => {
    await page.goto("/");
    const lead = page.locator("main article").first();
    const latest = page.getByRole("region", { name: latestLabel, exact: true });
    await expect(latest, `the «${latestLabel}» list`).toHaveCount(1);
    const listed = [...(await listedStories(lead)), ...(await listedStories(latest))];
    const stories = builtStories();
    const byPath = new Map(stories.map((story) => [story.path, story]));
    expect(listed.length, "stories on the home page").toBeGreaterThan(1);
    for (const item of listed) {
      expect(byPath.has(item.path), `${item.path} is a published story`).toBe(true);
      expect(item.published, `${item.path} shows the time its page shows`).toBe(byPath.get(item.path)!.published);
    }
    expect(new Set(listed.map((item) => item.path)).size, "no story twice").toBe(listed.length);

    const newestFirst = stories.map((story) => story.published).sort((a, b) => b - a);
    expect(listed.map((item) => item.published), "the newest stories, newest first").toEqual(newestFirst.slice(0, listed.length));
    const [top, ...rest] = listed;
    expect(top!.top, "the lead story is above every other").toBeLessThan(Math.min(...rest.map((item) => item.top)));
  });

  test("each category page lists all its stories, newest first, and no other", async ({ page }) => {
    const stories = builtStories();
    const byPath = new Map(stories.map((story) => [story.path, story]));
    await page.goto("/");
    const navigation = page.getByRole("banner").getByRole("navigation");
    for (const category of categories) {
      const href = await navigation.getByRole("link", { name: category.name, exact: true }).getAttribute("href");
      await page.goto(href!);
      await expect(page.locator("h1")).toHaveText(category.name);
      const listed: Awaited<ReturnType<typeof listedStories>> = [];
      for (;;) {
        listed.push(...(await listedStories(page.locator("main"))));
        const next = page.locator('main a[rel~="next"]');
        if ((await next.count()) === 0) break;
        await page.goto((await next.first().getAttribute("href"))!);
      }
      const wrong = listed.filter((item) => byPath.get(item.path)?.categoryId !== category.id).map((item) => item.path);
      expect(wrong, `stories on the ${category.id} pages from another category`).toEqual([]);
      const expected = stories.filter((story) => story.categoryId === category.id).sort((a, b) => b.published - a.published);
      expect(listed.map((item) => item.published), `every ${category.id} story, newest first`).toEqual(expected.map((story) => story.published));
      expect(new Set(listed.map((item) => item.path)), `every ${category.id} story`).toEqual(new Set(expected.map((story) => story.path)));
    }
  });

  test("a draft has no page, no link and no sitemap entry in the production build", async () => {
    const drafts = storyFiles().filter((story) => story.frontMatter.draft === true);
    expect(drafts.length, "the sample content has a draft").toBeGreaterThan(0);
    const files = builtFiles();
    const texts = files.filter((file) => /\.(html|xml|json|txt)$/.test(file)).map((file) => [file, readFileSync(path.join(siteDir, file), "utf8")] as const);
    for (const draft of drafts) {
      const title = String(draft.frontMatter.title);
      const slugs = [draft.name, draft.frontMatter.slug].filter((slug): slug is string => typeof slug === "string");
      expect(files.filter((file) => slugs.some((slug) => file.split("/").includes(slug))), `files for the draft ${draft.file}`).toEqual([]);
      const mentions = texts.filter(([, text]) => text.includes(title) || text.includes(html.escape(title)) || slugs.some((slug) => text.includes(encodeURIComponent(slug))));
      expect(mentions.map(([file]) => file), `files mentioning the draft ${draft.file}`).toEqual([]);
    }
  });

  test("a source name mixing Latin and Arabic keeps its word order inside the Arabic page", async ({ page }) => {
    const mixed = Object.values(sources)
      .map((source) => source.name)
      .filter((name) => /[A-Za-z]/.test(name) && /[\u0600-\u06FF]/.test(name) && name.includes(" "));
    expect(mixed.length, "the sample sources include a name like «BBC عربي»").toBeGreaterThan(0);
    for (const name of mixed) {
      const file = builtHtmlFiles().find((candidate) => readFileSync(path.join(siteDir, candidate), "utf8").includes(html.escape(name)));
      expect(file, `a page showing ${name}`).toBeDefined();
      await page.goto(encodeURI(`/${file!.replace(/index\.html$/, "")}`));
      const shown = page.getByText(name, { exact: true }).first();
      // Read from the right in a right-to-left page, the name's first word comes first: it is drawn right of its last word.
      const [first, last] = await shown.evaluate((element, text) => {
        const node = [...element.childNodes].find((child) => child.textContent === text) ?? element.firstChild!;
        const box = (start: number, end: number): number => {
          const range = document.createRange();
          range.setStart(node, start);
          range.setEnd(node, end);
          const rect = range.getBoundingClientRect();
          return rect.left + rect.width / 2;
        };
        return [box(0, text.indexOf(" ")), box(text.lastIndexOf(" ") + 1, text.length)];
      }, name);
      if (site.direction === "rtl") expect(first, `«${name}» on /${file}: its first word is read first`).toBeGreaterThan(last);
      else expect(first, `«${name}» on /${file}: its first word is read first`).toBeLessThan(last);
    }
  });

  test("no page logs a console error or throws", async ({ context }) => {
    test.setTimeout(180_000); // visits every page, a few at a time
    const queue = builtHtmlFiles().map((file) => `/${file.replace(/index\.html$/, "")}`);
    const errors = new Map<string, number>();
    const note = (where: string, message: string): void => {
      const key = `${where}: ${message.split(/\. (?=[A-Z])/)[0]!.slice(0, 200)}`; // first sentence: the same error on many nodes counts once
      errors.set(key, (errors.get(key) ?? 0) + 1);
    };
    const visitor = async (): Promise<void> => {
      const page = await context.newPage();
      let where = "";
      page.on("console", (message) => message.type() === "error" && note(where, `console.error: ${message.text()}`));
      page.on("pageerror", (error) => note(where, `uncaught: ${error.message}`));
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
        where = next;
        await page.goto(encodeURI(next), { waitUntil: "load" });
      }
      await page.close();
    };
    await Promise.all([visitor(), visitor(), visitor(), visitor()]);
    expect([...errors].map(([message, times]) => (times > 1 ? `${message} (${times} times)` : message))).toEqual([]);
  });
});

test.describe("search over the period indexes", () => {
  test("every month's index is searched, under a path prefix too, within the security policy", async ({ page }) => {
    test.setTimeout(120_000);
    const output = path.join(root, "test/output/site-search-prefixed");
    await promisify(execFile)(process.execPath, ["--import", "tsx", "src/cli/build.ts", "--pathprefix", "/news/", "--output", output], { cwd: root });
    const periods = (JSON.parse(readFileSync(path.join(output, "pagefind/khabar-indexes.json"), "utf8")) as { indexes: string[] }).indexes;
    expect(periods.length, "the sample spans more than one month").toBeGreaterThan(1);
    const server = await serveSite({ root: output, pathPrefix: "/news/" });
    try {
      const violations: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error") violations.push(message.text());
      });
      await page.route("**/*", async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, headers: { ...response.headers(), "content-security-policy": contentSecurityPolicy("header") } });
      });
      // The page loads the newest month's index and merges the older ones; the results link under the prefix.
      for (const query of ["أوكرانيا", "روسيا"]) {
        await page.goto(`${server.url}search/?q=${encodeURIComponent(query)}`);
        await expect(page.locator("[data-search-results] .card-title").first()).toBeVisible();
        const hrefs = await page.locator("[data-search-results] .card-title a").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
        expect(hrefs.every((href) => href.startsWith("/news/news/")), hrefs.join()).toBe(true);
      }
      expect(violations).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
