// The preview server (what `npm start` runs, without `tsx watch`) on a copy of the fixture site:
// an edit updates the page, a content error shows the problem page and the server keeps running,
// and fixing the file brings the site back without a restart. The times it takes are printed as
// diagnostics (figures, not assertions: they depend on the machine).
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { get as httpGet } from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
const fixture = path.join(root, "test/fixtures/site/content");
const work = mkdtempSync(path.join(tmpdir(), "khabar-preview-"));
const content = path.join(work, "content");
const output = path.join(work, "out");
cpSync(fixture, content, { recursive: true });
const storyFile = path.join(content, "articles", "خبر-ثالث.md");
const original = readFileSync(storyFile, "utf8");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

let server: ChildProcess | undefined;
let log = "";
let base = "";

/** A page as a browser navigating to it gets it (the dev server adds its reload client only then). */
function get(pathname: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve) => {
    const request = httpGet(`${base}${pathname}`, { headers: { accept: "text/html", "sec-fetch-mode": "navigate" }, timeout: 5000 }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
      response.on("error", () => resolve({ status: 0, body: "" }));
    });
    request.on("timeout", () => request.destroy());
    request.on("error", () => resolve({ status: 0, body: "" }));
  });
}

/** Polls until `test` passes; returns the milliseconds it took. Bounded: fails after `limit` ms. */
async function until(what: string, test: () => Promise<boolean>, limit = 20_000): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < limit) {
    if (server?.exitCode !== null && server?.exitCode !== undefined) assert.fail(`the preview server stopped (exit ${server.exitCode}) while waiting for ${what}\n${log}`);
    if (await test()) return performance.now() - started;
    await new Promise((r) => setTimeout(r, 20));
  }
  assert.fail(`timed out after ${limit} ms waiting for ${what}\n${log.slice(-3000)}`);
}

const storyPath = `/news/${encodeURIComponent("خبر-ثالث")}/`;
const page = () => get(storyPath);

before(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(
    process.execPath,
    ["--import", "tsx", "node_modules/@11ty/eleventy/cmd.cjs", "--config=eleventy.config.ts", "--serve", `--port=${port}`, `--output=${output}`],
    { cwd: root, env: { ...process.env, KHABAR_CONTENT: path.relative(root, content) } /* relative, as src/cli/build.ts passes it */, stdio: ["ignore", "pipe", "pipe"] },
  );
  server.stdout!.on("data", (d: Buffer) => (log += d.toString()));
  server.stderr!.on("data", (d: Buffer) => (log += d.toString()));
  await until("the first preview", async () => (await page()).body.includes("خبر ثالث"), 90_000);
});

after(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once("exit", resolve));
    server.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (server.exitCode === null) server.kill("SIGKILL");
  }
  rmSync(work, { recursive: true, force: true });
});

describe("the preview server", () => {
  it("serves pages with the live-reload client, drafts and scheduled stories marked", async () => {
    const { body } = await page();
    assert.match(body, /reload-client/);
    const draft = await get(`/news/${encodeURIComponent("مسودة")}/`);
    assert.match(draft.body, /data-status="draft">مسودة</);
    const scheduled = await get(`/news/${encodeURIComponent("مجدول")}/`);
    assert.match(scheduled.body, /data-status="scheduled">مجدول</);
  });

  it("updates a story's page after an edit", async (t) => {
    writeFileSync(storyFile, original.replace("title: خبر ثالث", "title: خبر ثالث بعد التعديل"));
    const ms = await until("the edited title", async () => (await page()).body.includes("خبر ثالث بعد التعديل"));
    t.diagnostic(`edit -> updated page: ${Math.round(ms)} ms`);
  });

  it("shows a content error as a page naming the story and field, escaped, and keeps running", async (t) => {
    writeFileSync(storyFile, original.replace("category: economy", 'category: "<script>alert(1)</script>"').replace("date:", "titel: x\ndate:"));
    const ms = await until("the problem page", async () => (await page()).body.includes("khabar-problems"));
    t.diagnostic(`broken story -> problem page: ${Math.round(ms)} ms`);
    const { body } = await page();
    assert.match(body, /<li data-file="[^"]*articles\/خبر-ثالث\.md" data-field="category">/);
    assert.match(body, /unknown category &quot;&lt;script&gt;alert\(1\)&lt;\/script&gt;&quot;; expected one of politics, economy, sports/);
    assert.match(body, /data-field="titel"/);
    assert.match(body, /unknown field &quot;titel&quot;; did you mean &quot;title&quot;\?/);
    assert.doesNotMatch(body, /<script>alert/);
    assert.match(body, /reload-client/, "the problem page reloads itself when the file is fixed");
    assert.match((await get("/")).body, /khabar-problems/, "every page the editor may be looking at shows it");
    assert.match(log, /The preview shows these problems until they are fixed/);
    assert.match(log, /خبر-ثالث\.md: category: unknown category/);
    assert.equal(server!.exitCode, null, "the server keeps running");
  });

  it("recovers when the file is fixed, without a restart", async (t) => {
    writeFileSync(storyFile, original);
    const ms = await until("the story again", async () => {
      const { body } = await page();
      return body.includes('<h1 class="story-title"') && !body.includes("khabar-problems");
    });
    t.diagnostic(`fixed story -> page back: ${Math.round(ms)} ms`);
    await until("the home page again", async () => !(await get("/")).body.includes("khabar-problems"));
    const left = readdirSync(output, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith(".html") && readFileSync(path.join(output, f), "utf8").includes("khabar-problems"));
    assert.deepEqual(left, [], "no problem page left behind");
  });
});
