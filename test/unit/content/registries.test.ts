// The registries: site.json's defaults, and every problem site.json, categories.json and
// sources.json can have (bad addresses, path prefixes and ids, missing names), listed at once.
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { ContentError } from "../../../src/content/problems.ts";
import { DEFAULT_CONFIG, relatedConfig, relatedSettingsProblems as fieldProblems } from "../../../src/related/config.ts";
import { checkCategories, checkSources, loadRegistries, normalizeSite, pathPrefixProblem, readPathPrefix, type RegistryOptions } from "../../../src/content/registries.ts";

const valid = { name: "خبر", baseUrl: "https://khabar.example/" };
/** As the newsroom reads site.json: the related engine checks its own settings. */
const withRelated: RegistryOptions = { settingsChecks: [(raw) => fieldProblems(raw.related)] };
const problems = (raw: Record<string, unknown>): string[] => {
  try {
    normalizeSite({ ...valid, ...raw }, "news/_data/site.json", withRelated);
    return [];
  } catch (error) {
    assert.ok(error instanceof ContentError, "a content problem, reported like a story's");
    assert.ok(error.problems.every((p) => p.file === "news/_data/site.json"));
    return error.problems.map((p) => `${p.field}: ${p.message}`);
  }
};
const relatedSettingsProblems = (settings: unknown) => fieldProblems(settings).map((p) => `${p.field}: ${p.message}`);

describe("normalizeSite", () => {
  it("fills the defaults, and leaves the related settings as written for the engine to complete", () => {
    const site = normalizeSite(valid);
    assert.equal(site.baseUrl, "https://khabar.example");
    assert.equal(site.pathPrefix, "/");
    assert.equal(site.description, "خبر");
    assert.deepEqual(site.related, {});
    const related = relatedConfig(normalizeSite({ ...valid, related: { count: 3 } }).related);
    assert.deepEqual([related.count, related.readAlsoCount], [3, DEFAULT_CONFIG.readAlsoCount]);
  });
  it("serves under the sub-path it is given instead of site.json's (npm run build -- --pathprefix)", () => {
    assert.equal(normalizeSite({ ...valid, pathPrefix: "/a/" }).pathPrefix, "/a/");
    assert.equal(normalizeSite({ ...valid, pathPrefix: "/a/" }, "site.json", { pathPrefix: "news" }).pathPrefix, "/news/");
  });
  it("runs the checks it is given and lists their problems with its own", () => {
    assert.deepEqual(problems({ related: { cont: 3 } }).map((p) => p.split(":")[0]), ["related.cont"]);
    assert.doesNotThrow(() => normalizeSite({ ...valid, related: { cont: 3 } }), "without the engine's check, its settings are not read here");
  });
  it("lists every problem at once, each with what is expected", () => {
    const found = problems({ name: "", baseUrl: "khabar.example", listPageSize: 0, digits: "hindi", timeZone: "Mecca", syndication: { canonical: "elsewhere" }, related: { count: -1 } });
    assert.deepEqual(found.map((p) => p.split(":")[0]), ["name", "baseUrl", "listPageSize", "syndication.canonical", "digits", "timeZone", "related.count"]);
    assert.match(found.find((p) => p.startsWith("timeZone"))!, /expected an IANA time zone such as Asia\/Riyadh, got "Mecca"/);
  });
});

