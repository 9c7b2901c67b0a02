// What an incremental build remembers of the last one, in its cache folder (.cache/build/<output>/):
// the files it left in the output, and each bulk page's fingerprint. Written once the output is
// complete; a state that is half-written, from another version of this format, or left by a build
// that died while moving files into the output is never trusted: the build then renders every page
// and compares every file, which gives the same output as a clean build.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fingerprint } from "./fingerprint.ts";

const FORMAT = 2;
const STATE = "state.json";
/** The page writer's record of this build's pages, read by the commit. */
const PENDING = "pending.json";
/** Present while files are moved into the output: a build that dies then leaves it behind. */
const COMMITTING = "committing";

export interface PageFingerprints {
  /** Fingerprint of what every page shares: engine version, settings, labels, navigation. */
  frame: string;
  /** Each bulk page's fingerprint, by output path. */
  pages: Record<string, string>;
}

export interface BuildState extends PageFingerprints {
  /** Every file in the output, relative to it, sorted. */
  files: string[];
}

export interface PendingPages extends PageFingerprints {
  /** Pages not written this build because their fingerprint is the one already in the output. */
  kept: string[];
}

/** The file: a first line `{format, checksum}`, then the value's JSON, whose hash the checksum is (stringified once, not sorted: the same code writes it in the same order). */
function readChecked<T>(file: string): T | undefined {
  try {
    const text = readFileSync(file, "utf8");
    const at = text.indexOf("\n");
    const { format, checksum } = JSON.parse(text.slice(0, at)) as { format: unknown; checksum: unknown };
    const json = text.slice(at + 1);
    return at > 0 && format === FORMAT && checksum === fingerprint(json) ? (JSON.parse(json) as T) : undefined;
  } catch {
    return undefined; // missing, cut short or not JSON
  }
}

/** Written to a temporary name then renamed, so a reader sees the whole file or none. */
function writeChecked(file: string, value: unknown): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.partial`;
  const json = JSON.stringify(value);
  writeFileSync(partial, `${JSON.stringify({ format: FORMAT, checksum: fingerprint(json) })}\n${json}`);
  renameSync(partial, file);
}

/**
 * The cache folder of an output: .cache/build/<output>/ for an output inside the project (_site,
 * _preview), else a name made from its full path, so two outputs never share a state.
 */
export function buildCacheFolder(root: string, output: string): string {
  const target = path.resolve(root, output);
  const inside = path.relative(root, target);
  const name = inside && !inside.startsWith("..") && !path.isAbsolute(inside) ? inside.replaceAll(path.sep, "_") : `${path.basename(target)}-${fingerprint(target).slice(0, 10)}`;
  return path.join(root, ".cache", "build", name);
}

/** The last build's state, or undefined when there is none that can be trusted. */
export function readBuildState(folder: string): BuildState | undefined {
  if (existsSync(path.join(folder, COMMITTING))) return undefined;
  const state = readChecked<BuildState>(path.join(folder, STATE));
  return state && Array.isArray(state.files) && typeof state.frame === "string" && state.pages && typeof state.pages === "object" ? state : undefined;
}

export function writeBuildState(folder: string, state: BuildState): void {
  writeChecked(path.join(folder, STATE), state);
}

export function readPendingPages(folder: string): PendingPages | undefined {
  const pending = readChecked<PendingPages>(path.join(folder, PENDING));
  return pending && Array.isArray(pending.kept) ? pending : undefined;
}

export function writePendingPages(folder: string, pending: PendingPages): void {
  writeChecked(path.join(folder, PENDING), pending);
}

export function clearPendingPages(folder: string): void {
  rmSync(path.join(folder, PENDING), { force: true });
}

/** Marks the output as being changed (the state is untrusted until `endCommit`). */
export function beginCommit(folder: string): void {
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, COMMITTING), String(process.pid));
}

export function endCommit(folder: string): void {
  rmSync(path.join(folder, COMMITTING), { force: true });
}
