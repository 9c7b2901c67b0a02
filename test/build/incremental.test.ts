// Incremental builds give exactly the output of a clean build. One newsroom's day, step by step, on a
// copy of the project (so a step can change a template): after each step the output that `npm run
// build` updated in place is compared, byte for byte, with a clean build (`--clean`, fresh folder)
// of the same content, and the change list names what changed.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { promisify } from "node:util";
import { filesUnder, projectRoot } from "../support/cli.ts";

const work = mkdtempSync(path.join(tmpdir(), "khabar-incremental-"));
after(() => rmSync(work, { recursive: true, force: true }));
const root = path.join(work, "project");
const content = path.join(root, "content");
const articles = path.join(content, "articles");

/** Before the scheduled story's time, then after it. */
const BEFORE = "2026-06-01T09:00:00Z";
const AFTER = "2026-06-01T11:00:00Z";

interface Built {
  stdout: string;
  changes: { added: string[]; changed: string[]; deleted: string[]; urls: { added: string[] } };
}

async function build(output: string, ...args: string[]): Promise<Built> {
  const run = promisify(execFile);
  try {
    // The project's picture cache: the sample's pictures are encoded once for every build test.
    const { stdout } = await run(process.execPath, ["--import", "tsx", "src/cli/build.ts", "--output", output, "--no-search", ...args], {
      cwd: root,
      env: { ...process.env, KHABAR_IMAGE_CACHE: path.join(projectRoot, ".cache/images") },
      maxBuffer: 1 << 26,
    });
    const list = /\(list: ([^)]+)\)/.exec(stdout)?.[1];
    assert.ok(list, stdout);
    return { stdout, changes: JSON.parse(readFileSync(path.join(root, list), "utf8")) };
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`build ${output} failed:\n${stdout}\n${stderr}`);
  }
}

/** Files whose bytes differ between two folders, or that only one has. */
function differences(a: string, b: string): string[] {
  const left = filesUnder(a);
  const right = filesUnder(b);
  const all = [...new Set([...left, ...right])].sort();
  const inBoth = new Set(left.filter((file) => right.includes(file)));
  return all.filter((file) => !inBoth.has(file) || !readFileSync(path.join(a, file)).equals(readFileSync(path.join(b, file))));
}

let step = 0;
/** Builds incrementally into out/ and cleanly into a fresh folder; both must be the same. */
async function buildBoth(now = BEFORE): Promise<Built> {
  const incremental = await build("out", "--now", now);
  const clean = `clean-${++step}`;
  await build(clean, "--now", now, "--clean");
  assert.deepEqual(differences(path.join(root, "out"), path.join(root, clean)), [], "incremental output differs from a clean build");
  rmSync(path.join(root, clean), { recursive: true });
  return incremental;
}

const storyFile = (slug: string) => filesUnder(articles).find((file) => path.basename(file, ".md") === slug)!;
const story = (title: string, date: string) =>
  `---\ntitle: '${title}'\ndate: ${date}\ncategory: economy\ntags: [النفط]\nsource:\n  id: bbcarabic\n  url: https://www.bbc.com/arabic/${encodeURIComponent(title.slice(0, 8))}\n---\n\nقالت مصادر إن ${title} في اجتماع اليوم، وسط ترقب الأسواق.\n`;

