// The one place khabar reaches inside Eleventy: waiting for the passthrough copies a failed build
// leaves running. It must find the internal in the Eleventy we install, and say so loudly when not.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import Eleventy from "@11ty/eleventy";
import { holdPassthroughCopies } from "../../../src/eleventy/passthrough-copies.ts";

describe("holdPassthroughCopies", () => {
  const folder = mkdtempSync(path.join(tmpdir(), "khabar-passthrough-"));
  after(() => rmSync(folder, { recursive: true, force: true }));

  it("finds the passthrough manager in the installed Eleventy", async () => {
    const eleventy = new Eleventy(folder, path.join(folder, "_site"), { quietMode: true, configPath: false as unknown as string });
    await (eleventy as unknown as { init(): Promise<void> }).init();
    assert.equal(typeof holdPassthroughCopies(eleventy), "function");
  });

  it("waits for every copy started, whether it succeeded or failed", async () => {
    const finished: string[] = [];
    const later = (name: string, fail: boolean) =>
      new Promise((resolve, reject) => setTimeout(() => (finished.push(name), fail ? reject(new Error(name)) : resolve(name)), 20));
    const manager = { copyPassthrough: (pass: unknown) => later(String(pass), pass === "bad") };
    const fake = { passthroughManager: manager } as unknown as Eleventy;
    const wait = holdPassthroughCopies(fake);
    const copies = [manager.copyPassthrough("a"), manager.copyPassthrough("bad")];
    copies[1]!.catch(() => undefined);
    await wait();
    assert.deepEqual(finished.sort(), ["a", "bad"]);
  });

  it("fails loudly, naming the adapter, when Eleventy no longer has the internal", () => {
    assert.throws(() => holdPassthroughCopies({} as Eleventy), /passthroughManager.*src\/eleventy\/passthrough-copies\.ts/);
  });
});
