// `npm run serve` and serveSite(): a built site served as a static host serves it (used by the
// browser tests and `npm run budget`).
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { chooseEncoding, serveSite, type ServedSite, type ServeOptions } from "../../../src/cli/serve.ts";
import { contentSecurityPolicy } from "../../../src/site/csp.ts";

const projectRoot = fileURLToPath(new URL("../../..", import.meta.url));
const temporary = mkdtempSync(path.join(tmpdir(), "khabar-serve-"));
const siteDir = path.join(temporary, "site");
const arabicFolder = "أخبار/خبر-عاجل";
const css = `body { color: #222; }\n${".card { margin: 0 auto; padding: 1rem; }\n".repeat(200)}`;
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array.from({ length: 400 }, () => 0)]);

const files: Record<string, string | Buffer> = {
  "index.html": "<p>الصفحة الأولى</p>",
  "404.html": "<p>الصفحة غير موجودة</p>",
  "folder/index.html": "<p>folder page</p>",
  [`${arabicFolder}/index.html`]: "<p>خبر عاجل</p>",
  "assets/site.css": css,
  "img/picture.png": png,
};

const servers: ServedSite[] = [];
async function serve(options: Partial<ServeOptions> = {}): Promise<ServedSite> {
  const site = await serveSite({ root: siteDir, ...options });
  servers.push(site);
  return site;
}

