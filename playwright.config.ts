// Browser tests: the sample site is built once (test/support/site.ts), served as a static host
// would serve it (src/cli/serve.ts, `npm run serve`) and checked in the Chromium this machine has.
import { defineConfig, devices } from "@playwright/test";
import { chromiumArgs, chromiumPath } from "./test/support/browser.ts";

const port = Number(process.env.KHABAR_TEST_PORT ?? 4173);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "test/browser",
  outputDir: "test/output/test-results",
  globalSetup: "./test/support/site.ts",
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  reporter: "list",
  timeout: 30_000,
  expect: { timeout: 5_000 },
  webServer: {
    // Started before globalSetup builds the site, so readiness is the open port, not a page.
    command: `node --import tsx src/cli/serve.ts test/output/site ${port}`,
    port,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
  },
  use: {
    baseURL,
    locale: "ar",
    timezoneId: "Asia/Riyadh",
    trace: "retain-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: { executablePath: chromiumPath(), args: chromiumArgs },
      },
    },
  ],
});
