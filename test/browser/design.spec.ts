// The theme as a reader sees it (issue 5): the font swap moves nothing, the dark theme follows the
// system, arrows point the way the page reads, nothing scrolls sideways at 320 px, the print
// stylesheet keeps the article alone; and screenshots of the article page in light and dark at
// phone and desktop widths for people to look at (test/output/screenshots/design-article-*.png).
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, test } from "../support/browser.ts";
import { screenshotDir, sitemapUrls, sitePath } from "../support/site.ts";

const seedSlug = "روبيو-بعض-التقدم-في-المحادثات-مع-روسيا";
/** Site paths of pages with every kind of block, found in sitemap.xml. */
let paths: { article: string; home: string; category: string; listWithPages: string; tags: string; sources: string };

test.beforeAll(async ({ playwright }, testInfo) => {
  const api = await playwright.request.newContext({ baseURL: testInfo.project.use.baseURL });
  const urls = sitemapUrls(await (await api.get("/sitemap.xml")).text()).map((url) => new URL(url).pathname);
  await api.dispose();
  const find = (test: (decoded: string) => boolean, what: string) => {
    const found = urls.find((url) => test(sitePath(url, "http://x")));
    expect(found, what).toBeDefined();
    return found!;
  };
  paths = {
    article: find((p) => p.split("/").includes(seedSlug), "the seed story"),
    home: "/",
    category: find((p) => /^\/category\/[^/]+\/$/.test(p), "a category page"),
    listWithPages: find((p) => /\/page\/1\/$/.test(p), "an archive page"),
    tags: "/tags/",
    sources: "/sources/",
  };
});

/** Scrolls through the page so lazy pictures load, then waits until every picture is decoded. */
async function loadAllPictures(page: Page): Promise<void> {
  await page.evaluate(async () => {
    for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight / 2) {
      window.scrollTo(0, y);
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 30)));
    }
    window.scrollTo(0, 0);
    await Promise.all([...document.images].map((img) => img.decode().catch(() => undefined)));
  });
  for (const image of await page.locator("img").all()) {
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), { message: `${await image.getAttribute("src")} loads` }).toBe(true);
  }
}

/** Relative luminance (WCAG) of a computed CSS colour. */
function luminance(color: string): number {
  const [r, g, b] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map((c) => Number(c) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

test.describe("the web font", () => {
  test("is Readex Pro from the site itself, two woff2 files, the Arabic one preloaded", async ({ page }) => {
    const fonts: string[] = [];
    page.on("request", (request) => {
      if (request.resourceType() === "font") fonts.push(new URL(request.url()).pathname);
    });
    await page.goto(paths.article);
    await page.evaluate(() => document.fonts.ready);
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(/^"Readex Pro"/);
    expect(await page.evaluate(() => document.fonts.check('16px "Readex Pro"', "خبر"))).toBe(true);
    expect(fonts.sort()).toEqual([expect.stringMatching(/^\/assets\/fonts\/readex-pro-arabic-[\w.-]+\.woff2$/), expect.stringMatching(/^\/assets\/fonts\/readex-pro-latin-[\w.-]+\.woff2$/)]);
    const preload = page.locator('link[rel="preload"][as="font"]');
    await expect(preload).toHaveCount(1);
    await expect(preload).toHaveAttribute("href", fonts.find((f) => f.includes("arabic"))!);
    await expect(preload).toHaveAttribute("type", "font/woff2");
    await expect(preload).toHaveAttribute("crossorigin", "");
  });

  test("shows the text at once and swaps the font in without shifting the layout", async ({ page }) => {
    // Hold the font files back so the page paints with the fallback first, as on a slow network.
    let fontsServed = 0;
    await page.route("**/assets/fonts/*.woff2", async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1200));
      fontsServed = Date.now();
      await route.continue();
    });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.addInitScript(() => {
      const shifts: Array<{ value: number; sources: string[] }> = [];
      (window as unknown as { khabarShifts: typeof shifts }).khabarShifts = shifts;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: Array<{ node?: Node }> }>) {
          if (!entry.hadRecentInput) shifts.push({ value: entry.value, sources: (entry.sources ?? []).map((s) => (s.node instanceof Element ? s.node.outerHTML.slice(0, 80) : String(s.node?.nodeName))) });
        }
      }).observe({ type: "layout-shift", buffered: true });
    });
    const started = Date.now();
    await page.goto(paths.article, { waitUntil: "domcontentloaded" });
    const firstPaint = await page.evaluate(() => new Promise<number>((resolve) => {
      const check = () => {
        const paint = performance.getEntriesByName("first-contentful-paint")[0];
        if (paint) resolve(performance.timeOrigin + paint.startTime);
        else requestAnimationFrame(check);
      };
      check();
    }));
    await page.evaluate(() => document.fonts.ready);
    expect(await page.evaluate(() => document.fonts.check('16px "Readex Pro"', "خبر")), "the font arrived").toBe(true);
    expect(fontsServed, "the fonts were held back").toBeGreaterThan(started);
    expect(firstPaint, "the text was painted before the font arrived (font-display: swap)").toBeLessThan(fontsServed);
    // two frames after the swap
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const shifts = await page.evaluate(() => (window as unknown as { khabarShifts: Array<{ value: number; sources: string[] }> }).khabarShifts);
    const total = shifts.reduce((sum, shift) => sum + shift.value, 0);
    expect(total, `layout shifts: ${JSON.stringify(shifts)}`).toBeLessThan(0.01);
  });
});

