// The search page: asks Pagefind's indexes (built by every production build) and lists the
// stories found. Result text is rebuilt as text nodes and <mark>s only: nothing from the index is
// ever inserted as HTML.
const form = document.querySelector("#search-page-input")?.form;
const input = document.querySelector("#search-page-input");
const status = document.querySelector(".search-status");
const list = document.querySelector("[data-search-results]");
const siteRoot = new URL("../", import.meta.url);

function say(key, values = {}) {
  status.textContent = (status.dataset[key] ?? "").replace(/\{(\w+)\}/g, (_, name) => values[name] ?? "");
}

/** Pagefind's excerpt holds text with <mark> around matches: keep exactly that. */
function excerptNodes(excerpt) {
  const doc = new DOMParser().parseFromString(`<p>${excerpt}</p>`, "text/html");
  return [...doc.body.firstChild.childNodes].map((node) => {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      return mark;
    }
    return document.createTextNode(node.textContent ?? "");
  });
}

function resultItem(data) {
  const item = document.createElement("li");
  item.className = "card";
  const title = document.createElement("h2");
  title.className = "card-title";
  const link = document.createElement("a");
  link.href = data.url;
  link.textContent = data.meta.title ?? data.url;
  title.append(link);
  const summary = document.createElement("p");
  summary.className = "card-summary";
  summary.append(...excerptNodes(data.excerpt));
  item.append(title, summary);
  return item;
}

/**
 * The index is one Pagefind index per period (docs/search.md), each in pagefind/<period>/, listed
 * newest first in pagefind/khabar-indexes.json: the newest is the primary index (basePath), the
 * others are merged into it, and they answer like one index. Pagefind's script is at pagefind/.
 * https://pagefind.app/docs/multisite/
 */
async function openIndex() {
  const base = new URL("pagefind/", siteRoot);
  const [pagefind, listed] = await Promise.all([import(new URL("pagefind.js", base).href), fetch(new URL("khabar-indexes.json", base)).then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))]);
  const [newest, ...older] = listed.indexes;
  if (!newest) throw new Error("no search index");
  await pagefind.options({ basePath: new URL(newest, base).pathname, baseUrl: siteRoot.pathname });
  for (const period of older) await pagefind.mergeIndex(new URL(period, base).pathname, { baseUrl: siteRoot.pathname });
  return pagefind;
}

let opening;
async function search(query) {
  list.replaceChildren();
  if (!query.trim()) {
    status.textContent = "";
    return;
  }
  say("searching");
  let pagefind;
  try {
    pagefind = await (opening ??= openIndex());
  } catch {
    opening = undefined;
    return say("unavailable");
  }
  const found = await pagefind.search(query);
  const results = await Promise.all(found.results.slice(0, 20).map((r) => r.data()));
  list.replaceChildren(...results.map(resultItem));
  say(results.length ? "count" : "none", { query, count: String(found.results.length) });
}

if (form && input && status && list) {
  const query = new URLSearchParams(location.search).get("q") ?? "";
  input.value = query;
  if (query) search(query);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const q = input.value;
    history.replaceState(null, "", `?q=${encodeURIComponent(q)}`);
    search(q);
  });
}
