// Loaded with `node --import` into each build that bench/build.ts runs: at exit, writes the
// process's peak resident memory and the khabar:* performance measures (the related engine's
// run) to the file named by BENCH_REPORT. Plain JavaScript so that the plain Eleventy build
// runs without tsx.
import { writeFileSync } from "node:fs";
import { PerformanceObserver } from "node:perf_hooks";

const report = process.env.BENCH_REPORT;
if (report) {
  const measures = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.name.startsWith("khabar:")) measures.push({ name: entry.name, ms: entry.duration, detail: entry.detail });
  }).observe({ entryTypes: ["measure"] });
  process.on("exit", () => writeFileSync(report, JSON.stringify({ maxRssKB: process.resourceUsage().maxRSS, measures })));
}