test.describe("the dark theme", () => {
  for (const [name, pathOf] of [["article", () => paths.article], ["home", () => paths.home]] as const) {
    test(`follows the system's colour scheme on the ${name} page`, async ({ page }) => {
      const colours = async (scheme: "light" | "dark") => {
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(pathOf());
        return page.evaluate(() => {
          const root = getComputedStyle(document.documentElement);
          const heading = document.querySelector("h1, h2")!;
          return { background: root.backgroundColor, text: root.color, heading: getComputedStyle(heading).color, scheme: root.colorScheme };
        });
      };
      const light = await colours("light");
      const dark = await colours("dark");
      expect(luminance(light.background)).toBeGreaterThan(0.9);
      expect(luminance(light.text)).toBeLessThan(0.05);
      expect(luminance(dark.background), `dark background ${dark.background}`).toBeLessThan(0.02);
      expect(luminance(dark.text), `light text ${dark.text}`).toBeGreaterThan(0.7);
      expect(luminance(dark.heading)).toBeGreaterThan(0.5);
      expect(dark.scheme).toContain("dark");
    });
  }
});

test.describe("directional icons", () => {
  /** Which way an arrow points on screen: its glyph, turned by a mirroring transform. */
  const pointing = (page: Page, selector: string) =>
    page.locator(selector).evaluate((arrow) => {
      const glyph = arrow.textContent!.trim();
      const base = glyph === "←" ? "left" : glyph === "→" ? "right" : `unknown ${glyph}`;
      const matrix = getComputedStyle(arrow).transform;
      const mirrored = matrix.startsWith("matrix(-1");
      return mirrored ? (base === "left" ? "right" : "left") : base;
    });

  test("point the way the page reads: «أقدم» to the left, «أحدث» to the right, and turn round on a left-to-right page", async ({ page }) => {
    // the sample site's lists have a front page and one archive page: «أقدم» on the front, «أحدث» on page 1
    for (const [url, rel, way] of [
      [paths.listWithPages.replace(/page\/1\/$/, ""), "next", "left"],
      [paths.listWithPages, "prev", "right"],
    ] as const) {
      await page.goto(url);
      const link = page.locator(`.pagination a[rel=${rel}]`);
      await expect(link).toBeVisible();
      const [linkBox, numbers] = [(await link.boundingBox())!, (await page.locator(".pagination ol").boundingBox())!];
      if (way === "left") expect(linkBox.x, "«أقدم» sits at the end of the line: the left").toBeLessThan(numbers.x);
      else expect(linkBox.x, "«أحدث» sits at the start of the line: the right").toBeGreaterThan(numbers.x);
      expect(await pointing(page, `.pagination a[rel=${rel}] .arrow`)).toBe(way);
      await page.evaluate(() => {
        document.documentElement.dir = "ltr";
        document.documentElement.lang = "en";
      });
      expect(await pointing(page, `.pagination a[rel=${rel}] .arrow`)).toBe(way === "left" ? "right" : "left");
    }
  });

  test("breadcrumb separators point on along the trail: «‹» on a right-to-left page, «›» on a left-to-right one", async ({ page }) => {
    await page.goto(paths.article);
    const separator = () => page.locator(".breadcrumbs li + li").first().evaluate((li) => getComputedStyle(li, "::before").content);
    expect(await separator()).toBe('"‹"');
    await page.evaluate(() => {
      document.documentElement.dir = "ltr";
    });
    expect(await separator()).toBe('"›"');
  });
});

