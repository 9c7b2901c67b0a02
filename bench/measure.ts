// Measuring a command the benchmarks run: wall time around a child process, and its peak memory as
// the largest resident set of the process tree (GNU time's %M, which counts child processes such as
// Pagefind's indexer) or, without /usr/bin/time, of the Node process alone (process.resourceUsage,
// reported by bench/measure-hook.mjs).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const benchRoot = fileURLToPath(new URL("..", import.meta.url));
/** `node --import` this into a measured Node process. */
export const measureHook = path.join(benchRoot, "bench", "measure-hook.mjs");
export const gnuTime = existsSync("/usr/bin/time") && spawnSync("/usr/bin/time", ["-f", "%M", "true"]).status === 0 ? "/usr/bin/time" : null;
export const memorySource = gnuTime ? "GNU time (process tree)" : "process.resourceUsage (Node process only)";

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Lets the disk settle (earlier deletions are flushed) so one build does not pay for another's files. */
export function settleDisk(seconds: number): void {
  spawnSync("sync");
  if (seconds > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, seconds * 1000);
}

export interface Measured {
  wallS: number;
  /** The process tree's peak (GNU time), else the Node process's. */
  peakMB: number;
  /** The Node process's own peak, when it loaded the measure hook. */
  nodePeakMB?: number;
  /** khabar:* performance measures the process recorded (the hook). */
  measures: Array<{ name: string; ms: number }>;
  stdout: string;
}

/** Runs `command` with `args` (from the project folder), timed; throws with its output if it fails. */
export function runMeasured(label: string, command: string, args: string[], work: string): Measured {
  const report = path.join(work, `${label}.json`);
  const timeFile = path.join(work, `${label}.time`);
  rmSync(report, { force: true });
  const line = gnuTime ? [gnuTime, "-f", "%M", "-o", timeFile, command, ...args] : [command, ...args];
  const started = performance.now();
  const child = spawnSync(line[0]!, line.slice(1), { cwd: benchRoot, env: { ...process.env, BENCH_REPORT: report }, encoding: "utf8", maxBuffer: 64 << 20 });
  const wallS = (performance.now() - started) / 1000;
  if (child.status !== 0) throw new Error(`${label} failed (${child.status}):\n${child.stdout}\n${child.stderr}`);
  const hooked = existsSync(report) ? (JSON.parse(readFileSync(report, "utf8")) as { maxRssKB: number; measures: Measured["measures"] }) : undefined;
  const treeKB = gnuTime ? Number(readFileSync(timeFile, "utf8").trim().split("\n").pop()) : (hooked?.maxRssKB ?? NaN);
  return { wallS, peakMB: Math.max(treeKB, hooked?.maxRssKB ?? 0) / 1024, nodePeakMB: hooked && hooked.maxRssKB / 1024, measures: hooked?.measures ?? [], stdout: child.stdout };
}
