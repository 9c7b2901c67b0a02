// Eleventy copies passthrough files (pictures) alongside rendering and, when the global data fails
// (invalid content), leaves the copies running with nothing waiting for them (TemplateWriter.write
// and TemplatePassthroughManager.copyAll in 3.1.8; its public "eleventy.passthrough" event fires only
// once every template has rendered, which a failed build never does). Removing the build's
// temporary folder under them crashed the process with ENOENT, or a copy made the folder again.
// Eleventy has no public way to wait for them, so this is the one place that reaches inside: it
// wraps the private passthrough manager's copy method, and throws at once, naming what is gone,
// if a new Eleventy no longer has it (test/unit/eleventy/passthrough-copies.test.ts checks it).
import type Eleventy from "@11ty/eleventy";

interface PassthroughManager {
  copyPassthrough(pass: unknown): Promise<unknown>;
}

/** Starts recording the passthrough copies of an initialised Eleventy; returns what waits for every
 * copy started, whatever its outcome. */
export function holdPassthroughCopies(eleventy: Eleventy): () => Promise<unknown> {
  const manager = (eleventy as unknown as { passthroughManager?: PassthroughManager }).passthroughManager;
  if (typeof manager?.copyPassthrough !== "function") {
    throw new Error("khabar: this Eleventy has no passthroughManager.copyPassthrough (an internal of 3.1); src/eleventy/passthrough-copies.ts must learn how to wait for its passthrough copies");
  }
  const copies: Array<Promise<unknown>> = [];
  const copy = manager.copyPassthrough.bind(manager);
  manager.copyPassthrough = (pass) => {
    const started = copy(pass);
    copies.push(started.catch(() => undefined)); // the build's own error is the one to report
    return started;
  };
  return () => Promise.all(copies);
}
