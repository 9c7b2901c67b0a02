// Moves a finished build into the output, changing only the files whose bytes changed: a host or
// CDN that syncs the output (rsync, S3/R2 sync, `netlify deploy`) then uploads and invalidates just
// those, and the build writes the list of what changed for the deploy step (changes.json).
//
// The build wrote everything it rendered into a staging folder; the pages it did not render (same
// fingerprint as the page already in the output) are listed as kept. A file in the output that the
// build neither staged nor kept is deleted, so the result is the output a clean build would give.
import { existsSync, lstatSync, mkdirSync, readFileSync, renameSync, rmdirSync, rmSync, type Stats } from "node:fs";
import path from "node:path";
import { filesUnder } from "../content/files-under.ts";
import { beginCommit, endCommit, writeBuildState, type PageFingerprints } from "./build-state.ts";

export interface OutputChanges {
  /** Output paths, relative to the output folder, sorted. */
  added: string[];
  changed: string[];
  deleted: string[];
  /** Files left exactly as they were (staged with the same bytes, or not rendered at all). */
  unchanged: number;
}

export interface CommitOptions {
  staging: string;
  target: string;
  /** The build's cache folder: the state of the output is recorded there. */
  cacheFolder: string;
  /** Files of the last build (the recorded state); undefined: the output folder is walked. */
  previousFiles?: string[];
  /** Bulk pages not rendered this build, already in the output as they should be. */
  kept: string[];
  pages: PageFingerprints;
}

function statOf(file: string): Stats | undefined {
  try {
    return lstatSync(file);
  } catch {
    return undefined;
  }
}

/** Same bytes: the same file (hard links from the picture cache), or the same size and content. */
function sameContent(staged: string, existing: string, stagedStat: Stats): boolean | undefined {
  const stat = statOf(existing);
  if (!stat) return undefined;
  if (!stat.isFile() || !stagedStat.isFile()) return false;
  if (stat.ino === stagedStat.ino && stat.dev === stagedStat.dev) return true;
  if (stat.size !== stagedStat.size) return false;
  return readFileSync(staged).equals(readFileSync(existing));
}

/** Removes `folder` and its parents up to `root` while they are empty. */
function pruneEmpty(folder: string, root: string): void {
  for (let dir = folder; dir.startsWith(root + path.sep); dir = path.dirname(dir)) {
    try {
      rmdirSync(dir);
    } catch {
      return; // not empty (or gone)
    }
  }
}

/**
 * Applies the staged build to `target` and records the new state. Returns what changed. A first build
 * (no `target` yet) is moved in whole. While files move, the state is marked untrusted: a build that
 * dies half-way leaves the next build a full compare.
 */
export function commitOutput({ staging, target, cacheFolder, previousFiles, kept, pages }: CommitOptions): OutputChanges {
  const staged = filesUnder(staging);
  if (!existsSync(target)) {
    renameSync(staging, target);
    writeBuildState(cacheFolder, { files: staged, ...pages });
    return { added: staged, changed: [], deleted: [], unchanged: 0 };
  }
  const changes: OutputChanges = { added: [], changed: [], deleted: [], unchanged: kept.length };
  const moves: string[] = [];
  for (const file of staged) {
    const from = path.join(staging, file);
    const same = sameContent(from, path.join(target, file), lstatSync(from));
    if (same === true) changes.unchanged++;
    else {
      (same === undefined ? changes.added : changes.changed).push(file);
      moves.push(file);
    }
  }
  const current = new Set([...staged, ...kept]);
  changes.deleted = (previousFiles ?? filesUnder(target)).filter((file) => !current.has(file));

  beginCommit(cacheFolder);
  for (const file of changes.deleted) {
    const absolute = path.join(target, file);
    rmSync(absolute, { force: true });
    pruneEmpty(path.dirname(absolute), target);
  }
  for (const file of moves) {
    const to = path.join(target, file);
    mkdirSync(path.dirname(to), { recursive: true });
    // A folder where a file goes (or the reverse) was another page's: the clean build has only the file.
    if (statOf(to)?.isDirectory()) rmSync(to, { recursive: true, force: true });
    renameSync(path.join(staging, file), to);
  }
  rmSync(staging, { recursive: true, force: true });
  writeBuildState(cacheFolder, { files: [...current].sort(), ...pages });
  endCommit(cacheFolder);
  return changes;
}

/** A site path for each output file: `a/index.html` is `/a/`, under the path prefix. */
export function outputUrl(file: string, pathPrefix = "/"): string {
  const prefix = pathPrefix.endsWith("/") ? pathPrefix : `${pathPrefix}/`;
  return prefix + file.replace(/(^|\/)index\.html$/, "$1");
}
