// The video block shared by front-matter `video` and video lines in a body.
// Third-party players are a facade until the reader clicks: a plain link to the video (works with
// JavaScript off) that assets/site.js swaps for a youtube-nocookie / Vimeo (dnt) iframe on click.
// Files play in a native <video> that loads nothing before play (preload="none").
import type { Video } from "../content/video-url.ts";
import { escapeHtml } from "./safe-html.ts";

/** UI text for the block, from content/_data/labels.json (the engine holds no Arabic strings). */
export interface VideoLabels {
  playVideo: string;
  noticeBefore: string;
  noticeLink: string;
  noticeAfter: string;
}

export interface VideoBlockOptions {
  sourceUrl: string;
  labels: VideoLabels;
  caption?: string;
  /** Site URL of a poster picture: a video file's `poster`. */
  poster?: string;
  /** The poster as a sized, responsive picture (built and escaped by src/images/markup.ts), shown on
   * an embedded video's play button. */
  posterHtml?: string;
}

export function renderVideoBlock(video: Video, { sourceUrl, labels, caption, poster, posterHtml }: VideoBlockOptions): string {
  const title = caption ?? labels.playVideo;
  const player =
    video.kind === "file"
      ? `<video controls preload="none" playsinline${poster ? ` poster="${escapeHtml(poster)}"` : ""}><source src="${escapeHtml(video.src)}" type="${video.type}"></video>`
      : `<a class="video-facade" href="${escapeHtml(video.watchUrl)}" data-embed="${escapeHtml(video.embedUrl)}" data-title="${escapeHtml(title)}" rel="noopener">` +
        `${posterHtml ?? ""}<span class="video-play" aria-hidden="true"></span><span class="visually-hidden">${escapeHtml(labels.playVideo)}</span></a>`;
  const figcaption = caption ? `<figcaption>${escapeHtml(caption)}</figcaption>` : "";
  return (
    `<div class="video-block" data-video="${video.kind}"><figure class="video">${player}${figcaption}</figure>` +
    `<p class="video-notice">${escapeHtml(labels.noticeBefore)}<a href="${escapeHtml(sourceUrl)}" rel="noopener">${escapeHtml(labels.noticeLink)}</a>${escapeHtml(labels.noticeAfter)}</p></div>\n`
  );
}
