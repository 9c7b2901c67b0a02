// Hostile registries (site.json, categories.json, sources.json) and a hostile --pathprefix, built
// the way an editor builds (`npm run build` with --content/--output): the build is refused with
// every file and field named, nothing is written outside the output folder, the previous output
// stays exactly as it was, and no temporary folder is left.
//
// The project is laid out as on disk: <work>/project/{content,marker,_site}. Ids such as `..` and
// `../x` became output paths (/source/../ replaced the home page; ../ reached next to the project),
// and addresses with line breaks added their own rules to _headers and robots.txt.
import assert from "node:assert/strict";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { runCommand, snapshot } from "../support/cli.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
const fixture = path.join(root, "test/fixtures/site/content");
const work = mkdtempSync(path.join(tmpdir(), "khabar-registries-"));
after(() => rmSync(work, { recursive: true, force: true }));

const project = path.join(work, "project");
const content = path.join(project, "content");
const marker = path.join(project, "marker");
const output = path.join(project, "_site");
const data = (name: string) => path.join(content, "_data", name);
const build = (...extra: string[]) => runCommand("build", ["--content", content, "--output", output, "--no-search", ...extra]);


/** Every file under `dir` (folders included, hidden ones too), relative, sorted. */
function tree(dir: string): string[] {
  return readdirSync(dir, { recursive: true }).map(String).sort();
}


const readJson = (file: string) => JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
const registries = ["site.json", "categories.json", "sources.json"] as const;
const originals = new Map<string, string>();
/** Puts the fixture's registries back. */
function restore(): void {
  for (const name of registries) writeFileSync(data(name), originals.get(name)!);
}

let before_: { output: string; marker: string[] };

/** Nothing outside the output: the project holds what it held, the marker folder is as it was, no temporary folder is left. */
function assertNothingOutside(): void {
  assert.deepEqual(readdirSync(work), ["project"], "nothing next to the project");
  assert.deepEqual(readdirSync(project).sort(), ["_site", "content", "marker"], "nothing next to the output (no .khabar-build-* or .khabar-old-* folder, no page)");
  assert.deepEqual(tree(marker), before_.marker, "the marker folder is untouched");
  assert.equal(snapshot(output), before_.output, "the previous output is exactly as it was");
  assert.deepEqual(tree(content).filter((f) => /(^|\/)index\.html$|_headers|robots\.txt/.test(f)), [], "no page written into content/");
}

describe("a build with hostile registries", () => {
  before(async () => {
    mkdirSync(project);
    cpSync(fixture, content, { recursive: true });
    mkdirSync(marker);
    writeFileSync(path.join(marker, "keep.txt"), "marker\n");
    for (const name of registries) originals.set(name, readFileSync(data(name), "utf8"));
    const first = await build();
    assert.equal(first.code, 0, first.stderr);
    before_ = { output: snapshot(output), marker: tree(marker) };
  });

  it("is refused, naming every bad address, path prefix, id and missing name with its file and field, and writes nothing", async () => {
    const site = readJson(data("site.json"));
    writeFileSync(
      data("site.json"),
      JSON.stringify({
        ...site,
        baseUrl: "https://test.example\n/*\n  Access-Control-Allow-Origin: *",
        pathPrefix: "/news/\nDisallow: /\nSitemap: https://evil.example/sitemap.xml\n",
        social: { x: "javascript:alert(document.cookie)", facebook: 'https://facebook.example/"><script>alert(1)</script>' },
        apps: { name: "خبر", ios: "data:text/html,<script>alert(1)</script>", android: "https://play.example\\@evil.example/" },
        logo: "../../../../etc/passwd",
      }),
    );
    writeFileSync(data("categories.json"), JSON.stringify({ ...readJson(data("categories.json")), "..": "الرئيسية", "../x": "خارج", "%2e%2e": "مرمز", ["ق".repeat(300)]: "طويل" }));
    writeFileSync(data("sources.json"), JSON.stringify({ wire: { homepage: "https://wire.example/" }, "..": { name: "بدل الرئيسية" }, "../../x": { name: "خارج المشروع" }, "a/b": { name: "مجلد" }, evil: { name: "شر", homepage: "javascript:alert(1)", logo: "data:image/svg+xml,<svg onload=alert(1)>" } }));
    try {
      const result = await build();
      assert.equal(result.code, 1, `refused, not built or crashed:\n${result.stdout}\n${result.stderr}`);
      const expected: Array<[string, string]> = [
        ["site.json", "baseUrl"],
        ["site.json", "pathPrefix"],
        ["site.json", "logo"],
        ["site.json", "apps.ios"],
        ["site.json", "apps.android"],
        ["site.json", "social.x"],
        ["site.json", "social.facebook"],
        ["categories.json", ".."],
        ["categories.json", "../x"],
        ["categories.json", "%2e%2e"],
        ["categories.json", `${"ق".repeat(59)}…`],
        ["sources.json", "wire.name"],
        ["sources.json", ".."],
        ["sources.json", "../../x"],
        ["sources.json", "a/b"],
        ["sources.json", "evil.homepage"],
        ["sources.json", "evil.logo"],
      ];
      assert.match(result.stderr, new RegExp(`Build failed: ${expected.length} content problems in 3 files:`));
      const lines = result.stderr.split("\n").filter((line) => line.startsWith("  "));
      for (const [file, field] of expected) {
        assert.ok(lines.some((line) => line.includes(`_data/${file}: ${field}: `)), `${file}: ${field}\n${result.stderr}`);
      }
      assert.equal(lines.length, expected.length, "one line per problem: no value's line break starts a line of its own");
      assert.match(result.stderr, /Nothing was written; .*_site is unchanged\./);
      assertNothingOutside();
    } finally {
      restore();
    }
  });

  it("refuses a hostile --pathprefix, named as the command line's, and writes nothing", async () => {
    for (const prefix of ["/x\nDisallow: /", "../../..", "/%2e%2e/", "/a b/"]) {
      const result = await build("--pathprefix", prefix);
      assert.equal(result.code, 1, `${JSON.stringify(prefix)}:\n${result.stdout}\n${result.stderr}`);
      assert.match(result.stderr, /Build failed: 1 content problem in 1 file:\n {2}\(command line\): --pathprefix: /, JSON.stringify(prefix));
      assertNothingOutside();
    }
  });

  it("still builds the fixture with its registries as they are", async () => {
    const result = await build();
    assert.equal(result.code, 0, result.stderr);
    assert.equal(snapshot(output), before_.output, "the same site as before");
    assert.deepEqual(readdirSync(project).sort(), ["_site", "content", "marker"]);
  });
});
