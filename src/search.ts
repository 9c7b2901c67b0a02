// Static full-text search: Pagefind indexes the built pages (only story pages carry
// data-pagefind-body) with its Arabic stemmer, chosen from <html lang="ar">. https://pagefind.app/docs/node-api/
import * as pagefind from "pagefind";

export async function indexSite(outputDir: string): Promise<{ pages: number }> {
  const { index, errors } = await pagefind.createIndex({});
  try {
    if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
    // Only story pages are searchable; skipping the list pages spares Pagefind reading thousands of files.
    const added = await index.addDirectory({ path: outputDir, glob: "news/**/*.html" });
    if (added.errors.length) throw new Error(`Pagefind could not index ${outputDir}: ${added.errors.join("; ")}`);
    const written = await index.writeFiles({ outputPath: `${outputDir}/pagefind` });
    if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join("; ")}`);
    return { pages: added.page_count };
  } finally {
    await pagefind.close();
  }
}