describe("incremental builds equal clean builds, step by step", () => {
  before(() => {
    mkdirSync(root);
    for (const part of ["src", "layouts", "content"]) cpSync(path.join(projectRoot, part), path.join(root, part), { recursive: true });
    for (const file of ["eleventy.config.ts", "package.json", "package-lock.json", "tsconfig.json"]) cpSync(path.join(projectRoot, file), path.join(root, file));
    symlinkSync(path.join(projectRoot, "node_modules"), path.join(root, "node_modules"));
  });

  it("a first build adds every file; a second one changes nothing and renders no story again", async () => {
    const first = await buildBoth();
    assert.ok(first.changes.added.includes("index.html"));
    const again = await build("out", "--now", BEFORE);
    assert.deepEqual([again.changes.added, again.changes.changed, again.changes.deleted], [[], [], []]);
    const storyPages = filesUnder(path.join(root, "out/news")).length;
    const notRendered = Number(/(\d+) pages not rendered again/.exec(again.stdout)?.[1]);
    assert.ok(notRendered >= storyPages, `${notRendered} pages not rendered of ${storyPages} story pages: ${again.stdout}`);
  });

  it("adding a story changes its own page, the lists and feeds it is in, and no unrelated story page", async () => {
    writeFileSync(path.join(articles, "2026-05-31-opec.md"), story("أوبك تبقي على مستويات الإنتاج", "2026-05-31T08:00:00Z"));
    const { changes } = await buildBoth();
    assert.ok(changes.added.includes(`news/2026-05-31-opec/index.html`), changes.added.join("\n"));
    assert.ok(changes.urls.added.includes(`/news/2026-05-31-opec/`));
    assert.ok(changes.changed.includes("index.html") && changes.changed.includes("feed.xml"));
  });

  it("editing a body changes that story's page and feeds, not the list pages that show its card", async () => {
    const file = path.join(articles, storyFile("2026-05-31-opec"));
    writeFileSync(file, readFileSync(file, "utf8") + "\nوأضافت المصادر أن القرار جاء بالإجماع.\n");
    const { changes } = await buildBoth();
    assert.ok(changes.changed.includes("news/2026-05-31-opec/index.html"));
    assert.ok(changes.changed.includes("feed.xml") && changes.changed.includes("category/economy/feed.xml"), "its feeds carry the body");
    const listPages = changes.changed.filter((file) => /^(latest|category|tag|source)\/.*index\.html$/.test(file));
    assert.deepEqual(listPages, [], "the card shows no body");
  });

  it("editing a headline changes every page that shows it", async () => {
    const file = path.join(articles, storyFile("2026-05-31-opec"));
    writeFileSync(file, readFileSync(file, "utf8").replace("أوبك تبقي على", "أوبك+ تُبقي على"));
    const { changes } = await buildBoth();
    assert.ok(changes.changed.includes("latest/index.html") && changes.changed.includes("index.html"), changes.changed.join("\n"));
  });

  it("renaming a file moves the page: the old address is deleted", async () => {
    renameSync(path.join(articles, storyFile("2026-05-31-opec")), path.join(articles, "2026-05-31-opec-plus.md"));
    const { changes } = await buildBoth();
    assert.ok(changes.deleted.includes("news/2026-05-31-opec/index.html"));
    assert.ok(changes.added.includes("news/2026-05-31-opec-plus/index.html"));
  });

  it("deleting a story deletes its page", async () => {
    rmSync(path.join(articles, storyFile("2026-05-31-opec-plus")));
    const { changes } = await buildBoth();
    assert.ok(changes.deleted.includes("news/2026-05-31-opec-plus/index.html"));
  });

  it("a scheduled story appears once its time has passed", async () => {
    writeFileSync(path.join(articles, "2026-06-01-scheduled.md"), story("قمة اقتصادية عربية تبدأ أعمالها", "2026-06-01T10:00:00Z"));
    const before = await buildBoth(BEFORE);
    assert.ok(!before.changes.added.some((file) => file.includes("scheduled")));
    const after = await buildBoth(AFTER);
    assert.ok(after.changes.added.includes("news/2026-06-01-scheduled/index.html"));
  });

  it("changing a setting rewrites the pages that show it", async () => {
    const file = path.join(content, "_data/site.json");
    writeFileSync(file, readFileSync(file, "utf8").replace('"name": "خبر"', '"name": "خبر اليوم"'));
    const { changes } = await buildBoth(AFTER);
    assert.ok(changes.changed.filter((file) => file.startsWith("news/")).length >= 18, "every story page names the site");
  });

  it("changing a template rewrites every page that uses it", async () => {
    const file = path.join(root, "layouts/story.njk");
    writeFileSync(file, readFileSync(file, "utf8").replace("{%- block main %}", "{%- block main %}<!-- changed -->"));
    const { changes } = await buildBoth(AFTER);
    const stories = changes.changed.filter((file) => file.startsWith("news/"));
    assert.equal(stories.length, filesUnder(path.join(root, "out/news")).length, "every story page");
  });

  it("a cache that was cut short is ignored, never trusted", async () => {
    const state = filesUnder(path.join(root, ".cache/build")).find((file) => file.endsWith("state.json"))!;
    const full = path.join(root, ".cache/build", state);
    writeFileSync(full, readFileSync(full, "utf8").slice(0, 200));
    const file = path.join(content, "_data/site.json");
    writeFileSync(file, readFileSync(file, "utf8").replace('"name": "خبر اليوم"', '"name": "خبر"'));
    await buildBoth(AFTER);
  });
});
