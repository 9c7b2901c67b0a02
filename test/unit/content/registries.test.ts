// site.json: the defaults it gets, and every problem it can have, listed at once.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ContentError } from "../../../src/content/problems.ts";
import { DEFAULT_CONFIG, relatedConfig, relatedSettingsProblems as fieldProblems } from "../../../src/related/config.ts";
import { normalizeSite, type RegistryOptions } from "../../../src/content/registries.ts";

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