before(() => {
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(siteDir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  writeFileSync(path.join(temporary, "secret.txt"), "top secret, outside the site");
  symlinkSync(path.join(temporary, "secret.txt"), path.join(siteDir, "leak.txt"));
});
after(async () => {
  await Promise.all(servers.map((s) => s.close()));
  rmSync(temporary, { recursive: true, force: true });
});

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A request with the path sent exactly as written (fetch would resolve "..") and no decompression. */
function get(site: ServedSite, rawPath: string, headers: Record<string, string> = {}, method = "GET"): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port: site.port, path: rawPath, method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

const text = (reply: Reply) => reply.body.toString("utf8");

describe("serveSite", () => {
  it("serves index.html for a folder, and redirects a folder's address to add the slash", async () => {
    const site = await serve();
    assert.match(site.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    const home = await get(site, "/");
    assert.equal(home.status, 200);
    assert.equal(text(home), files["index.html"]);
    const folder = await get(site, "/folder/");
    assert.equal(folder.status, 200);
    assert.equal(folder.headers["content-type"], "text/html; charset=utf-8");
    assert.equal(text(folder), files["folder/index.html"]);
    const bare = await get(site, "/folder?x=1");
    assert.equal(bare.status, 301);
    assert.equal(bare.headers.location, "/folder/?x=1");
  });

  it("serves a percent-encoded Arabic address", async () => {
    const site = await serve();
    const encoded = `/${arabicFolder.split("/").map(encodeURIComponent).join("/")}/`;
    assert.match(encoded, /%D8/); // really percent-encoded
    const reply = await get(site, encoded);
    assert.equal(reply.status, 200);
    assert.equal(text(reply), "<p>خبر عاجل</p>");
  });

  it("answers a missing page with 404.html and status 404, or a plain 404 when the site has none", async () => {
    const site = await serve();
    const reply = await get(site, "/no-such-page/");
    assert.equal(reply.status, 404);
    assert.equal(reply.headers["content-type"], "text/html; charset=utf-8");
    assert.equal(text(reply), files["404.html"]);

    const bare = await serve({ root: path.join(siteDir, "folder") });
    const plain = await get(bare, "/missing.html");
    assert.equal(plain.status, 404);
    assert.equal(plain.headers["content-type"], "text/plain; charset=utf-8");
    assert.equal(text(plain), "404 Not Found\n");
  });

  it("serves the site under its path prefix, and nothing outside it", async () => {
    const site = await serve({ pathPrefix: "news" });
    assert.match(site.url, /^http:\/\/127\.0\.0\.1:\d+\/news\/$/);
    assert.equal(text(await get(site, "/news/")), files["index.html"]);
    const folder = await get(site, "/news/folder/");
    assert.equal(folder.status, 200);
    assert.equal(text(folder), files["folder/index.html"]);
    const root = await get(site, "/news");
    assert.equal(root.status, 301);
    assert.equal(root.headers.location, "/news/");
    for (const outside of ["/", "/folder/", "/newsfolder/", "/assets/site.css"]) {
      const reply = await get(site, outside);
      assert.equal(reply.status, 404, outside);
      assert.equal(text(reply), files["404.html"], outside);
    }
  });

  it("never serves a file outside the site's folder", async () => {
    const site = await serve();
    const prefixed = await serve({ pathPrefix: "/news/" });
    const attempts: Array<[ServedSite, string]> = [
      [site, "/../secret.txt"],
      [site, "/..%2fsecret.txt"],
      [site, "/%2e%2e/secret.txt"],
      [site, "/%2e%2e%2fsecret.txt"],
      [site, "/folder/..%2f..%2fsecret.txt"],
      [site, "/%2E%2E%2F%2E%2E%2Fsite%2F..%2Fsecret.txt"],
      [site, "/leak.txt"], // a symbolic link to the file outside
      [prefixed, "/news/..%2fsecret.txt"],
      [prefixed, "/news/%2e%2e%2f%2e%2e%2fsecret.txt"],
    ];
    for (const [server, attempt] of attempts) {
      const reply = await get(server, attempt);
      assert.equal(reply.status, 404, attempt);
      assert.doesNotMatch(text(reply), /top secret/, attempt);
    }
    assert.equal((await get(site, "/%E0%A4%A")).status, 400); // malformed percent-encoding
    assert.equal((await get(site, "/index.html%00.txt")).status, 400);
  });

  it("sends the security policy of _headers with every response", async () => {
    const site = await serve();
    for (const [url, status] of [["/", 200], ["/assets/site.css", 200], ["/missing/", 404]] as const) {
      const reply = await get(site, url);
      assert.equal(reply.status, status, url);
      assert.equal(reply.headers["content-security-policy"], contentSecurityPolicy("header"), url);
      assert.match(String(reply.headers["content-security-policy"]), /frame-ancestors 'none'/, url);
      assert.equal(reply.headers["x-content-type-options"], "nosniff", url);
    }
  });

  it("gives each file its type", async () => {
    const site = await serve();
    assert.equal((await get(site, "/assets/site.css")).headers["content-type"], "text/css; charset=utf-8");
    const picture = await get(site, "/img/picture.png");
    assert.equal(picture.headers["content-type"], "image/png");
    assert.deepEqual(picture.body, png);
  });

  it("compresses text with brotli or gzip when asked, and only then", async () => {
    const site = await serve({ compress: true });
    const br = await get(site, "/assets/site.css", { "accept-encoding": "gzip, deflate, br" });
    assert.equal(br.headers["content-encoding"], "br");
    assert.equal(brotliDecompressSync(br.body).toString("utf8"), css);
    assert.ok(br.body.length < css.length / 4, `${br.body.length} bytes`);
    assert.equal(Number(br.headers["content-length"]), br.body.length);
    assert.equal(br.headers.vary, "accept-encoding");

    const gzip = await get(site, "/assets/site.css", { "accept-encoding": "gzip" });
    assert.equal(gzip.headers["content-encoding"], "gzip");
    assert.equal(gunzipSync(gzip.body).toString("utf8"), css);

    const refused = await get(site, "/assets/site.css", { "accept-encoding": "br;q=0, gzip" });
    assert.equal(refused.headers["content-encoding"], "gzip");

    const page404 = await get(site, "/missing/", { "accept-encoding": "br" });
    assert.equal(page404.status, 404);
    assert.equal(brotliDecompressSync(page404.body).toString("utf8"), files["404.html"]);

    const plain = await get(site, "/assets/site.css", { "accept-encoding": "identity" });
    assert.equal(plain.headers["content-encoding"], undefined);
    assert.equal(text(plain), css);

    const picture = await get(site, "/img/picture.png", { "accept-encoding": "gzip, br" });
    assert.equal(picture.headers["content-encoding"], undefined, "pictures are not compressed again");
    assert.deepEqual(picture.body, png);
  });

  it("does not compress when compression is off, whatever the browser accepts", async () => {
    const site = await serve();
    const reply = await get(site, "/assets/site.css", { "accept-encoding": "gzip, deflate, br" });
    assert.equal(reply.headers["content-encoding"], undefined);
    assert.equal(text(reply), css);
    assert.equal(Number(reply.headers["content-length"]), Buffer.byteLength(css));
  });

  it("sends no-store by default and the Cache-Control it is given", async () => {
    assert.equal((await get(await serve(), "/")).headers["cache-control"], "no-store");
    assert.equal((await get(await serve({ cacheControl: "public, max-age=3600" }), "/")).headers["cache-control"], "public, max-age=3600");
  });

  it("answers HEAD without a body and refuses other methods", async () => {
    const site = await serve();
    const head = await get(site, "/assets/site.css", {}, "HEAD");
    assert.equal(head.status, 200);
    assert.equal(Number(head.headers["content-length"]), Buffer.byteLength(css));
    assert.equal(head.body.length, 0);
    const post = await get(site, "/", {}, "POST");
    assert.equal(post.status, 405);
    assert.equal(post.headers.allow, "GET, HEAD");
  });

  it("stops listening on close()", async () => {
    const site = await serveSite({ root: siteDir });
    await site.close();
    await assert.rejects(get(site, "/"), /ECONNREFUSED/);
  });
});

describe("chooseEncoding", () => {
  it("prefers brotli, then gzip, and honours q=0 and *", () => {
    assert.equal(chooseEncoding("gzip, deflate, br"), "br");
    assert.equal(chooseEncoding("gzip"), "gzip");
    assert.equal(chooseEncoding("br;q=0, gzip;q=0.5"), "gzip");
    assert.equal(chooseEncoding("*"), "br");
    assert.equal(chooseEncoding("*, br;q=0"), "gzip");
    assert.equal(chooseEncoding("identity"), undefined);
    assert.equal(chooseEncoding(undefined), undefined);
    assert.equal(chooseEncoding("brotli, xgzip"), undefined);
  });
});

describe("npm run serve", () => {
  const command = (...args: string[]) =>
    spawn(process.execPath, ["--import", path.join(projectRoot, "node_modules/tsx/dist/loader.mjs"), path.join(projectRoot, "src/cli/serve.ts"), ...args], { cwd: temporary });

  it("serves DIR on PORT under PATHPREFIX until stopped", async () => {
    const child = command("site", "0", "/news/");
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = "";
        child.stdout.on("data", (chunk: Buffer) => {
          out += chunk.toString();
          const found = /http:\/\/\S+\//.exec(out);
          if (found) resolve(found[0]);
        });
        child.once("exit", (code) => reject(new Error(`exited with ${code}: ${out}`)));
      });
      assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/news\/$/);
      const response = await fetch(new URL("folder/", url));
      assert.equal(response.status, 200);
      assert.equal(await response.text(), files["folder/index.html"]);
    } finally {
      const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve(code ?? signal)));
      child.kill("SIGTERM");
      assert.equal(await exited, 0);
    }
  });

  it("refuses a port that is not a number", async () => {
    const child = command("site", "eighty");
    let err = "";
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    const code = await new Promise((resolve) => child.once("exit", resolve));
    assert.equal(code, 1);
    assert.match(err, /^serve: the port must be a number from 0 to 65535, not "eighty"/);
  });
});
