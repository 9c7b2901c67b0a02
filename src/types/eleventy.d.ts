// The small part of Eleventy's configuration API this project uses (Eleventy ships no .d.ts).
// https://www.11ty.dev/docs/config/
declare module "@11ty/eleventy" {
  export interface EleventyDirectories {
    input: string;
    output: string;
    data: string;
    includes: string;
    layouts?: string;
  }

  export interface UserConfig {
    directories: EleventyDirectories;
    ignores: Set<string>;
    setDataFileSuffixes(suffixes: string[]): void;
    addPlugin(plugin: (config: UserConfig) => void | Promise<void>): void;
    /** A plugin that needs options is always given them (base-blog's `addPlugin(plugin, options)`). */
    addPlugin<T>(plugin: (config: UserConfig, options: T) => void | Promise<void>, options: T): void;
    addGlobalData(name: string, value: unknown): void;
    addTemplate(virtualPath: string, content: string, data?: Record<string, unknown>): void;
    addFilter(name: string, filter: (...args: never[]) => unknown): void;
    addAsyncFilter(name: string, filter: (...args: never[]) => Promise<unknown>): void;
    addPassthroughCopy(path: string | Record<string, string>, options?: Record<string, unknown>): void;
    addWatchTarget(path: string): void;
    /** Returning false skips the template (https://www.11ty.dev/docs/config-preprocessors/). */
    addPreprocessor(name: string, extensions: string, fn: (data: Record<string, unknown>, content: string) => unknown): void;
    setServerOptions(options: Record<string, unknown>): void;
    setQuietMode(quiet: boolean): void;
    on(event: string, callback: (...args: never[]) => unknown): void;
    emit(event: string, ...args: unknown[]): Promise<unknown>;
    /** The template engine's own library instance, e.g. the Nunjucks Environment. */
    amendLibrary<T>(engine: string, callback: (library: T) => void): void;
    getFilter(name: string): ((...args: never[]) => unknown) | undefined;
    javascriptFunctions: Record<string, (...args: unknown[]) => unknown>;
  }

  export default class Eleventy {
    constructor(input?: string, output?: string, options?: { configPath?: string; quietMode?: boolean; runMode?: string; pathPrefix?: string; config?: (config: UserConfig) => void });
    write(): Promise<unknown>;
    toJSON(): Promise<Array<{ url: string; inputPath: string; outputPath: string; content: string }>>;
  }
}


declare module "@11ty/eleventy-plugin-rss" {
  import type { UserConfig } from "@11ty/eleventy";
  const rssPlugin: (config: UserConfig, options?: Record<string, unknown>) => void;
  export default rssPlugin;
}

declare module "pagefind" {
  interface Index {
    addCustomRecord(record: { url: string; content: string; language: string; meta?: Record<string, string>; filters?: Record<string, string[]> }): Promise<{ errors: string[] }>;
    writeFiles(options: { outputPath: string }): Promise<{ errors: string[]; outputPath: string }>;
  }
  export function createIndex(options?: Record<string, unknown>): Promise<{ errors: string[]; index?: Index }>;
  export function close(): Promise<void>;
}
