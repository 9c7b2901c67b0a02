// Keeps the picture cache (.cache/images/) from growing for ever: after each production build, the
// files no build has used for `KEEP_UNUSED_DAYS` days are deleted. When each file was last used is
// recorded in one small JSON file in the cache (file times are no guide: a picture encoded a year ago
// may be on today's home page). A file the record does not know yet counts as used today, so the
// first pruning deletes nothing and a file another build has just encoded is never taken.
import { readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";

export const CACHE_RECORD = ".last-used.json";
export const KEEP_UNUSED_DAYS = 30;
const DAY = 86_400_000;

export interface PrunePlan {
  /** Cached files to delete. */
  remove: string[];
  /** File name -> day (days since 1970) it was last used, for every file kept. */
  lastUsed: Record<string, number>;
}

/** What to delete of `files` (the cache's file names), given the record and what this build used. */
export function planPrune(files: readonly string[], lastUsed: Readonly<Record<string, number>>, used: ReadonlySet<string>, today: number, keepDays = KEEP_UNUSED_DAYS): PrunePlan {
  const plan: PrunePlan = { remove: [], lastUsed: {} };
  for (const name of files) {
    const day = used.has(name) ? today : (lastUsed[name] ?? today);
    if (today - day > keepDays) plan.remove.push(name);
    else plan.lastUsed[name] = day;
  }
  return plan;
}

/** Records what this build used and deletes what has gone unused too long; returns how many. */
export async function pruneCache(cacheDir: string, used: Iterable<string>, now = Date.now(), keepDays = KEEP_UNUSED_DAYS): Promise<number> {
  const entries = await readdir(cacheDir, { withFileTypes: true }).catch(() => undefined);
  if (!entries) return 0; // no cache yet: a site without local pictures
  // dot files are the record and the encoders' private temporary folders
  const files = entries.filter((e) => e.isFile() && !e.name.startsWith(".")).map((e) => e.name);
  const recordFile = path.join(cacheDir, CACHE_RECORD);
  let recorded: Record<string, number> = {};
  try {
    recorded = JSON.parse(await readFile(recordFile, "utf8")) as Record<string, number>;
  } catch {
    // no record yet, or a damaged one: everything counts as used today
  }
  const plan = planPrune(files, recorded, new Set(used), Math.floor(now / DAY), keepDays);
  await Promise.all(plan.remove.map((name) => rm(path.join(cacheDir, name), { force: true })));
  const scratch = `${recordFile}.${process.pid}`;
  await writeFile(scratch, JSON.stringify(plan.lastUsed));
  await rename(scratch, recordFile);
  return plan.remove.length;
}
