import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { escapeHtml, isSafeUrl, jsonForScript } from "../../../src/body/safe-html.ts";
import { isHttpUrl } from "../../../src/content/http-url.ts";

describe("jsonForScript", () => {
  it("cannot close the <script> element or open a comment, whatever a field holds", () => {
    const json = jsonForScript({ headline: '</script><script>alert(1)</script><!-- & "x"' });
    assert.doesNotMatch(json, /<|>|&/);
    assert.deepEqual(JSON.parse(json), { headline: '</script><script>alert(1)</script><!-- & "x"' });
  });
  it("escapes the line separators old JavaScript parsers choke on", () => {
    assert.equal(jsonForScript("a\u2028b\u2029"), '"a\\u2028b\\u2029"');
  });
});

describe("isSafeUrl", () => {
  it("allows http(s), mailto, relative paths and fragments", () => {
    for (const ok of ["https://a.b/c", "http://a.b", "mailto:x@y.z", "/news/x/", "./pic.jpg", "#top", "pic.jpg"]) assert.equal(isSafeUrl(ok), true, ok);
  });
  it("refuses javascript:, data:, vbscript: and file:, also when disguised", () => {
    for (const bad of ["javascript:alert(1)", "JavaScript:alert(1)", " java\tscript:alert(1)", "data:text/html,<script>", "vbscript:x", "file:///etc/passwd", "java\u0000script:x"]) {
      assert.equal(isSafeUrl(bad), false, JSON.stringify(bad));
    }
  });
});

describe("isHttpUrl", () => {
  it("accepts only absolute http and https URLs", () => {
    assert.equal(isHttpUrl("https://www.alarabiya.net/x"), true);
    for (const bad of ["ftp://x.y", "javascript:alert(1)", "www.example.com", "/relative", "https://"]) assert.equal(isHttpUrl(bad), false, bad);
  });
});

describe("escapeHtml", () => {
  it("escapes the five HTML-significant characters", () => assert.equal(escapeHtml(`<a href="x" title='y'>&</a>`), "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;"));
});
