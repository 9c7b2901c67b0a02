// The stories an incremental build made before, one file each in .cache/build/stories/ (shared by
// every output and the preview), named by the hash of everything the story was made from: the
// engine's version, the context (settings, registries, labels, folders) and its file's bytes. A story
// whose file is unchanged is then neither parsed, checked nor rendered again (src/newsroom.ts
// replays what it asked of the picture pipeline). V8's serializer keeps dates, not classes: the
// front matter's luxon DateTimes are kept as ISO time and zone.
// Each entry carries the hash of its bytes: one cut short or changed on disk is ignored, never trusted.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { deserialize, serialize } from "node:v8";
import { DateTime } from "luxon";
import type { CachedStory, StoryCache } from "../newsroom.ts";
import { fingerprint } from "./fingerprint.ts";

const DIGEST = 20; // sha1

/** A luxon DateTime as V8 can keep it (its class would be lost): the instant and its zone. */
interface KeptDateTime {
  $dateTime: string;
  zone: string;
}

/** Copies `value` with every luxon DateTime in it made plain (`restore` makes them DateTimes again). */
function keep(value: unknown): unknown {
  if (DateTime.isDateTime(value)) return { $dateTime: value.toISO() ?? "", zone: value.zoneName ?? "UTC" } satisfies KeptDateTime;
  if (Array.isArray(value)) return value.map(keep);
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, keep(item)]));
  }
  return value;
}

function restore(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(restore);
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    const kept = value as Partial<KeptDateTime>;
    if (typeof kept.$dateTime === "string" && typeof kept.zone === "string") return DateTime.fromISO(kept.$dateTime, { zone: kept.zone });
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, restore(item)]));
  }
  return value;
}

export class StoryFileCache implements StoryCache {
  /** `engine`: the engine's version (src/output/fingerprint.ts); `reuse` false (`--clean`): entries are written, never read. */
  constructor(
    readonly folder: string,
    readonly engine: string,
    readonly reuse = true,
  ) {}

  scope(context: unknown): ReturnType<StoryCache["scope"]> {
    const { folder, reuse } = this;
    const prefix = fingerprint(this.engine, context);
    const used = new Set<string>();
    mkdirSync(folder, { recursive: true });
    return {
      key(bytes) {
        const key = createHash("sha1").update(prefix).update(bytes).digest("base64url");
        used.add(key);
        return key;
      },
      get(key) {
        if (!reuse) return undefined;
        let file: Buffer;
        try {
          file = readFileSync(path.join(folder, key));
        } catch {
          return undefined;
        }
        const payload = file.subarray(DIGEST);
        if (file.length <= DIGEST || !createHash("sha1").update(payload).digest().equals(file.subarray(0, DIGEST))) return undefined;
        try {
          const entry = deserialize(payload) as CachedStory;
          return { ...entry, checked: restore(entry.checked) as CachedStory["checked"] };
        } catch {
          return undefined;
        }
      },
      set(key, entry) {
        const payload = serialize({ ...entry, checked: keep(entry.checked) });
        // Written in place, not to a temporary name renamed after: an entry cut short fails its
        // checksum and is built again, and a rename per story cost ~1 ms each on this machine's disk
        // (10 s of a 10,000-story clean build). Two builds writing one key write the same bytes.
        try {
          writeFileSync(path.join(folder, key), Buffer.concat([createHash("sha1").update(payload).digest(), payload]));
        } catch {
          rmSync(path.join(folder, key), { force: true }); // a cache that cannot be written costs time, not the build
        }
      },
      finish() {
        // Another build may be writing here (the preview and `npm run build` share it): what it wrote
        // and this build removes is only built again.
        for (const name of readdirSync(folder)) if (!used.has(name)) rmSync(path.join(folder, name), { force: true });
      },
    };
  }
}
