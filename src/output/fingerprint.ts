// Fingerprints: a short hash of everything a page (or any other output) is made from, so a build
// can tell that an output would come out the same and skip it. JSON with its keys sorted, Maps and
// Sets as arrays, so the same data always gives the same fingerprint, whatever order built it.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/** A JSON.stringify replacer: Maps and Sets as lists (plain JSON prints them as {} and would hide a change). */
export const withCollections = (_key: string, item: unknown): unknown => (item instanceof Map || item instanceof Set ? [...item] : item);

/** JSON of `value` with object keys sorted, Maps as [key, value] lists, Sets as lists and functions left out. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, function (this: unknown, key, raw: unknown) {
    const item = withCollections(key, raw);
    if (item && typeof item === "object" && !Array.isArray(item) && !(item instanceof Date)) {
      return Object.fromEntries(Object.keys(item).sort().map((key) => [key, (item as Record<string, unknown>)[key]]));
    }
    return typeof item === "function" ? undefined : item;
  });
}

/** The hash of its parts (strings as they are, anything else as stable JSON). */
export function fingerprint(...parts: unknown[]): string {
  const hash = createHash("sha1");
  for (const part of parts) hash.update(typeof part === "string" ? part : stableJson(part) ?? "undefined").update("\0");
  return hash.digest("base64url");
}

/**
 * The engine's version as far as output goes: a hash of every file under `folders` (the templates,
 * the engine's source) and of `files` (the lock file, the config), by path and bytes. Any change to
 * them makes every page a new page: a template change must reach all the pages that use it.
 */
export function engineVersion(root: string, folders: string[], files: string[]): string {
  const hash = createHash("sha1");
  const add = (file: string) => {
    const absolute = path.join(root, file);
    let bytes: Buffer;
    try {
      if (!statSync(absolute).isFile()) return;
      bytes = readFileSync(absolute);
    } catch {
      return; // an optional file (no lock file in a fixture)
    }
    hash.update(file).update("\0").update(bytes).update("\0");
  };
  for (const folder of folders) {
    const entries = readdirSync(path.join(root, folder), { recursive: true, encoding: "utf8" }).sort();
    for (const entry of entries) add(path.join(folder, entry));
  }
  for (const file of files) add(file);
  return hash.digest("base64url");
}
