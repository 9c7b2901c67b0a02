// What content/ may hold: story Markdown, pictures, videos and the JSON registries. Content is
// data, never code: a template, script or Eleventy data file anywhere under it is refused by name
// (Eleventy is told to read nothing from content/ as well, src/eleventy/content.ts), and so is a
// symbolic link, which could publish or read what it points at outside the project.
import { readdirSync, type Dirent } from "node:fs";
import path from "node:path";
import type { ContentProblem } from "./problems.ts";

/** Files that would be code in an Eleventy project: templates, scripts, data files. */
const CODE = /\.(njk|liquid|hbs|handlebars|mustache|ejs|haml|pug|webc|11ty\.[cm]?js|[cm]?js|[cm]?ts|jsx|tsx|php|html?)$/i;

/** Every file and folder under `contentDir` that may not be there, named relative to `root`. */
export function contentInventoryProblems(contentDir: string, root: string): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const walk = (folder: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return; // a folder that cannot be read holds nothing the build reads either
    }
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      const file = path.relative(root, full) || full;
      if (entry.isSymbolicLink()) {
        problems.push({ file, field: "(file)", message: "is a symbolic link; expected a real file or folder (a link could publish or read what it points at outside the project): copy the file into content/ instead" });
      } else if (entry.isDirectory()) {
        walk(full);
      } else if (CODE.test(entry.name)) {
        problems.push({ file, field: "(file)", message: "is a template or script; expected only stories (.md), pictures, videos and JSON registries in content/: content is data and never runs (the site's templates live in layouts/)" });
      }
    }
  };
  walk(contentDir);
  return problems;
}
