import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseVideoUrl } from "../../../src/content/video-url.ts";

describe("parseVideoUrl", () => {
  it("recognises YouTube watch, short, embed and shorts URLs and embeds them from youtube-nocookie", () => {
    for (const url of ["https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://youtu.be/dQw4w9WgXcQ", "https://m.youtube.com/watch?v=dQw4w9WgXcQ&t=10", "https://www.youtube.com/embed/dQw4w9WgXcQ", "https://youtube.com/shorts/dQw4w9WgXcQ"]) {
      const video = parseVideoUrl(url);
      assert.equal(video?.kind, "youtube", url);
      assert.ok(video && video.kind === "youtube" && video.embedUrl.startsWith("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"), url);
    }
  });
  it("recognises Vimeo and asks its player not to track", () => {
    const video = parseVideoUrl("https://vimeo.com/76979871");
    assert.equal(video?.kind, "vimeo");
    assert.ok(video?.kind === "vimeo" && video.embedUrl.includes("dnt=1"));
  });
  it("recognises .mp4 and .webm files, remote or local", () => {
    assert.deepEqual(parseVideoUrl("https://cdn.example.com/a/clip.MP4?x=1"), { kind: "file", src: "https://cdn.example.com/a/clip.MP4?x=1", type: "video/mp4" });
    assert.deepEqual(parseVideoUrl("./clip.webm", (s) => `/articles/${s.slice(2)}`), { kind: "file", src: "/articles/clip.webm", type: "video/webm" });
  });
  it("refuses other hosts, malformed ids and unsafe schemes", () => {
    for (const bad of ["https://example.com/watch?v=dQw4w9WgXcQ", "https://www.youtube.com/watch?v=<script>", "javascript:alert(1)//x.mp4", "data:video/mp4;base64,AAAA.mp4", "not a url"]) {
      assert.equal(parseVideoUrl(bad), null, bad);
    }
  });
});