test.describe("a phone 320 px wide", () => {
  for (const name of ["article", "home", "category", "listWithPages", "tags", "sources"] as const) {
    test(`${name} page: nothing scrolls sideways`, async ({ page }) => {
      await page.setViewportSize({ width: 320, height: 640 });
      await page.goto(paths[name]);
      await page.evaluate(() => document.fonts.ready);
      // the «الأحدث» box is filled by the script: measured once it holds the newest headlines
      if (name === "article") await page.locator(".latest-box-list li a").first().waitFor();
      const overflow = await page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        const wide = [...document.querySelectorAll("body *")].filter((el) => {
          const box = el.getBoundingClientRect();
          return box.width > 0 && (box.right > width + 1 || box.left < -1) && !el.closest(".table-scroll, .site-nav, .visually-hidden");
        });
        return { scroll: document.documentElement.scrollWidth - width, wide: wide.slice(0, 5).map((el) => el.outerHTML.slice(0, 100)) };
      });
      expect(overflow.scroll, "no sideways scrolling").toBeLessThanOrEqual(0);
      expect(overflow.wide, "no element wider than the screen").toEqual([]);
    });
  }
});

test.describe("print", () => {
  test("keeps the article alone, black on white, with the original's address written out", async ({ page }) => {
    await page.emulateMedia({ media: "print", colorScheme: "dark" });
    await page.goto(paths.article);
    for (const selector of [".site-nav", ".share-bar", ".story-list", ".app-promo", ".search-form"]) {
      for (const element of await page.locator(selector).all()) await expect(element, `${selector} is not printed`).toBeHidden();
    }
    await expect(page.locator("h1")).toBeVisible();
    await expect(page.locator(".story-body")).toBeVisible();
    const colours = await page.evaluate(() => ({ background: getComputedStyle(document.documentElement).backgroundColor, text: getComputedStyle(document.querySelector(".story-body")!).color }));
    expect(luminance(colours.background)).toBeGreaterThan(0.9);
    expect(luminance(colours.text)).toBeLessThan(0.05);
    const href = await page.locator(".source-link").getAttribute("href");
    expect(await page.locator(".source-link").evaluate((a) => getComputedStyle(a, "::after").content)).toBe(`" ${href}"`);
  });
});

test.describe("screenshots of the article page for review", () => {
  mkdirSync(screenshotDir, { recursive: true });
  for (const [device, width, height] of [["phone", 390, 844], ["desktop", 1280, 900]] as const) {
    for (const colorScheme of ["light", "dark"] as const) {
      test(`${device} (${width} px), ${colorScheme}`, async ({ page }) => {
        await page.setViewportSize({ width, height });
        await page.emulateMedia({ colorScheme });
        await page.goto(paths.article);
        await page.evaluate(() => document.fonts.ready);
        await loadAllPictures(page);
        await page.screenshot({ path: path.join(screenshotDir, `design-article-${device}-${colorScheme}.png`), fullPage: true });
      });
    }
  }
});
