// Every file under a folder, as paths relative to it: what a build writes, what a search period
// holds, what a test reads back. One walk for all of them.
import { readdirSync } from "node:fs";
import path from "node:path";

/** Every file under `folder` (anything but a folder: a symbolic link counts), relative to it with `/` separators, sorted. */
export function filesUnder(folder: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (entry.isDirectory()) continue;
    files.push(path.relative(folder, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"));
  }
  return files.sort();
}
