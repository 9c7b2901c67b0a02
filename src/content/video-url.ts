// Recognises the video URLs of the content contract: YouTube, Vimeo, or a direct .mp4/.webm file.
// Embeds use privacy-friendly hosts and are only loaded after the reader clicks (see layouts/).
import { isHttpUrl } from "./http-url.ts";

export type Video =
  | { kind: "youtube"; id: string; watchUrl: string; embedUrl: string }
  | { kind: "vimeo"; id: string; watchUrl: string; embedUrl: string }
  | { kind: "file"; src: string; type: "video/mp4" | "video/webm" };

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;

/** `src` of a local file is passed through `resolveLocal` (a path relative to the story, or from content/). */
export function parseVideoUrl(raw: string, resolveLocal: (src: string) => string = (s) => s): Video | null {
  const text = raw.trim();
  const file = /\.(mp4|webm)(?:[?#].*)?$/i.exec(text);
  if (file) {
    const isRemote = isHttpUrl(text);
    if (!isRemote && /^[a-z][a-z0-9+.-]*:/i.test(text)) return null;
    const type = file[1]!.toLowerCase() === "mp4" ? "video/mp4" : "video/webm";
    return { kind: "file", src: isRemote ? text : resolveLocal(text), type };
  }
  // Every plain paragraph is asked: skip the URL parser (and its exception) for what cannot be a link.
  if (!/^https?:\/\/\S+$/i.test(text)) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  const host = url.hostname.replace(/^(www\.|m\.)/, "");
  let youtubeId: string | undefined;
  if (host === "youtube.com" || host === "youtube-nocookie.com") {
    youtubeId = url.searchParams.get("v") ?? /^\/(?:embed|shorts|live)\/([^/?#]+)/.exec(url.pathname)?.[1];
  } else if (host === "youtu.be") {
    youtubeId = url.pathname.slice(1).split("/")[0];
  }
  if (youtubeId !== undefined) {
    if (!YOUTUBE_ID.test(youtubeId)) return null;
    return {
      kind: "youtube",
      id: youtubeId,
      watchUrl: `https://www.youtube.com/watch?v=${youtubeId}`,
      embedUrl: `https://www.youtube-nocookie.com/embed/${youtubeId}?autoplay=1&rel=0`,
    };
  }
  if (host === "vimeo.com" || host === "player.vimeo.com") {
    const id = /(?:^|\/)(\d{5,})(?:$|[/?#])/.exec(url.pathname)?.[1];
    if (!id) return null;
    return {
      kind: "vimeo",
      id,
      watchUrl: `https://vimeo.com/${id}`,
      embedUrl: `https://player.vimeo.com/video/${id}?autoplay=1&dnt=1`,
    };
  }
  return null;
}
