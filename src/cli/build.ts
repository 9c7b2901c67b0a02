// `npm run build`: the production site, written atomically. Eleventy writes into a temporary
// folder next to the output; only when the whole build succeeded is it swapped in, so a build that
// fails on bad content leaves the previous _site/ exactly as it was.
import { existsSync } from "node:fs";
import { rename, rm } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import Eleventy from "@11ty/eleventy";
import { ContentError } from "../content/problems.ts";
import { BUILD_ENVIRONMENT } from "../eleventy/options.ts";
import { holdPassthroughCopies } from "../eleventy/passthrough-copies.ts";
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

/** Finds our ContentError inside the errors Eleventy wraps around it. */
export function findContentError(error: unknown): ContentError | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 10; depth++) {
    if (e instanceof ContentError) return e;
    const next = e as { originalError?: unknown; cause?: unknown };
    e = next.originalError ?? next.cause;
  }
  return undefined;
}

export async function buildSite({ root, input = path.join(root, "content"), output, quiet = true, pathPrefix, search = true }: BuildOptions): Promise<void> {
  const target = path.resolve(root, output);
  const stamp = `${process.pid}-${Date.now()}`;
  const temporary = path.join(path.dirname(target), `.khabar-build-${stamp}`);
  const previous = path.join(path.dirname(target), `.khabar-old-${stamp}`);
  const cwd = process.cwd();
  const content = path.relative(root, input) || ".";
  const environment = { [BUILD_ENVIRONMENT.content]: content, [BUILD_ENVIRONMENT.pathPrefix]: pathPrefix, [BUILD_ENVIRONMENT.search]: search ? undefined : "off" };
  process.chdir(root); // Eleventy resolves layouts and passthrough paths from the working directory
  let copied = () => Promise.resolve() as Promise<unknown>;
  try {
    await withEnvironment(environment, async () => {
      const eleventy = new Eleventy(content, temporary, {
        configPath: path.join(root, "eleventy.config.ts"),
        quietMode: quiet,
      });
      await (eleventy as unknown as { init(): Promise<void> }).init();
      copied = holdPassthroughCopies(eleventy);
      await eleventy.write();
    });
  } catch (error) {
    await copied();
    await rm(temporary, { recursive: true, force: true });
    throw findContentError(error) ?? error;
  } finally {
    process.chdir(cwd);
  }
  if (existsSync(target)) await rename(target, previous);
  await rename(temporary, target);
  await rm(previous, { recursive: true, force: true });
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { content: { type: "string", default: "content" }, output: { type: "string", default: "_site" }, pathprefix: { type: "string" }, "no-search": { type: "boolean", default: false }, verbose: { type: "boolean", default: false } } });
  const started = performance.now();
  try {
    const options = { pathPrefix: values.pathprefix, search: !values["no-search"] };
    await buildSite({ root: process.cwd(), input: path.resolve(values.content!), output: values.output!, quiet: !values.verbose, ...options });
  } catch (error) {
    const content = findContentError(error);
    console.error(content ? `Build failed: ${content.message}\n\nNothing was written; ${values.output} is unchanged.` : error);
    process.exit(1);
  }
  console.log(`Built ${values.output}/ in ${((performance.now() - started) / 1000).toFixed(2)} s`);
}

await runCommand(import.meta.url, "build", main);
