import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { shareButtons, shareLinks } from "../../../src/site/share.ts";

const story = {
  title: 'روبيو: تم إحراز "بعض التقدم" & خطوات #أوكرانيا؟',
  url: "https://khabar.example/news/%D8%B1%D9%88%D8%A8%D9%8A%D9%88/",
};
const links = new Map(shareLinks(story).map((l) => [l.network, new URL(l.href)]));

describe("shareLinks", () => {
  it("offers WhatsApp, X, Facebook, Telegram and e-mail", () => {
    assert.deepEqual([...links.keys()], ["whatsapp", "x", "facebook", "telegram", "email"]);
  });
  it("carries the headline (quotes, &, # and Arabic intact) and the canonical URL in WhatsApp's text", () => {
    const text = links.get("whatsapp")!.searchParams.get("text")!;
    assert.ok(text.includes(story.title));
    assert.ok(text.includes(story.url));
    assert.equal(links.get("whatsapp")!.origin, "https://wa.me");
  });
  it("gives X and Telegram the headline and the URL as separate parameters", () => {
    for (const network of ["x", "telegram"] as const) {
      const url = links.get(network)!;
      assert.equal(url.searchParams.get("text"), story.title, network);
      assert.equal(url.searchParams.get("url"), story.url, network);
    }
  });
  it("gives Facebook only the URL", () => {
    assert.equal(links.get("facebook")!.searchParams.get("u"), story.url);
  });
  it("writes an e-mail with the headline as subject and the URL in the body, spaces as %20", () => {
    const href = shareLinks(story).find((l) => l.network === "email")!.href;
    assert.ok(href.startsWith("mailto:?subject="));
    assert.ok(!href.includes("+"), "a + would show up in mail clients");
    const params = new URLSearchParams(href.slice("mailto:?".length));
    assert.equal(params.get("subject"), story.title);
    assert.ok(params.get("body")!.includes(story.url));
  });
  it("never puts a raw space, quote, & or # into an href", () => {
    for (const { href } of shareLinks(story)) {
      const query = href.slice(href.indexOf("?") + 1);
      assert.doesNotMatch(query, /[ "#]|&(?![a-z]+=)/, href);
    }
  });
});

describe("shareButtons", () => {
  const names = { whatsapp: "واتساب", x: "X", facebook: "فيسبوك", telegram: "تيليجرام", email: "البريد" };
  it("names each link after its network, keeping the link", () => {
    const buttons = shareButtons(shareLinks(story), names, "rtl");
    assert.deepEqual(buttons.map((b) => b.label), ["واتساب", "X", "فيسبوك", "تيليجرام", "البريد"]);
    assert.deepEqual(buttons.map((b) => b.href), shareLinks(story).map((l) => l.href));
  });
  it("isolates the names whose letters run against the page's direction", () => {
    assert.deepEqual(shareButtons(shareLinks(story), names, "rtl").filter((b) => b.isolate).map((b) => b.network), ["x"]);
    assert.deepEqual(shareButtons(shareLinks(story), names, "ltr").filter((b) => !b.isolate).map((b) => b.network), ["x"]);
  });
});
