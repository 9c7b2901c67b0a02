// `npm run serve -- [DIR=_site] [PORT=8080] [PATHPREFIX=/] [--compress]`: serves a built site the
// way a static host does, to try a build (with or without a path prefix) before deploying it:
//   - percent-encoded (Arabic) addresses, decoded before looking up the file;
//   - index.html for a folder, and a redirect that adds the trailing slash to a folder's address;
//   - 404.html with status 404 for anything missing (a plain-text 404 when the site has none);
//   - under a path prefix ("/news/"), the site's root is DIR and anything outside the prefix is a 404;
//   - never a file outside DIR ("../" and its encoded forms, symbolic links leading out);
//   - the security headers of _site/_headers (Content-Security-Policy, X-Content-Type-Options);
//   - with compress, text files compressed as the browser asks (Accept-Encoding: br, else gzip).
//
// serveSite() is the same server for code: the browser tests (test/support, playwright.config.ts)
// and `npm run budget` (bench/budget.ts, with compression, for Lighthouse). Port 0 picks a free port.
import { createReadStream, existsSync } from "node:fs";
import { readFile, realpath, stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { parseArgs, promisify } from "node:util";
import { brotliCompress, gzip } from "node:zlib";
import { normalizePathPrefix, pathPrefixProblem } from "../content/registries.ts";
import { contentSecurityPolicy } from "../site/csp.ts";
import { runCommand } from "./run.ts";

export interface ServeOptions {
  /** The built site's folder (the output of `npm run build`). It may not exist yet. */
  root: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** The address to listen on; 127.0.0.1 by default (this machine only). */
  host?: string;
  /** The path prefix the site was built with, e.g. "/news/"; "/" (the default) for none. */
  pathPrefix?: string;
  /** Compress text files (brotli or gzip, by the request's Accept-Encoding), as hosts do. Off by default. */
  compress?: boolean;
  /** Cache-Control of every response; "no-store" by default, so a rebuilt site is seen at once. */
  cacheControl?: string;
}

export interface ServedSite {
  /** The site's root URL, with the prefix and a trailing slash: http://127.0.0.1:8080/news/ */
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".png": "image/png",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".ico": "image/x-icon",
  ".webm": "video/webm",
  ".mp4": "video/mp4",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".wasm": "application/wasm",
};

/** Text worth compressing; pictures, fonts, video and Pagefind's index files are compressed already. */
const COMPRESSIBLE = new Set([".html", ".css", ".js", ".mjs", ".json", ".webmanifest", ".xml", ".txt", ".svg"]);

export function contentType(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";
}

/** The headers _site/_headers gives every response, so a local build sees the policy a host sends. */
const SECURITY_HEADERS = { "content-security-policy": contentSecurityPolicy("header"), "x-content-type-options": "nosniff" };

/** The compression to use for an Accept-Encoding header: brotli first, then gzip; q=0 refuses one. */
export function chooseEncoding(acceptEncoding: string | string[] | undefined): "br" | "gzip" | undefined {
  const quality = new Map<string, number>();
  for (const part of String(acceptEncoding ?? "").split(",")) {
    const [name = "", ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => /^\s*q\s*=\s*([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    if (name) quality.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const accepts = (name: string) => (quality.get(name) ?? quality.get("*") ?? 0) > 0;
  return accepts("br") ? "br" : accepts("gzip") ? "gzip" : undefined;
}

const compressors = { br: promisify(brotliCompress), gzip: promisify(gzip) };

async function stats(file: string) {
  return stat(file).catch(() => undefined);
}

/** `file` itself when it is a file inside `root` (after following symbolic links), else undefined. */
async function insideRoot(root: string, file: string): Promise<string | undefined> {
  const [realRoot, realFile] = await Promise.all([realpath(root).catch(() => undefined), realpath(file).catch(() => undefined)]);
  if (!realRoot || !realFile || !realFile.startsWith(realRoot + path.sep)) return undefined;
  return (await stats(realFile))?.isFile() ? file : undefined;
}

interface Settings {
  root: string;
  /** The prefix without its trailing slash: "" at the root, "/news" under /news/. */
  prefix: string;
  compress: boolean;
  cacheControl: string;
}

async function send(settings: Settings, request: IncomingMessage, response: ServerResponse, status: number, file: string | undefined): Promise<void> {
  const ext = file ? path.extname(file).toLowerCase() : ".txt";
  const headers: Record<string, string | number> = { "content-type": file ? contentType(file) : TYPES[".txt"]!, "cache-control": settings.cacheControl, ...SECURITY_HEADERS };
  const head = request.method === "HEAD";
  if (settings.compress && COMPRESSIBLE.has(ext)) {
    headers.vary = "accept-encoding";
    let body = file ? await readFile(file) : Buffer.from("404 Not Found\n");
    const encoding = chooseEncoding(request.headers["accept-encoding"]);
    if (encoding) {
      body = await compressors[encoding](body);
      headers["content-encoding"] = encoding;
    }
    response.writeHead(status, { ...headers, "content-length": body.length });
    response.end(head ? undefined : body);
    return;
  }
  if (!file) {
    const body = Buffer.from("404 Not Found\n");
    response.writeHead(status, { ...headers, "content-length": body.length });
    response.end(head ? undefined : body);
    return;
  }
  const { size } = await stat(file);
  response.writeHead(status, { ...headers, "content-length": size });
  if (head) {
    response.end();
    return;
  }
  await new Promise<void>((resolve, reject) => {
    const stream = createReadStream(file);
    stream.once("error", reject);
    response.once("close", () => {
      stream.destroy();
      resolve();
    });
    stream.pipe(response);
  });
}

async function notFound(settings: Settings, request: IncomingMessage, response: ServerResponse): Promise<void> {
  return send(settings, request, response, 404, await insideRoot(settings.root, path.join(settings.root, "404.html")));
}

async function handle(settings: Settings, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const { root, prefix } = settings;
  if (request.method !== "GET" && request.method !== "HEAD") {
    response.writeHead(405, { allow: "GET, HEAD" }).end();
    return;
  }
  // The URL parser already resolves "." and ".." segments (also written %2e%2e); an encoded slash
  // (..%2f) only becomes one here, so the path is checked against the root again below.
  const { pathname, search } = new URL(request.url ?? "/", "http://localhost");
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    response.writeHead(400, { "content-type": TYPES[".txt"]! }).end("400 Bad Request\n");
    return;
  }
  if (decoded.includes("\0")) {
    response.writeHead(400, { "content-type": TYPES[".txt"]! }).end("400 Bad Request\n");
    return;
  }
  if (prefix && decoded !== prefix && !decoded.startsWith(`${prefix}/`)) return notFound(settings, request, response);
  let file = path.join(root, decoded.slice(prefix.length) || "/");
  if (file !== root && !file.startsWith(root + path.sep)) return notFound(settings, request, response);
  if ((await stats(file))?.isDirectory()) {
    if (!pathname.endsWith("/")) {
      // one leading slash, so the address cannot become another host's (//example.com/)
      response.writeHead(301, { location: `${pathname.replace(/^\/+/, "/")}/${search}` }).end();
      return;
    }
    file = path.join(file, "index.html");
  }
  const found = await insideRoot(root, file);
  if (!found) return notFound(settings, request, response);
  return send(settings, request, response, 200, found);
}

/** Serves the built site in `root` until close() is called. */
export async function serveSite({ root, port = 0, host = "127.0.0.1", pathPrefix, compress = false, cacheControl = "no-store" }: ServeOptions): Promise<ServedSite> {
  const settings: Settings = { root: path.resolve(root), prefix: normalizePathPrefix(pathPrefix).replace(/\/$/, ""), compress, cacheControl };
  const server = createServer((request, response) => {
    handle(settings, request, response).catch((error: unknown) => {
      if (response.headersSent) {
        response.destroy();
        return;
      }
      response.writeHead(500, { "content-type": TYPES[".txt"]! }).end(`500 ${String(error)}\n`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port: actual } = server.address() as AddressInfo;
  const hostname = host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${hostname}:${actual}${settings.prefix}/`,
    port: actual,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

const USAGE = "usage: npm run serve -- [DIR=_site] [PORT=8080] [PATHPREFIX=/] [--compress]";

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { compress: { type: "boolean", default: false } } });
  const [dir = "_site", portText = "8080", pathPrefix = "/", ...extra] = positionals;
  const port = Number(portText);
  if (extra.length) throw new Error(`unexpected ${extra.join(" ")}\n${USAGE}`);
  if (!/^\d+$/.test(portText) || port > 65535) throw new Error(`the port must be a number from 0 to 65535, not "${portText}"\n${USAGE}`);
  const prefixProblem = pathPrefixProblem(pathPrefix);
  if (prefixProblem) throw new Error(`the path prefix ${prefixProblem}\n${USAGE}`);
  if (!existsSync(dir)) console.error(`Note: ${dir} does not exist yet (npm run build writes it); serving it as soon as it does.`);
  const site = await serveSite({ root: dir, port, pathPrefix, compress: values.compress });
  console.log(`Serving ${dir} at ${site.url}${values.compress ? " (compressed)" : ""}. Stop with Ctrl+C.`);
  const stop = (): void => void site.close().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

await runCommand(import.meta.url, "serve", main);