describe("related settings", () => {
  it("accepts the engine's own defaults and any part of them", () => {
    const { stem: _stem, ...rest } = DEFAULT_CONFIG;
    assert.deepEqual(relatedSettingsProblems(rest), []);
    assert.deepEqual(relatedSettingsProblems({ stem: { minStem: 2, prefixes: ["ال"], attestedProclitics: false } }), []);
    assert.deepEqual(relatedSettingsProblems({ fields: { tags: 5 }, recency: { weight: 0 } }), []);
    assert.deepEqual(relatedSettingsProblems(undefined), []);
  });
  it("names a setting that does not exist, with the closest one", () => {
    assert.deepEqual(relatedSettingsProblems({ readAlsocount: 3 }), [
      `related.readAlsocount: not a setting (did you mean readAlsoCount?); expected one of ${Object.keys(DEFAULT_CONFIG).join(", ")}`,
    ]);
    assert.match(relatedSettingsProblems({ recency: { halflifeDay: 30 } })[0]!, /^related\.recency\.halflifeDay: not a setting \(did you mean halfLifeDays\?\); expected one of weight, halfLifeDays$/);
    assert.match(relatedSettingsProblems({ stem: { replace: "x" } })[0]!, /^related\.stem\.replace: not a setting/, "a function cannot come from JSON");
  });
  it("wants whole numbers of stories and words, shares between 0 and 1, weights not below 0", () => {
    assert.deepEqual(relatedSettingsProblems({ count: 2.5, nearestPerTerm: 0, maxDocumentShare: 1.5, categoryBonus: -1, recency: { halfLifeDays: 0 }, bm25: { b: "0.7" } }), [
      "related.count: expected a whole number of at least 0, got 2.5",
      "related.nearestPerTerm: expected a whole number of at least 1, got 0",
      "related.maxDocumentShare: expected a share between 0 and 1, got 1.5",
      "related.categoryBonus: expected a number not below 0, got -1",
      "related.recency.halfLifeDays: expected a number of days above 0, got 0",
      'related.bm25.b: expected a share between 0 and 1, got "0.7"',
    ]);
  });
  it("wants true or false for switches, lists of letters for affixes, objects for groups", () => {
    assert.deepEqual(relatedSettingsProblems({ foldTaMarbuta: "yes", stem: { suffixes: "ات" }, fields: 3 }), [
      'related.foldTaMarbuta: expected true or false, got "yes"',
      'related.stem.suffixes: expected a list of Arabic letters or words, got "ات"',
      "related.fields: expected an object with title, summary, body, tags, got 3",
    ]);
  });
});

/** The problem lines of a registry check, `field: message`. */
const lines = (checked: { problems: Array<{ field: string; message: string }> }) => checked.problems.map((p) => `${p.field}: ${p.message}`);
const siteProblem = (raw: Record<string, unknown>, options: RegistryOptions = {}): string[] => {
  try {
    normalizeSite({ ...valid, ...raw }, "site.json", options);
    return [];
  } catch (error) {
    assert.ok(error instanceof ContentError);
    return error.problems.map((p) => `${p.file}: ${p.field}: ${p.message}`);
  }
};

