import { expect, test } from "../support/browser.ts";
test("smoke", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
});
