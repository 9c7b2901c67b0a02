// A small static file server for a built site, as a static host would serve it: percent-encoded
// (Arabic) paths, index.html for folders, a redirect to add the trailing slash, 404.html when the
// site has one, and an optional path prefix (a site deployed under /something/).
//
//   start("test/output/site", { port: 4173 })  ->  { url: "http://localhost:4173/", close() }
//   node --import tsx test/support/static-server.ts DIR PORT [PREFIX]
import { createReadStream, existsSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { contentSecurityPolicy } from "../../src/csp.ts";
import { normalizePathPrefix } from "../../src/site.ts";

const contentTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
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
};

export function contentType(file: string): string {
  return contentTypes[path.extname(file).toLowerCase()] ?? "application/octet-stream";
}

export interface ServerOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Serve the site under this path, e.g. "/khabar"; anything outside it is a 404. */
  prefix?: string;
  host?: string;
}

export interface RunningServer {
  /** The site's root URL, with a trailing slash (and the prefix). */
  url: string;
  close(): Promise<void>;
}

/** The site's path prefix rule, without the trailing slash ("" at the root). */
const normalisePrefix = (prefix?: string) => normalizePathPrefix(prefix).replace(/\/$/, "");

async function isFile(file: string): Promise<boolean> {
  return (await stat(file).catch(() => undefined))?.isFile() ?? false;
}

async function isDirectory(file: string): Promise<boolean> {
  return (await stat(file).catch(() => undefined))?.isDirectory() ?? false;
}

async function notFound(root: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const page = path.join(root, "404.html");
  const hasPage = await isFile(page);
  const body = hasPage ? await readFile(page) : Buffer.from("404 Not Found\n");
  response.writeHead(404, { "content-type": hasPage ? contentTypes[".html"]! : contentTypes[".txt"]!, "content-length": body.length, ...SECURITY_HEADERS });
  response.end(request.method === "HEAD" ? undefined : body);
}

/** The headers _site/_headers gives every page, so tests see the policy a real host would send. */
const SECURITY_HEADERS = { "content-security-policy": contentSecurityPolicy("header"), "x-content-type-options": "nosniff" };

function handler(root: string, prefix: string) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    const { pathname, search } = new URL(request.url ?? "/", "http://localhost");
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      response.writeHead(400).end("Bad Request\n");
      return;
    }
    if (prefix && decoded !== prefix && !decoded.startsWith(`${prefix}/`)) return notFound(root, request, response);
    const sitePath = decoded.slice(prefix.length) || "/";
    let file = path.join(root, sitePath);
    if (file !== root && !file.startsWith(root + path.sep)) return notFound(root, request, response); // no ../ escapes
    if (await isDirectory(file)) {
      if (!pathname.endsWith("/")) {
        response.writeHead(301, { location: `${pathname}/${search}` }).end();
        return;
      }
      file = path.join(file, "index.html");
    }
    if (!(await isFile(file))) return notFound(root, request, response);
    const { size } = await stat(file);
    response.writeHead(200, { "content-type": contentType(file), "content-length": size, "cache-control": "no-store", ...SECURITY_HEADERS });
    if (request.method === "HEAD") {
      response.end();
      return;
    }
    createReadStream(file).pipe(response);
  };
}

/** Serves `dir` until close() is called. */
export async function start(dir: string, { port = 0, prefix, host = "127.0.0.1" }: ServerOptions = {}): Promise<RunningServer> {
  const root = path.resolve(dir);
  const base = normalisePrefix(prefix);
  const server = createServer((request, response) => {
    handler(root, base)(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { "content-type": contentTypes[".txt"]! });
      response.end(`500 ${String(error)}\n`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${actual}${base}/`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

async function main(): Promise<void> {
  const [dir, port = "0", prefix] = process.argv.slice(2);
  if (!dir) {
    console.error("usage: node --import tsx test/support/static-server.ts DIR [PORT] [PREFIX]");
    process.exit(2);
  }
  if (!existsSync(dir)) console.error(`note: ${dir} does not exist yet; serving it as soon as it does`);
  const server = await start(dir, { port: Number(port), prefix });
  console.log(`Serving ${dir} at ${server.url}`);
  const stop = (): void => void server.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
