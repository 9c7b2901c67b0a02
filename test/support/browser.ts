// Which Chromium the browser tests drive, and the fixtures every browser test shares.
//
// Playwright cannot download its own browser on every machine, so `chromiumPath()` takes one that
// is already there (a variable, a system package, Playwright's own download) and installs one only
// as a last resort, saying so. It is synchronous so playwright.config.ts can call it at load time.
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";
import { type BrowserContext, test as base, expect } from "@playwright/test";
import { chromium } from "playwright-core";

const systemChromiums = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

/** Flags for a browser that must not talk to anything but the local test server. */
export const chromiumArgs = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

function say(message: string): void {
  process.stderr.write(`[khabar tests] ${message}\n`);
}

function bundledChromium(): string | undefined {
  try {
    const bundled = chromium.executablePath();
    return bundled && existsSync(bundled) ? bundled : undefined;
  } catch {
    return undefined;
  }
}

function findChromium(): string | undefined {
  return systemChromiums.find((candidate) => existsSync(candidate)) ?? bundledChromium();
}

function run(command: string): boolean {
  say(`running: ${command}`);
  try {
    execSync(command, { stdio: "inherit" });
    return true;
  } catch {
    say(`failed: ${command}`);
    return false;
  }
}

/** The Chromium executable to launch; installs one when the machine has none. */
export function chromiumPath(): string {
  const named = process.env.CHROMIUM_PATH || process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH;
  if (named) {
    if (!existsSync(named)) throw new Error(`The Chromium named by CHROMIUM_PATH / PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH does not exist: ${named}`);
    return named;
  }
  const found = findChromium();
  if (found) return remember(found);

  say("no Chromium found (CHROMIUM_PATH, /usr/bin/chromium, Playwright's own): installing one for the browser tests");
  if (run("npx playwright install chromium")) {
    const installed = bundledChromium();
    if (installed) return remember(installed);
  }
  if (process.getuid?.() === 0) {
    say("trying the system package instead");
    if (run("apt-get update") && run("apt-get install -y --no-install-recommends chromium")) {
      const installed = findChromium();
      if (installed) return remember(installed);
    }
  }
  throw new Error(
    "The browser tests need Chromium and none could be found or installed.\n" +
      "Install one (e.g. `apt-get install chromium`, or `npx playwright install chromium`) " +
      "or set CHROMIUM_PATH to a Chromium or Chrome executable.",
  );
}

/** Workers load the config again: let them find the browser without searching or installing. */
function remember(executable: string): string {
  process.env.CHROMIUM_PATH = executable;
  return executable;
}

/** True for the test server itself: the only host a test may talk to. */
export function isLocal(url: string | URL): boolean {
  const { protocol, hostname } = typeof url === "string" ? new URL(url) : url;
  if (protocol === "data:" || protocol === "blob:" || protocol === "about:") return true;
  return ["localhost", "127.0.0.1", "[::1]"].includes(hostname);
}

/** Requests to any other host, blocked before they leave the machine. */
export interface ThirdParty {
  /** Every blocked URL, in order. */
  readonly requests: string[];
  /** Hosts this test expects (and still blocks); any other host fails the test when it ends. */
  expect(host: string): void;
}

/** Messages the page logged with console.error, and exceptions it did not catch. */
export interface PageErrors {
  readonly messages: string[];
}

/** Blocks (and records) every request from `context` to a host other than the test server. */
export async function blockThirdParty(context: BrowserContext): Promise<string[]> {
  const requests: string[] = [];
  await context.route(
    (url) => !isLocal(url),
    (route) => {
      requests.push(route.request().url());
      return route.abort("blockedbyclient");
    },
  );
  return requests;
}

export const test = base.extend<{ thirdParty: ThirdParty; pageErrors: PageErrors }>({
  // Every test runs offline: a request to another host is blocked, and fails the test unless expected.
  thirdParty: [
    async ({ context }, use) => {
      const requests = await blockThirdParty(context);
      const expected = new Set<string>();
      await use({ requests, expect: (host) => void expected.add(host) });
      const unexpected = requests.filter((url) => !expected.has(new URL(url).host));
      expect(unexpected, "requests to third-party hosts").toEqual([]);
    },
    { auto: true },
  ],
  pageErrors: async ({ page }, use) => {
    const messages: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") messages.push(`console.error: ${message.text()} (${message.location().url})`);
    });
    page.on("pageerror", (error) => messages.push(`uncaught: ${error.message}`));
    await use({ messages });
  },
});

export { expect };