describe("addresses in site.json", () => {
  const hostile = {
    "javascript:": "javascript:alert(document.cookie)",
    "JavaScript: in capitals": "JaVaScRiPt:alert(1)",
    "data:text/html": "data:text/html,<script>alert(1)</script>",
    "data: without markup": "data:text/html;base64,PHNjcmlwdD4=",
    "a line break": "https://x.example/\nDisallow: /",
    "a carriage return": "https://x.example/\r\nSitemap: https://evil.example/s.xml",
    "a line separator": "https://x.example/\u2028x",
    "a control character": "https://x.example/\u0007",
    "a bidi override": "https://x.example/\u202egpj.exe",
    "a space": "https://x.example/a b",
    "a double quote": 'https://x.example/"onmouseover="alert(1)',
    "a single quote": "https://x.example/'x",
    "an angle bracket": "https://x.example/<script>",
    "a backslash": "https://x.example\\@evil.example/",
    "no scheme": "//evil.example/x",
    "not absolute": "x.example/page",
    "not text": 42,
  };
  const fields: Array<[string, (bad: unknown) => Record<string, unknown>]> = [
    ["baseUrl", (bad) => ({ baseUrl: bad })],
    ["social.x", (bad) => ({ social: { x: bad } })],
    ["social.telegram", (bad) => ({ social: { telegram: bad } })],
    ["apps.ios", (bad) => ({ apps: { name: "خبر", ios: bad } })],
    ["apps.android", (bad) => ({ apps: { name: "خبر", android: bad } })],
  ];
  for (const [field, settings] of fields) {
    it(`refuses every unsafe kind of address in ${field}, naming the file and field`, () => {
      for (const [kind, bad] of Object.entries(hostile)) {
        const found = siteProblem(settings(bad));
        assert.equal(found.length, 1, `${kind}: ${found.join("\n")}`);
        assert.ok(found[0]!.startsWith(`site.json: ${field}: `), `${kind}: ${found[0]}`);
        assert.doesNotMatch(found[0]!, /[\n\r\u2028\u0007\u202e]/, `${kind}: the problem line is one printable line`);
      }
    });
  }
  it("says which scheme is refused, and what a line break or markup character is", () => {
    assert.match(siteProblem({ social: { x: "javascript:alert(1)" } })[0]!, /social\.x: "javascript:alert\(1\)" is a javascript: address, which is not allowed; expected the account's http\(s\) address$/);
    assert.match(siteProblem({ apps: { name: "خبر", ios: "data:text/html,x" } })[0]!, /apps\.ios: "data:text\/html,x" is a data: address, which is not allowed/);
    assert.match(siteProblem({ baseUrl: "https://x.example\nAccess-Control-Allow-Origin: *" })[0]!, /baseUrl: "https:\/\/x\.example\\u000aAccess-Control-Allow-Origin: \*" holds a line break; expected an absolute http\(s\) URL/);
    assert.match(siteProblem({ social: { facebook: "https://f.example/\"x" } })[0]!, /holds the markup character "/);
    assert.match(siteProblem({ social: { facebook: "https://f.example\\x" } })[0]!, /holds a backslash/);
  });
  it("wants baseUrl to be the site's address alone: no user name, query or fragment", () => {
    for (const bad of ["https://user:pw@x.example", "https://x.example/?a=1", "https://x.example/#top"]) assert.match(siteProblem({ baseUrl: bad })[0]!, /^site\.json: baseUrl: .* holds a user name, a query \(\?\) or a fragment \(#\)/, bad);
    assert.deepEqual(siteProblem({ baseUrl: "https://x.example/news/" }), [], "a path is fine");
  });
  it("takes a path inside content/ or an http(s) address for logo and defaultImage.src, and nothing else", () => {
    const ok = (picture: string) => ({ logo: picture, defaultImage: { src: picture, alt: "خبر" } });
    for (const fine of ["assets/logo.png", "/images/share.png", "https://cdn.example/logo.png", "assets/شعار.png"]) assert.deepEqual(siteProblem(ok(fine)), [], fine);
    for (const bad of ["javascript:alert(1)", "data:image/svg+xml,<svg onload=alert(1)>", "file:///etc/passwd", "assets/logo.png\n", "assets/\u0000logo.png", "assets/a\"b.png", "assets\\logo.png", "//evil.example/x.png", "../../etc/passwd", "assets/../../x.png"]) {
      assert.deepEqual(siteProblem(ok(bad)).map((p) => p.split(": ")[1]), ["logo", "defaultImage.src"], bad);
    }
  });
  it("refuses an xHandle that is not an account name", () => {
    assert.deepEqual(siteProblem({ social: { xHandle: "@khabar_1" } }), []);
    assert.match(siteProblem({ social: { xHandle: '@a"><script>' } })[0]!, /^site\.json: social\.xHandle: is .*; expected an X account name such as @khabar$/);
  });
  it("wants names to be text without control characters", () => {
    assert.deepEqual(siteProblem({ name: 5, tagline: "a\u0000b", apps: { ios: "https://apps.example/x" } }).map((p) => p.split(": ")[1]), ["name", "tagline", "apps.name"]);
  });
});

describe("the path prefix (site.json's pathPrefix and --pathprefix)", () => {
  it("accepts folders of safe characters, in any spelling of the slashes", () => {
    for (const fine of ["", "/", "news", "/news/", "news/ar", "/my.site_v2~x/", "/user.github.io/"]) assert.equal(pathPrefixProblem(fine), undefined, fine);
  });
  it("refuses line breaks, dot segments, separators, escapes, markup and wildcards, each part through the path rule", () => {
    const bad = {
      "/news/\nDisallow: /": /holds a line break/,
      "/\r\n/*\n  Access-Control-Allow-Origin: *": /holds a line break/,
      "/a/../b/": /the part "\.\." is a folder of its own/,
      "..": /the part "\.\." is a folder of its own/,
      "/a//b/": /the part "" is empty/,
      "/a\\b/": /the part "a\\b" holds a folder separator/,
      "/%2e%2e/": /the part "%2e%2e" holds %/,
      "/.hidden/": /starts with a dot/,
      "/con/": /device name/,
      "/a b/": /holds a space/,
      "/*/": /the part "\*" holds "\*"/,
      "/a:b/": /holds ":"/,
      '/"><script>/': /holds/,
      "/أخبار/": /holds "أ"; expected a path of letters, digits and - \. _ ~/,
      [`/${"a".repeat(151)}/`]: /is 151 bytes long/,
    };
    for (const [prefix, expected] of Object.entries(bad)) assert.match(pathPrefixProblem(prefix) ?? "(accepted)", expected, JSON.stringify(prefix));
    assert.match(pathPrefixProblem(3)!, /^is 3; expected a path/);
  });
  it("names site.json's pathPrefix, and --pathprefix as the command line's", () => {
    assert.deepEqual(siteProblem({ pathPrefix: "/news/\nDisallow: /" }).map((p) => p.split(": ").slice(0, 2).join(": ")), ["site.json: pathPrefix"]);
    assert.deepEqual(siteProblem({}, { pathPrefix: "../x" }).map((p) => p.split(": ").slice(0, 2).join(": ")), ["(command line): --pathprefix"]);
  });
  it("gives Eleventy / for a prefix that breaks the rule (the build then stops on it, named)", () => {
    const dir = temporaryContent({ pathPrefix: "/news/\nDisallow: /" });
    assert.equal(readPathPrefix(dir), "/");
    assert.equal(readPathPrefix(dir, "/ok/"), "/ok/");
    assert.equal(readPathPrefix(dir, "../../x"), "/");
  });
});

describe("ids in categories.json and sources.json", () => {
  const hostileIds = ["..", "../x", "", "a/b", "%2e%2e", "ب".repeat(300), ".", "..\\x", "a\nb", "con", ".hidden", "a b", "a?b", "a#b", "a<b"];
  it("refuses every id that is not one safe folder name, naming the registry and the id", () => {
    for (const id of hostileIds) {
      const categories = lines(checkCategories({ [id]: { name: "قسم" } }, "categories.json"));
      assert.equal(categories.length, 1, `${JSON.stringify(id)}: ${categories.join("\n")}`);
      assert.match(categories[0]!, /: the id ".*" .*; the id is the address of the section's page, \/category\/<id>\/$/);
      const sources = checkSources({ [id]: { name: "مصدر" } }, "sources.json");
      assert.equal(sources.problems.length, 1, JSON.stringify(id));
      assert.equal(sources.problems[0]!.file, "sources.json");
      assert.doesNotMatch(lines(sources)[0]!, /[\n\r]/);
    }
    assert.deepEqual(lines(checkSources({ "../x": { name: "x" } })), ['../x: the id "../x" holds a folder separator (/ or \\); expected one name, of letters, digits and hyphens; the id is the address of the source\'s page, /source/<id>/']);
    assert.match(lines(checkCategories({ "..": "x" }))[0]!, /^\.\.: the id "\.\." is a folder of its own/);
    assert.match(lines(checkCategories({ "": "x" }))[0]!, /^"": the id "" is empty/);
    assert.match(lines(checkCategories({ "%2e%2e": "x" }))[0]!, /holds %, which addresses read as an escape/);
    const long = lines(checkSources({ ["ب".repeat(300)]: { name: "x" } }))[0]!;
    assert.match(long, /^ب{59}…: the id "ب{59}…" is 600 bytes long \(300 letters\); expected at most 150 bytes/);
  });
  it("accepts ids of letters and digits in any script, hyphens, underscores and dots", () => {
    assert.deepEqual(lines(checkCategories({ politics: "سياسة", "sport-2": "رياضة", اقتصاد: "اقتصاد", news_ar: "أخبار", "v1.2": "x" })), []);
    assert.deepEqual(lines(checkSources({ afp: { name: "AFP" }, "bbc-arabic": { name: "BBC عربي" }, الجزيرة: { name: "الجزيرة" } })), []);
  });
  it("refuses two ids that would be one folder on a disk that ignores case", () => {
    assert.match(lines(checkCategories({ politics: "سياسة", Politics: "Politics" })).join("\n"), /^Politics: differs from the id "politics" only in case/);
  });
  it("wants every source to have a name, as text", () => {
    assert.deepEqual(lines(checkSources({ afp: { homepage: "https://www.afp.com/" } })), ["afp.name: is missing; expected the source's name readers see (every story citing the source shows it)"]);
    assert.match(lines(checkSources({ afp: { name: ["AFP"] } }))[0]!, /^afp\.name: is a list; expected the source's name/);
    assert.match(lines(checkSources({ afp: { name: "  " } }))[0]!, /^afp\.name: has no visible text/);
    assert.match(lines(checkSources({ afp: { name: "A\u0007FP" } }))[0]!, /^afp\.name: .* holds the control character U\+0007/);
    assert.match(lines(checkSources({ afp: "AFP" }))[0]!, /^afp: is "AFP"; expected \{ "name"/);
  });
  it("wants every section to have a name, as text, and a number for its order", () => {
    assert.deepEqual(lines(checkCategories({ a: { order: 1 }, b: { name: 3 }, c: null, d: { name: "د", order: "1" } })).map((l) => l.split(": ")[0]), ["a.name", "b.name", "c", "d.order"]);
    const { categories } = checkCategories({ a: "  أ\n ب ", b: { name: "ب", order: 7 } });
    assert.deepEqual([...categories.values()], [{ id: "a", name: "أ ب", order: 1 }, { id: "b", name: "ب", order: 7 }]);
  });
  it("checks a source's homepage and logo like site.json's addresses", () => {
    const found = lines(checkSources({ x: { name: "x", homepage: "javascript:alert(1)", logo: "data:image/svg+xml,<svg/onload=alert(1)>" }, y: { name: "y", homepage: "https://y.example/\n", logo: "../../secret.png" } }));
    assert.deepEqual(found.map((l) => l.split(": ")[0]), ["x.homepage", "x.logo", "y.homepage", "y.logo"]);
    assert.deepEqual(lines(checkSources({ x: { name: "x", homepage: "https://x.example/", logo: "assets/sources/x.svg" }, y: { name: "y", logo: "https://y.example/logo.png" } })), []);
  });
});

const temporary: string[] = [];
after(() => temporary.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const fixture = fileURLToPath(new URL("../../fixtures/site/content", import.meta.url));
/** A copy of the fixture site's content with site.json changed by `site`, and the other registries replaced when given. */
function temporaryContent(site: Record<string, unknown> = {}, registries: { categories?: unknown; sources?: unknown } = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), "khabar-registries-"));
  temporary.push(dir);
  cpSync(fixture, dir, { recursive: true });
  writeFileSync(path.join(dir, "_data/site.json"), JSON.stringify({ ...valid, ...site }));
  if (registries.categories !== undefined) writeFileSync(path.join(dir, "_data/categories.json"), JSON.stringify(registries.categories));
  if (registries.sources !== undefined) writeFileSync(path.join(dir, "_data/sources.json"), JSON.stringify(registries.sources));
  return dir;
}

describe("loadRegistries", () => {
  it("reads the sample site's and the fixture's registries without a problem", async () => {
    const root = fileURLToPath(new URL("../../..", import.meta.url));
    for (const dir of [path.join(root, "content/_data"), path.join(fixture, "_data")]) {
      const { categories, sources } = await loadRegistries(dir);
      assert.ok(categories.size > 0 && sources.size > 0, dir);
    }
  });
  it("lists every problem of the three registries at once, each with its file and field", async () => {
    const dir = temporaryContent(
      { baseUrl: "https://x.example\nAccess-Control-Allow-Origin: *", social: { x: "javascript:alert(1)" } },
      { categories: { "..": "رئيسية", politics: "سياسة" }, sources: { "../x": { name: "x" }, wire: { homepage: "https://wire.example/" } } },
    );
    const data = path.join(dir, "_data");
    await assert.rejects(loadRegistries(data, { pathPrefix: "/a\n" }), (error: unknown) => {
      assert.ok(error instanceof ContentError);
      const rel = (name: string) => path.relative(process.cwd(), path.join(data, name));
      assert.deepEqual(
        error.problems.map((p) => `${p.file}: ${p.field}`),
        [`${rel("site.json")}: baseUrl`, `${rel("site.json")}: social.x`, "(command line): --pathprefix", `${rel("categories.json")}: ..`, `${rel("sources.json")}: ../x`, `${rel("sources.json")}: wire.name`],
      );
      assert.match(error.message, /^6 content problems in 4 files:/);
      return true;
    });
  });
  it("names a registry that is not a set of entries", async () => {
    const dir = temporaryContent({}, { categories: ["politics"], sources: null });
    await assert.rejects(loadRegistries(path.join(dir, "_data")), (error: unknown) => {
      assert.ok(error instanceof ContentError);
      assert.deepEqual(error.problems.map((p) => `${path.basename(p.file)}: ${p.field}: ${p.message.split(";")[0]}`), ["categories.json: (file): is a list", "sources.json: (file): is nothing"]);
      return true;
    });
  });
});
