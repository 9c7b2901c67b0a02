// `npm run build`: the production site, written atomically. Eleventy writes into a temporary
// folder next to the output; only when the whole build succeeded is it swapped in, so a build that
// fails on bad content leaves the previous _site/ exactly as it was.
import { existsSync } from "node:fs";
import { rename, rm } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import Eleventy from "@11ty/eleventy";
import { ContentError } from "../problems.ts";
import { runCommand } from "./run.ts";

export interface BuildOptions {
  /** Folder holding content/, layouts/ and eleventy.config.ts. */
  root: string;
  /** Defaults to the project's content/ folder. */
  input?: string;
  output: string;
  quiet?: boolean;
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

interface PassthroughManager {
  copyPassthrough(pass: unknown): Promise<unknown>;
}

/**
 * Eleventy copies passthrough files (pictures) alongside rendering and, when the global data fails
 * (invalid content), leaves the copies running with nothing waiting for them (TemplateWriter.write
 * and TemplatePassthroughManager.copyAll in 3.1.8): removing the temporary folder under them then
 * crashed the process with ENOENT, or a copy made the folder again. Returns what to wait for: every
 * copy started, whatever its outcome.
 */
function holdPassthroughCopies(eleventy: Eleventy): () => Promise<unknown> {
  const manager = (eleventy as unknown as { passthroughManager?: PassthroughManager }).passthroughManager;
  if (!manager) return () => Promise.resolve();
  const copies: Array<Promise<unknown>> = [];
  const copy = manager.copyPassthrough.bind(manager);
  manager.copyPassthrough = (pass) => {
    const started = copy(pass);
    copies.push(started.catch(() => undefined)); // the build's own error is the one to report
    return started;
  };
  return () => Promise.all(copies);
}

export async function buildSite({ root, input = path.join(root, "content"), output, quiet = true }: BuildOptions): Promise<void> {
  const target = path.resolve(root, output);
  const stamp = `${process.pid}-${Date.now()}`;
  const temporary = path.join(path.dirname(target), `.khabar-build-${stamp}`);
  const previous = path.join(path.dirname(target), `.khabar-old-${stamp}`);
  const cwd = process.cwd();
  const previousContent = process.env.KHABAR_CONTENT;
  process.chdir(root); // Eleventy resolves layouts and passthrough paths from the working directory
  process.env.KHABAR_CONTENT = path.relative(root, input) || ".";
  let copied = () => Promise.resolve() as Promise<unknown>;
  try {
    const eleventy = new Eleventy(process.env.KHABAR_CONTENT, temporary, {
      configPath: path.join(root, "eleventy.config.ts"),
      quietMode: quiet,
    });
    await (eleventy as unknown as { init(): Promise<void> }).init();
    copied = holdPassthroughCopies(eleventy);
    await eleventy.write();
  } catch (error) {
    await copied();
    await rm(temporary, { recursive: true, force: true });
    throw findContentError(error) ?? error;
  } finally {
    process.chdir(cwd);
    if (previousContent === undefined) delete process.env.KHABAR_CONTENT;
    else process.env.KHABAR_CONTENT = previousContent;
  }
  if (existsSync(target)) await rename(target, previous);
  await rename(temporary, target);
  await rm(previous, { recursive: true, force: true });
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { content: { type: "string", default: "content" }, output: { type: "string", default: "_site" }, pathprefix: { type: "string" }, "no-search": { type: "boolean", default: false }, verbose: { type: "boolean", default: false } } });
  // A sub-path to serve the site under (e.g. /news/), overriding site.json's pathPrefix.
  if (values.pathprefix !== undefined) process.env.KHABAR_PATH_PREFIX = values.pathprefix;
  // Skips the Pagefind index (quick rebuilds, sites with their own search): src/eleventy/search.ts.
  if (values["no-search"]) process.env.KHABAR_SEARCH = "off";
  const started = performance.now();
  try {
    await buildSite({ root: process.cwd(), input: path.resolve(values.content!), output: values.output!, quiet: !values.verbose });
  } catch (error) {
    const content = findContentError(error);
    console.error(content ? `Build failed: ${content.message}\n\nNothing was written; ${values.output} is unchanged.` : error);
    process.exit(1);
  }
  console.log(`Built ${values.output}/ in ${((performance.now() - started) / 1000).toFixed(2)} s`);
}

await runCommand(import.meta.url, "build", main);
