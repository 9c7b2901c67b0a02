// Import rules for src/, checked by `npm run lint:deps` (part of `npm test`).
// Why: src/ is built in layers so each part can be read, tested and changed without the
// parts outside it. Imports point inward only: a layer may import from itself and from
// the layers listed before it, never from one listed after it. No import cycles at all,
// type-only imports included. src/types/*.d.ts (ambient declarations) is open to everyone.
// Rules: https://github.com/sverweij/dependency-cruiser/blob/main/doc/rules-reference.md
// Options: https://github.com/sverweij/dependency-cruiser/blob/main/doc/options-reference.md

/** Innermost first. */
const layers = [
  ["content", "^src/content/"], // registries, front matter, contract, dates, slugs, problems, story loader
  ["body", "^src/body/"], // Markdown to HTML
  ["related", "^src/related/"], // related-stories engine
  ["images", "^src/images/"], // picture pipeline
  ["urls", "^src/urls\\.ts$"], // every address of the site
  ["site", "^src/site/"], // home, lists, feeds, sitemaps, SEO, share, search, CSP, fonts
  ["newsroom", "^src/newsroom\\.ts$"], // joins everything for templates
  ["import", "^src/import/"], // feed importer
  ["output", "^src/output/"], // incremental builds: fingerprints, the build's state, changes moved into the output
  ["eleventy", "^src/eleventy/"], // Eleventy adapters and plugins
  ["cli", "^src/cli/"], // commands
];

const order = layers.map(([name]) => name).join(" → ");

const layerRules = layers.slice(0, -1).map(([name, path], index) => {
  const outer = layers.slice(index + 1);
  return {
    name: `${name}-not-to-outer-layers`,
    severity: "error",
    comment:
      `${path} must not import ${outer.map(([n]) => n).join(", ")}. ` +
      `Imports point inward only (outer may import inner, never the reverse): ${order}.`,
    from: { path },
    to: { path: outer.map(([, p]) => p) },
  };
});

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "Import cycle (type-only imports count too). Move the shared part inward so imports point one way.",
      from: {},
      to: { circular: true },
    },
    ...layerRules,
    {
      name: "src-not-to-outside",
      severity: "error",
      comment: "src/ must not import bench/, test/ or the top-level configs: they import src, not the other way round.",
      from: { path: "^src/" },
      to: { path: ["^bench/", "^test/", "^eleventy\\.config\\.ts$", "^playwright\\.config\\.ts$"] },
    },
    {
      name: "not-to-unresolvable",
      severity: "error",
      comment: "This import does not resolve to a file or an installed package.",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true, // count `import type` too
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      mainFields: ["module", "main", "types", "typings"],
    },
  },
};
