// Content is data, never code: whatever is dropped into content/ (a template, a script, an Eleventy
// data file, a symbolic link to a secret) never runs, is never published, and the build and
// `npm run check` both name it. Each case runs in a temporary project with a marker folder beside
// content/, to prove nothing is read or written outside.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const root = fileURLToPath(new URL("../..", import.meta.url));
const fixture = path.join(root, "test/fixtures/site/content");
const work = mkdtempSync(path.join(tmpdir(), "khabar-content-data-"));
after(() => rmSync(work, { recursive: true, force: true }));

/** A 1x1 PNG. */
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

interface Project {
  dir: string;
  content: string;
  marker: string;
  output: string;
}

let count = 0;
function project(): Project {
  const dir = path.join(work, `project-${++count}`);
  const content = path.join(dir, "content");
  const marker = path.join(dir, "marker");
  cpSync(fixture, content, { recursive: true });
  mkdirSync(marker);
  writeFileSync(path.join(marker, "secret.txt"), "KHABAR-SECRET-TOKEN");
  return { dir, content, marker, output: path.join(dir, "_site") };
}

async function run(command: "build" | "check", p: Project): Promise<{ code: number; output: string }> {
  const args = command === "build" ? ["--content", p.content, "--output", p.output] : ["--content", p.content];
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ["--import", "tsx", `src/cli/${command}.ts`, ...args], { cwd: root });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, output: e.stdout + e.stderr };
  }
}

const everyFile = (dir: string): string[] =>
  existsSync(dir) ? readdirSync(dir, { recursive: true }).map(String).sort() : [];
const leftovers = (p: Project) => readdirSync(p.dir).filter((name) => name.startsWith(".khabar-"));

/** Builds a good site first, so a refused build can be seen to leave it as it was. */
async function withGoodBuild(p: Project): Promise<string[]> {
  const first = await run("build", p);
  assert.equal(first.code, 0, first.output);
  return everyFile(p.output);
}

describe("templates, scripts and data files under content/", () => {
  it("never run and never publish: the build and check refuse them by name, and the old site stays", async () => {
    const p = project();
    const before = await withGoodBuild(p);
    const pwned = path.join(p.marker, "PWNED");
    const script = `module.exports = () => { require("fs").writeFileSync(${JSON.stringify(pwned)}, "x"); return {}; };\n`;
    writeFileSync(path.join(p.content, "articles", "page.njk"), "---\npermalink: /evil.html\n---\n<script>alert(1)</script>{{ cycler.constructor('return process')() }}\n");
    writeFileSync(path.join(p.content, "_data", "evil.cjs"), script);
    writeFileSync(path.join(p.content, "content.11tydata.cjs"), script);
    mkdirSync(path.join(p.content, "pages"));
    writeFileSync(path.join(p.content, "pages", "pages.11tydata.js"), script.replace("module.exports =", "export default"));

    for (const command of ["build", "check"] as const) {
      const result = await run(command, p);
      assert.equal(result.code, 1, `${command} must refuse: ${result.output}`);
      for (const file of ["articles/page.njk", "_data/evil.cjs", "content.11tydata.cjs", "pages/pages.11tydata.js"]) {
        assert.match(result.output, new RegExp(`${file.replace(/[.]/g, "\\.")}: \\(file\\): is a template or script`), `${command} names ${file}`);
      }
    }
    assert.equal(existsSync(pwned), false, "no script ran");
    assert.deepEqual(everyFile(p.output), before, "the previous site is untouched");
    assert.deepEqual(leftovers(p), [], "no temporary build folder is left");
  });
});

describe("symbolic links under content/", () => {
  it("are refused by name, file or folder, and nothing they point at is published", async () => {
    const p = project();
    const before = await withGoodBuild(p);
    mkdirSync(path.join(p.content, "images"));
    symlinkSync(path.join(p.marker, "secret.txt"), path.join(p.content, "images", "secret.jpg"));
    symlinkSync(p.marker, path.join(p.content, "linked"));
    writeFileSync(path.join(p.content, "articles", "مع-صورة.md"), "---\ntitle: مع صورة\ndate: 2025-12-01\ncategory: politics\nsource: { name: مصدر, url: 'https://s.example/1' }\nimage: { src: /images/secret.jpg, alt: صورة }\n---\nنص.\n");
    for (const command of ["build", "check"] as const) {
      const result = await run(command, p);
      assert.equal(result.code, 1, `${command} must refuse: ${result.output}`);
      assert.match(result.output, /images\/secret\.jpg: \(file\): is a symbolic link/);
      assert.match(result.output, /content\/linked: \(file\): is a symbolic link/);
      assert.doesNotMatch(result.output, /KHABAR-SECRET-TOKEN/);
    }
    assert.deepEqual(everyFile(p.output), before);
    assert.deepEqual(leftovers(p), []);
  });
});

describe("files under content/ that no page shows", () => {
  it("are not published; the pictures the pages show are", async () => {
    const p = project();
    mkdirSync(path.join(p.content, "images"));
    writeFileSync(path.join(p.content, "images", "shown.png"), PNG);
    writeFileSync(path.join(p.content, "images", "unused.png"), PNG);
    writeFileSync(path.join(p.content, "images", "notes.txt"), "draft notes");
    writeFileSync(path.join(p.content, "articles", "مع-صورة.md"), "---\ntitle: مع صورة\ndate: 2025-12-01\ncategory: politics\nsource: { name: مصدر, url: 'https://s.example/1' }\n---\nنص.\n\n![صورة](/images/shown.png)\n");
    const result = await run("build", p);
    assert.equal(result.code, 0, result.output);
    const published = everyFile(p.output);
    assert.ok(published.includes(path.join("images", "shown.png")), "the picture a story shows");
    assert.ok(!published.includes(path.join("images", "unused.png")), "a picture no page shows");
    assert.ok(!published.includes(path.join("images", "notes.txt")));
    assert.deepEqual(readFileSync(path.join(p.output, "images", "shown.png")), PNG);
  });
});
