// The site around the article page: paginated lists, tag and source pages with Arabic addresses,
// indexes, breadcrumbs, search, the 404 page, the security policy as a header, and a build served
// under a path prefix.
import { execFile } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { LinkChecker, LinkState } from "linkinator";
import { serveSite } from "../../src/cli/serve.ts";
import { contentSecurityPolicy } from "../../src/site/csp.ts";
import { expect, isLocal, test } from "../support/browser.ts";
import { root, screenshotDir, site } from "../support/site.ts";

const seedTitle = 'روبيو: تم إحراز "بعض التقدم" في المحادثات مع روسيا بشأن أوكرانيا';

async function expectNoAxeViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map(({ id, nodes }) => `${id}: ${nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

const headlines = (page: Page) => page.locator(".cards .card-title").allTextContents();

test.describe("paginated lists", () => {
  // Archive pages are counted from the oldest and hold listPageSize stories each; the front page
  // (the list's own address) holds the newest, between one and two pages' worth.
  test("«آخر الأخبار»: the newest on the front page, archive pages numbered from the oldest, linked both ways, no story twice", async ({ page }) => {
    await page.goto("/latest/");
    let nav = page.getByRole("navigation", { name: "الصفحات" });
    await expect(nav.getByRole("link", { name: /^→? ?أحدث$/ })).toHaveCount(0);
    await expect(nav.locator('[aria-current="page"]')).toHaveText("الأحدث");
    const items = await nav.getByRole("listitem").allTextContents();
    const archives = items.length - 1;
    expect(archives).toBeGreaterThan(0);
    // «الأحدث», then archive pages from the newest to the oldest, 1
    expect(items).toEqual(["الأحدث", ...Array.from({ length: archives }, (_, i) => String(archives - i))]);
    const all = await headlines(page);
    expect(all.length).toBeGreaterThanOrEqual(site.listPageSize);
    expect(all.length).toBeLessThan(2 * site.listPageSize);
    await expect(page.locator(".list-page-number")).toHaveCount(0);

    for (let number = archives; number >= 1; number--) {
      const newer = page.url();
      await nav.getByRole("link", { name: /أقدم/ }).click();
      await expect(page).toHaveURL(new RegExp(`/latest/page/${number}/$`));
      nav = page.getByRole("navigation", { name: "الصفحات" });
      await expect(nav.locator('[aria-current="page"]')).toHaveText(String(number));
      await expect(nav.getByRole("link", { name: /^→? ?أحدث$/ })).toHaveAttribute("href", new URL(newer).pathname);
      await expect(nav.getByRole("link", { name: "الأحدث" })).toHaveAttribute("href", "/latest/");
      await expect(page.locator("link[rel=canonical]")).toHaveAttribute("href", `${site.baseUrl}/latest/page/${number}/`);
      // «صفحة N», never «صفحة N من M»: the number of pages grows as stories are published
      await expect(page.locator(".list-page-number")).toHaveText(`صفحة ${number}`);
      await expect(page).toHaveTitle(new RegExp(`صفحة ${number}`));
      const shown = await headlines(page);
      expect(shown).toHaveLength(site.listPageSize);
      all.push(...shown);
    }
    await expect(nav.getByRole("link", { name: /أقدم/ })).toHaveCount(0);
    expect(new Set(all).size).toBe(all.length);
    expect(all).toContain(seedTitle);
  });

  test("reads right to left: newer pages on the right, older on the left, arrows pointing their way", async ({ page }, testInfo) => {
    await page.goto("/latest/");
    const older = (await page.locator(".page-next").boundingBox())!;
    expect(older.x).toBeLessThan((await page.locator(".pagination ol").boundingBox())!.x);
    await expect(page.locator(".page-next .arrow")).toHaveText("←");
    await page.goto("/latest/page/1/");
    const newer = (await page.locator(".page-prev").boundingBox())!;
    expect(newer.x).toBeGreaterThan((await page.locator(".pagination ol").boundingBox())!.x);
    await expect(page.locator(".page-prev .arrow")).toHaveText("→");
    // «الأحدث» right of 1, as the pages go from the newest to the oldest
    const items = page.locator(".pagination ol > li");
    expect((await items.first().boundingBox())!.x).toBeGreaterThan((await items.last().boundingBox())!.x);
    await expectNoAxeViolations(page);
    mkdirSync(screenshotDir, { recursive: true });
    for (const url of ["/latest/", "/latest/page/1/"]) {
      await page.goto(url);
      for (const width of [360, 1280]) {
        await page.setViewportSize({ width, height: 800 });
        const name = `pagination-${url === "/latest/" ? "front" : "page-1"}-${width}-${testInfo.project.name}.png`;
        await page.locator(".pagination").screenshot({ path: path.join(screenshotDir, name) });
      }
    }
  });
});

test.describe("the «الأحدث» box under a story", () => {
  const seedPath = `/news/${encodeURIComponent("روبيو-بعض-التقدم-في-المحادثات-مع-روسيا")}/`;

  test("is filled from /latest.json with the newest stories but this one, as text, without moving the page", async ({ page, request }) => {
    const latest = (await (await request.get("/latest.json")).json()) as { stories: Array<{ title: string; url: string; category: string; published: string }> };
    expect(latest.stories).toHaveLength(8);
    const times = latest.stories.map((s) => Date.parse(s.published));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    // hold the file back to measure the page before and after the list arrives; one title carries markup
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const stories = [{ ...latest.stories[0]!, title: '<img src=x onerror="document.title=1">عنوان' }, ...latest.stories.slice(1)];
    await page.route("**/latest.json", async (route) => {
      await held;
      await route.fulfill({ json: { stories } });
    });
    await page.goto(seedPath);
    const box = page.locator(".latest-box");
    const footer = page.locator(".site-footer");
    const before = [(await box.boundingBox())!.height, (await footer.boundingBox())!.y];
    release();
    const links = box.locator(".latest-box-list a");
    await expect(links).not.toHaveCount(0);
    const shown = stories.filter((s) => decodeURI(s.url) !== decodeURI(seedPath)).slice(0, 8);
    await expect(links).toHaveText(shown.map((s) => s.title));
    expect(await box.locator("img").count(), "markup in a title stays text").toBe(0);
    expect([(await box.boundingBox())!.height, (await footer.boundingBox())!.y]).toEqual(before);
  });

  test("is complete without the script: it links to «آخر الأخبار»", async ({ browser }, testInfo) => {
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL: testInfo.project.use.baseURL });
    const page = await context.newPage();
    await page.goto(seedPath);
    await expect(page.locator(".latest-box").getByRole("link", { name: "آخر الأخبار" })).toHaveAttribute("href", "/latest/");
    await expect(page.locator(".latest-box-list li")).toHaveCount(0);
    await context.close();
  });
});

test.describe("tag, source and index pages", () => {
  test("a tag link leads to a readable Arabic address listing the tag's stories", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("link", { name: seedTitle }).first().click();
    await page.getByRole("list", { name: "الوسوم" }).getByRole("link", { name: "أوكرانيا" }).click();
    expect(decodeURIComponent(new URL(page.url()).pathname)).toBe("/tag/أوكرانيا/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("أوكرانيا");
    await expect(page.locator(".card-title")).toContainText([seedTitle]);
    const crumbs = page.getByRole("navigation", { name: "مسار التنقل" }).getByRole("link");
    await expect(crumbs).toHaveText(["الرئيسية", "الوسوم", "أوكرانيا"]);
  });

  test("a source page is «أخبار <source>» and lists only that source's stories", async ({ page }) => {
    await page.goto("/source/alarabiya/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("أخبار العربية");
    const sourcesShown = await page.locator(".card-meta bdi").allTextContents();
    expect(sourcesShown.length).toBeGreaterThan(0);
    expect(new Set(sourcesShown)).toEqual(new Set(["العربية"]));
  });

  test("the tag and source indexes link to every tag and source page", async ({ page }) => {
    await page.goto("/tags/");
    const tagLinks = page.locator("[data-index=tags] a");
    expect(await tagLinks.count()).toBeGreaterThan(5);
    await page.goto("/sources/");
    await page.getByRole("link", { name: "Reuters" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("أخبار Reuters");
  });

  test("category pages carry breadcrumbs and their own feeds", async ({ page }) => {
    await page.goto("/category/economy/");
    await expect(page.getByRole("navigation", { name: "مسار التنقل" }).getByRole("link")).toHaveText(["الرئيسية", "اقتصاد"]);
    await expect(page.locator('link[rel=alternate][type="application/atom+xml"]')).toHaveCount(2);
    await expect(page.locator('link[rel=alternate][href="/category/economy/feed.xml"]')).toHaveCount(1);
  });

  for (const [name, url] of [["tag", "/tag/" + encodeURIComponent("روسيا") + "/"], ["source", "/source/reuters/"], ["tags index", "/tags/"], ["sources index", "/sources/"]]) {
    test(`axe finds no violations on a ${name} page`, async ({ page }) => {
      await page.goto(url!);
      await expectNoAxeViolations(page);
    });
  }
});

test.describe("search", () => {
  test("searching from the header finds a story by another form of its words", async ({ page }) => {
    await page.goto("/");
    const box = page.getByRole("banner").getByLabel("ابحث في الأخبار");
    await box.fill("الأوكرانية");
    await box.press("Enter");
    await expect(page).toHaveURL(/\/search\/\?q=/);
    await expect(page.locator("[data-search-results] .card-title")).toContainText([seedTitle]);
    await expect(page.getByRole("status")).toContainText("نتيجة");
  });

  test("finds stories with and without ال and in the plural", async ({ page }) => {
    for (const query of ["أوكرانيا", "مفاوضات", "المفاوضات"]) {
      await page.goto(`/search/?q=${encodeURIComponent(query)}`);
      await expect(page.locator("[data-search-results] .card-title").first()).toBeVisible();
      await expect(page.locator("[data-search-results] .card-title")).toContainText([seedTitle]);
    }
  });

  test("says so when nothing matches, and the page passes axe", async ({ page }) => {
    await page.goto(`/search/?q=${encodeURIComponent("qwxzvbnq")}`);
    await expect(page.getByRole("status")).toContainText("لا نتائج");
    await expectNoAxeViolations(page);
  });
});

test.describe("the 404 page", () => {
  test("answers an unknown address in Arabic with a way back and a search box", async ({ page }) => {
    const response = await page.goto("/no-such-story/");
    expect(response!.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("الصفحة غير موجودة");
    await expect(page.getByRole("link", { name: "العودة إلى الصفحة الرئيسية" })).toHaveAttribute("href", "/");
    await expect(page.getByRole("main").getByLabel("ابحث في الأخبار")).toBeVisible();
    await expectNoAxeViolations(page);
  });
});

test.describe("the security policy", () => {
  test("is sent as a header, and no page breaks it", async ({ page, thirdParty }) => {
    thirdParty.expect("www.youtube-nocookie.com"); // the player, after the click (blocked here)
    const violations: string[] = [];
    await page.exposeFunction("reportViolation", (text: string) => violations.push(text));
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) => (window as unknown as { reportViolation(t: string): void }).reportViolation(`${e.violatedDirective} ${e.blockedURI}`));
    });
    for (const url of ["/", "/latest/page/1/", "/tags/", `/search/?q=${encodeURIComponent("روسيا")}`, "/no-such-page/"]) {
      const response = await page.goto(url);
      expect(response!.headers()["content-security-policy"]).toBe(contentSecurityPolicy("header"));
      await page.waitForLoadState("networkidle");
    }
    await page.goto("/");
    await page.getByRole("link", { name: seedTitle }).first().click();
    await page.locator("a.video-facade").click();
    await expect(page.locator("iframe.video-frame")).toHaveCount(1);
    expect(violations).toEqual([]);
  });
});

test.describe("a site built under a path prefix", () => {
  test("has no broken link when served under /news/", async () => {
    test.setTimeout(180_000);
    const output = path.join(root, "test/output/site-prefixed");
    rmSync(output, { recursive: true, force: true });
    await promisify(execFile)(process.execPath, ["--import", "tsx", "src/cli/build.ts", "--pathprefix", "/news/", "--output", output], { cwd: root });
    const server = await serveSite({ root: output, pathPrefix: "/news/" });
    try {
      const { links } = await new LinkChecker().check({
        path: server.url,
        recurse: true,
        checkCss: true,
        concurrency: 10,
        linksToSkip: async (link) => !URL.canParse(link) || !isLocal(link),
      });
      const broken = links.filter((l) => l.state === LinkState.BROKEN).map((l) => `${l.status ?? "-"} ${l.url} (from ${l.parent})`);
      expect(broken).toEqual([]);
      const outside = links.filter((l) => isLocal(l.url) && !new URL(l.url).pathname.startsWith("/news/")).map((l) => l.url);
      expect(outside, "every link stays under the prefix").toEqual([]);
      expect(links.filter((l) => l.state === LinkState.OK).length).toBeGreaterThan(50);
    } finally {
      await server.close();
    }
  });
});
