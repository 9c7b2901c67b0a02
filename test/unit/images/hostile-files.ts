// Hostile files an editor could be sent, made here byte by byte (shared by the unit tests of the
// picture checks and test/build/pictures-hostile.test.ts).
import { crc32 } from "node:zlib";

/** A PNG that is only a signature and a header claiming `width` × `height` pixels (a pixel bomb's header). */
export function pngHeader(width: number, height: number): Buffer {
  const data = Buffer.alloc(13);
  data.writeUInt32BE(width, 0);
  data.writeUInt32BE(height, 4);
  data.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB, deflate, no filter, no interlace
  const type = Buffer.from("IHDR");
  const length = Buffer.alloc(4);
  length.writeUInt32BE(13);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([type, data])));
  const end = Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), length, type, data, crc, end]);
}

const NS = 'xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"';

/** An SVG carrying every kind of active or external content a sanitizer must remove. */
export const HOSTILE_SVG =
  `<svg ${NS} viewBox="0 0 120 60" width="120" height="60" onload="alert('onload')">` +
  `<script>alert('script')</script>` +
  `<rect width="120" height="60" fill="#20603a" onclick="alert('onclick')"/>` +
  `<a href="javascript:alert('href')"><circle cx="30" cy="30" r="20" fill="#e0b040"/></a>` +
  `<a xlink:href="javascript:alert('xlink')"><circle cx="90" cy="30" r="20" fill="#e0b040"/></a>` +
  `<foreignObject width="120" height="60"><div xmlns="http://www.w3.org/1999/xhtml"><img src="x" onerror="alert('foreign')"/></div></foreignObject>` +
  `<image href="file:///etc/passwd" width="10" height="10"/>` +
  `<use href="https://evil.example/sprite.svg#a"/>` +
  `<style>@import url("https://evil.example/s.css");</style>` +
  `</svg>`;

/** An SVG whose DOCTYPE declares an external entity (XXE). */
export const XXE_SVG = `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text y="5">&xxe;</text></svg>`;

/** An SVG whose DOCTYPE declares entities that expand exponentially (billion laughs). */
export const LAUGHS_SVG =
  `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">` +
  `<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text y="5">&lol3;</text></svg>`;

/** What no published SVG may hold: scripts, event handlers, javascript: addresses, foreignObject, file: and outside addresses. */
export const ACTIVE_SVG_CONTENT = /<script|\son[a-z]+\s*=|javascript:|foreignObject|file:|evil\.example|@import/i;
