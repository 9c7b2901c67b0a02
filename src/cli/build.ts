// `npm run build`: the production site, updated only where it changed. Eleventy writes into a
// temporary folder next to the output (the story and list pages whose fingerprint changed, and the
// site's few other pages and files); only when the whole build succeeded are the files whose bytes
// changed moved into the output and the ones no longer built deleted (src/output/commit.ts), so a build that
// fails, on bad content or on anything else, leaves the previous _site/ exactly as it was and no
// temporary folder behind: before the folder is removed, the build waits for everything still
// writing into it (passthrough copies, and every listener of Eleventy's events: the page writer,
// the pictures' links, the search index), since one failing listener does not stop the others.
import { rmSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import Eleventy from "@11ty/eleventy";
import { DateTime } from "luxon";
import { close as stopPagefind } from "pagefind";
import { ContentError } from "../content/problems.ts";
import { readPathPrefix } from "../content/registries.ts";
import { BUILD_ENVIRONMENT } from "../eleventy/options.ts";
import { holdPassthroughCopies } from "../eleventy/passthrough-copies.ts";
import { buildCacheFolder, clearPendingPages, readBuildState, readPendingPages } from "../output/build-state.ts";
import { commitOutput, outputUrl, type OutputChanges } from "../output/commit.ts";
import { runCommand } from "./run.ts";

export interface BuildOptions {
  /** Folder holding content/, layouts/ and eleventy.config.ts. */
  root: string;
  /** Defaults to the project's content/ folder. */
  input?: string;
  output: string;
  quiet?: boolean;
  /** A sub-path to serve the site under (e.g. /news/), instead of site.json's pathPrefix. */
  pathPrefix?: string;
  /** False: no Pagefind index (quick rebuilds, sites with their own search). */
  search?: boolean;
  /** Build as of this time (ISO 8601) instead of the clock's: which stories are published, the news sitemap's window. */
  now?: string;
  /** True (`--clean`): nothing of the build cache is reused; every page is rendered. The output still changes only where its bytes do. */
  clean?: boolean;
}

/** What a build did to the output. */
export interface BuildResult extends OutputChanges {
  /** The build's cache folder, where changes.json lists what changed (for deploy steps). */
  cacheFolder: string;
  /** Story and list pages not rendered at all: their fingerprint was the one of the page in the output. */
  notRendered: number;
}


/** Runs `work` with environment variables set (undefined: left as they are), then restores them. */
async function withEnvironment<T>(variables: Record<string, string | undefined>, work: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(variables).map((name) => [name, process.env[name]]));
  for (const [name, value] of Object.entries(variables)) if (value !== undefined) process.env[name] = value;
  try {
    return await work();
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

/** An event emitter as Eleventy 3.1's AsyncEventEmitter uses it: `emit` asks `listeners(type)` and calls each. */
interface ListenerSource {
  listeners(type: string | symbol): Array<(...args: unknown[]) => unknown>;
}

/**
 * Starts recording what every listener of an initialised Eleventy's events returns (eleventy.after,
 * the page writer's events), so a failed build can wait for all of them: Eleventy runs them side by
 * side and rejects as soon as one fails, leaving the others writing. Returns what waits for every
 * listener started, whatever its outcome (and for those they start in turn). Eleventy has no public
 * way to do this; it throws at once, naming what is gone, if a new Eleventy no longer works this way.
 */
export function holdEventListeners(eleventy: Eleventy): () => Promise<void> {
  const events = (eleventy as unknown as { eleventyConfig?: { userConfig?: { events?: ListenerSource } } }).eleventyConfig?.userConfig?.events;
  if (typeof events?.listeners !== "function" || !/this\.listeners\(/.test(Object.getPrototypeOf(events).emit?.toString() ?? "")) {
    throw new Error("khabar: this Eleventy's events no longer run through eleventyConfig.userConfig.events.listeners() (an internal of 3.1); src/cli/build.ts must learn how to wait for its event listeners");
  }
  const started: Array<Promise<unknown>> = [];
  const listeners = events.listeners.bind(events);
  events.listeners = (type) =>
    listeners(type).map(
      (listener) =>
        function (this: unknown, ...args: unknown[]) {
          const result = listener.apply(this, args);
          if (result instanceof Promise) started.push(result.catch(() => undefined)); // the build's own error is the one to report
          return result;
        },
    );
  return async () => {
    for (let waited = 0; waited < started.length; ) {
      const batch = started.slice(waited);
      waited = started.length;
      await Promise.all(batch);
    }
  };
}

/**
 * Removes a failed build's folder, once everything writing into it has finished. Pagefind writes its
 * index from its own process, started by work no listener waits for when the page writer fails: it
 * is stopped first. The folder is removed again when the process ends, should anything have made it anew.
 */
async function removeBuildFolder(folder: string): Promise<void> {
  await stopPagefind();
  await rm(folder, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
  process.once("exit", () => rmSync(folder, { recursive: true, force: true }));
}

/** Every message in the chain of errors Eleventy wraps around the one thrown, once each: the one
 * thrown first (what went wrong), then the wrappers' (where: Eleventy names the template or file). */
export function errorMessages(error: unknown): string[] {
  const layers: string[][] = [];
  for (let e: unknown = error, depth = 0; e && depth < 10; depth++) {
    const message = e instanceof Error ? e.message : String(e);
    layers.push(message.split("\n").map((line) => line.trim().replace(/^Error: /, "")).filter(Boolean));
    const next = e as { originalError?: unknown; cause?: unknown };
    e = next.originalError ?? next.cause;
  }
  const lines = layers.reverse().flat();
  return lines.filter((line, index) => lines.indexOf(line) === index);
}

/** Finds our ContentError inside the errors Eleventy wraps around it. */
export function findContentError(error: unknown): ContentError | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 10; depth++) {
    if (e instanceof ContentError) return e;
    const next = e as { originalError?: unknown; cause?: unknown };
    e = next.originalError ?? next.cause;
  }
  return undefined;
}

export async function buildSite({ root, input = path.join(root, "content"), output, quiet = true, pathPrefix, search = true, clean = false, now }: BuildOptions): Promise<BuildResult> {
  const target = path.resolve(root, output);
  const cacheFolder = buildCacheFolder(root, target);
  const stamp = `${process.pid}-${Date.now()}`;
  const temporary = path.join(path.dirname(target), `.khabar-build-${stamp}`);
  const cwd = process.cwd();
  const content = path.relative(root, input) || ".";
  const environment = {
    [BUILD_ENVIRONMENT.content]: content,
    [BUILD_ENVIRONMENT.pathPrefix]: pathPrefix,
    [BUILD_ENVIRONMENT.search]: search ? undefined : "off",
    [BUILD_ENVIRONMENT.buildCache]: cacheFolder,
    [BUILD_ENVIRONMENT.buildTarget]: target,
    [BUILD_ENVIRONMENT.clean]: clean ? "1" : undefined,
    [BUILD_ENVIRONMENT.now]: now,
  };
  clearPendingPages(cacheFolder); // what the page writer records is this build's, or nothing
  process.chdir(root); // Eleventy resolves layouts and passthrough paths from the working directory
  let copied = () => Promise.resolve() as Promise<unknown>;
  let listened = () => Promise.resolve();
  try {
    await withEnvironment(environment, async () => {
      const eleventy = new Eleventy(content, temporary, {
        configPath: path.join(root, "eleventy.config.ts"),
        quietMode: quiet,
      });
      await (eleventy as unknown as { init(): Promise<void> }).init();
      copied = holdPassthroughCopies(eleventy);
      listened = holdEventListeners(eleventy);
      await eleventy.write();
    });
  } catch (error) {
    await Promise.all([copied(), listened()]);
    await removeBuildFolder(temporary);
    throw findContentError(error) ?? error;
  } finally {
    process.chdir(cwd);
  }
  const pending = readPendingPages(cacheFolder);
  clearPendingPages(cacheFolder);
  const pages = { frame: pending?.frame ?? "", pages: pending?.pages ?? {} };
  // Only what changed moves into the output; files no longer built are deleted.
  const state = clean ? undefined : readBuildState(cacheFolder);
  const changes = commitOutput({ staging: temporary, target, cacheFolder, previousFiles: state?.files, kept: pending?.kept ?? [], pages });
  writeChangeList(cacheFolder, changes, readPathPrefix(input, pathPrefix));
  return { ...changes, cacheFolder, notRendered: pending?.kept.length ?? 0 };
}

/** changes.json: what a deploy uploads and deletes, and the addresses to ping or purge. */
function writeChangeList(cacheFolder: string, { added, changed, deleted }: OutputChanges, prefix: string): void {
  const urls = (files: string[]) => files.map((file) => outputUrl(file, prefix));
  const list = { added, changed, deleted, urls: { added: urls(added), changed: urls(changed), deleted: urls(deleted) } };
  writeFileSync(path.join(cacheFolder, "changes.json"), `${JSON.stringify(list, null, 1)}\n`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { content: { type: "string", default: "content" }, output: { type: "string", default: "_site" }, pathprefix: { type: "string" }, "no-search": { type: "boolean", default: false }, clean: { type: "boolean", default: false }, now: { type: "string" }, verbose: { type: "boolean", default: false } } });
  const started = performance.now();
  let result: BuildResult;
  try {
    if (values.now !== undefined && !DateTime.fromISO(values.now, { setZone: true }).isValid) {
      console.error(`Build failed: --now "${values.now}" is not a time; expected ISO 8601 with a time zone, e.g. 2025-12-03T10:00:00+03:00`);
      process.exit(1);
    }
    const options = { pathPrefix: values.pathprefix, search: !values["no-search"], clean: values.clean, now: values.now };
    result = await buildSite({ root: process.cwd(), input: path.resolve(values.content!), output: values.output!, quiet: !values.verbose, ...options });
  } catch (error) {
    const content = findContentError(error);
    const unchanged = `Nothing was written; ${values.output} is unchanged.`;
    if (content) console.error(`Build failed: ${content.message}\n\n${unchanged}`);
    else {
      // Not a problem the checks know: say what failed where (Eleventy names the template), and what to do.
      const [first, ...more] = errorMessages(error);
      console.error(
        `Build failed: ${first}${more.map((line) => `\n  ${line}`).join("")}\n\n${unchanged}\n` +
          "Run `npm run check` for problems in the content; if it finds none, this is a fault in the build or its templates: " +
          `run the build again with --verbose and report the error with what it prints.`,
      );
      if (values.verbose) console.error(error);
    }
    process.exit(1);
  }
  const { added, changed, deleted, unchanged, cacheFolder, notRendered } = result;
  console.log(
    `Built ${values.output}/ in ${((performance.now() - started) / 1000).toFixed(2)} s: ${added.length} files added, ${changed.length} changed, ${deleted.length} deleted, ${unchanged} unchanged, ${notRendered} pages not rendered again` +
      ` (list: ${path.relative(process.cwd(), path.join(cacheFolder, "changes.json"))})`,
  );
}

await runCommand(import.meta.url, "build", main);
