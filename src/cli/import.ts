// `npm run import -- FEED --source ID [--category ID] [--since DATE] [--dry-run] [--content DIR]`
// FEED is an RSS 2.0 or Atom file, or an http(s) address (fetched only then). Prints each story
// written, each item skipped or rejected with the reason, and the counts. Exits 1 when the feed as a
// whole cannot be imported, or when a story cannot be written (nothing is written then: the ones
// written before it are removed); rejected items do not change the exit code, so a scheduled
// import keeps going past one bad item.
import path from "node:path";
import { parseArgs } from "node:util";
import { printable } from "../content/clean-text.ts";
import { importFeed, type ImportResult, type ItemOutcome } from "../import/importer.ts";
import { runCommand } from "./run.ts";

const USAGE = "npm run import -- FEED --source ID [--category ID] [--since DATE] [--dry-run] [--content DIR]";

/** A headline cut to 80 letters (by code point: a letter outside the BMP is not split). */
const shortTitle = (title: string) => {
  const chars = [...title];
  return chars.length > 80 ? `${chars.slice(0, 79).join("")}…` : title;
};
// Titles, links and reasons come from the feed: printed with anything that could act on the terminal escaped.
const describeItem = (o: ItemOutcome) => `item ${o.position}${o.title ? ` «${printable(shortTitle(o.title))}»` : ""}`;

export function formatImport(result: ImportResult, feed: string, dryRun = false): string {
  const lines: string[] = [];
  const { format, encoding, items } = result.feed;
  lines.push(`${feed}: ${format === "atom" ? "Atom" : "RSS"} feed, ${encoding}, ${items} item${items === 1 ? "" : "s"}`);
  for (const w of result.written) lines.push(`  ${dryRun ? "would write" : "new"}: ${w.file}${w.datedNow ? " (no date in the feed: dated now)" : ""}`);
  for (const s of result.skipped) lines.push(`  skipped: ${describeItem(s)}: ${printable(s.reason)}`);
  for (const r of result.rejected) lines.push(`  rejected: ${describeItem(r)}${r.link ? ` (${printable(r.link)})` : ""}: ${printable(r.reason)}`);
  lines.push(`${result.written.length} new, ${result.skipped.length} skipped, ${result.rejected.length} rejected${dryRun ? " (dry run: nothing written)" : ""}.`);
  return lines.join("\n");
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      source: { type: "string" },
      category: { type: "string" },
      since: { type: "string" },
      content: { type: "string", default: "content" },
      "dry-run": { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (positionals.length !== 1 || !values.source) throw new Error(`expected one feed and --source\n  ${USAGE}`);
  const feed = positionals[0]!;
  const result = await importFeed({
    contentDir: path.resolve(values.content!),
    feed,
    sourceId: values.source,
    category: values.category,
    since: values.since,
    dryRun: values["dry-run"],
  });
  console.log(formatImport(result, feed, values["dry-run"]));
}

await runCommand(import.meta.url, "import", main);
