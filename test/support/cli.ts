// Running the project's commands the way an editor does (`node --import tsx src/cli/<command>.ts`)
// and reading what they leave on disk: shared by the build tests.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

export const projectRoot = fileURLToPath(new URL("../..", import.meta.url));

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `npm run <command>`'s script with `args` from the project folder; never throws on a non-zero exit. */
export async function runCommand(command: "build" | "check" | "import" | "new", args: string[], env: Record<string, string> = {}): Promise<CommandResult> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ["--import", "tsx", `src/cli/${command}.ts`, ...args], { cwd: projectRoot, env: { ...process.env, ...env }, maxBuffer: 1 << 26 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** Every file under `dir`, relative, sorted: the project's own walk. */
export { filesUnder } from "../../src/content/files-under.ts";
import { filesUnder } from "../../src/content/files-under.ts";

/** Every file's path and content hash, to prove a folder did not change. */
export function snapshot(dir: string): string {
  const hash = createHash("sha256");
  for (const file of filesUnder(dir)) hash.update(file).update(readFileSync(path.join(dir, file)));
  return hash.digest("hex");
}
