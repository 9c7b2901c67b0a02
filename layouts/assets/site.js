// Optional enhancements; every feature works without this file.
// - copy-link: copies the canonical URL instead of following it;
// - Web Share API: shows the native share button where the browser has one;
// - video facades: load the youtube-nocookie / Vimeo player only when the reader clicks;
// - the «الأحدث» box under a story: the site's newest stories, from /latest.json.

function announce(from, text) {
  const status = from.closest(".share-bar")?.querySelector(".share-status");
  if (status) status.textContent = text;
}

document.addEventListener("click", async (event) => {
  const target = event.target instanceof Element ? event.target : null;
  const copy = target?.closest("a[data-copy-url]");
  if (copy && navigator.clipboard) {
    event.preventDefault();
    try {
      await navigator.clipboard.writeText(copy.dataset.copyUrl);
      announce(copy, copy.dataset.copied);
    } catch {
      window.location.href = copy.href;
    }
    return;
  }
  const native = target?.closest("button[data-network='native']");
  if (native) {
    navigator.share({ title: native.dataset.shareTitle, url: native.dataset.shareUrl }).catch(() => {});
    return;
  }
  const facade = target?.closest("a.video-facade[data-embed]");
  if (facade) {
    event.preventDefault();
    const frame = document.createElement("iframe");
    frame.src = facade.dataset.embed;
    frame.title = facade.dataset.title;
    frame.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
    frame.allowFullscreen = true;
    frame.className = "video-frame";
    facade.replaceWith(frame);
  }
});

if (typeof navigator.share === "function") {
  for (const button of document.querySelectorAll("button[data-network='native']")) button.hidden = false;
}

// Relative times («منذ ساعتين») next to the absolute ones, for stories from the last two days.
const relative = new Intl.RelativeTimeFormat(document.documentElement.lang || "ar", { numeric: "auto" });
for (const time of document.querySelectorAll("time[data-relative]")) {
  const minutes = Math.round((Date.parse(time.dateTime) - Date.now()) / 60000);
  if (minutes > 0 || minutes < -48 * 60) continue;
  const text = Math.abs(minutes) < 60 ? relative.format(minutes, "minute") : relative.format(Math.round(minutes / 60), "hour");
  const note = document.createElement("span");
  note.className = "relative-time";
  note.textContent = ` (${text})`;
  time.after(note);
}

// The «الأحدث» box: its lines are reserved in site.css, so filling it moves nothing. Text goes in as
// text nodes, never as markup; the page's own story is left out.
const latestBox = document.querySelector("[data-latest]");
if (latestBox) {
  fetch(latestBox.dataset.latest, { credentials: "same-origin" })
    .then((response) => (response.ok ? response.json() : { stories: [] }))
    .then(({ stories }) => {
      const list = latestBox.querySelector(".latest-box-list");
      const here = decodeURI(window.location.pathname);
      for (const story of (Array.isArray(stories) ? stories : []).filter((s) => typeof s?.url === "string" && s.url.startsWith("/") && decodeURI(s.url) !== here).slice(0, 8)) {
        const item = document.createElement("li");
        const link = document.createElement("a");
        link.href = story.url;
        link.textContent = String(story.title ?? "");
        item.append(link);
        list.append(item);
      }
    })
    .catch(() => {});
}
