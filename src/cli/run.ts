// The shared ending of every command in src/cli/: run main() when the file is the entry point,
// and turn an unexpected error into one line and exit code 1 instead of a stack trace.
import { pathToFileURL } from "node:url";

export async function runCommand(moduleUrl: string, name: string, main: () => Promise<void>): Promise<void> {
  if (!process.argv[1] || moduleUrl !== pathToFileURL(process.argv[1]).href) return;
  try {
    await main();
  } catch (error) {
    console.error(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
