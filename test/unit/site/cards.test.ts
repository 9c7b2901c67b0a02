import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { UserConfig } from "@11ty/eleventy";
import { cardsPlugin } from "../../../src/eleventy/cards.ts";
import type { StoryCard } from "../../../src/site/story.ts";

/** The plugin against a stand-in for Eleventy: its filter, its build hook, and a counting renderer. */
function setUp() {
  const filters = new Map<string, (...args: unknown[]) => string>();
  const hooks = new Map<string, () => void>();
  cardsPlugin({ addFilter: (name: string, fn: never) => filters.set(name, fn), on: (event: string, fn: never) => hooks.set(event, fn) } as unknown as UserConfig);
  const renders: Array<Record<string, unknown>> = [];
  const env = { render: (_name: string, context: Record<string, unknown>) => (renders.push(context), `<li>${(context.card as StoryCard).title} h${context.cardLevel} ${context.showSummary}</li>`) };
  const storyCard = (card: StoryCard, level: number, summary?: boolean) => filters.get("storyCard")!.call({ env }, card, level, summary);
  return { storyCard, renders, newBuild: () => hooks.get("eleventy.before")!() };
}

const card = (url: string, title: string) => ({ url, title }) as StoryCard;

describe("storyCard", () => {
  it("renders a story's card once and reuses it in every list", () => {
    const { storyCard, renders } = setUp();
    const first = storyCard(card("/news/a/", "أ"), 3);
    assert.equal(storyCard(card("/news/a/", "أ"), 3), first);
    assert.equal(renders.length, 1);
  });
  it("renders separately for each heading level and summary choice, and for each story", () => {
    const { storyCard, renders } = setUp();
    assert.equal(storyCard(card("/news/a/", "أ"), 3), "<li>أ h3 false</li>");
    assert.equal(storyCard(card("/news/a/", "أ"), 2, true), "<li>أ h2 true</li>");
    assert.equal(storyCard(card("/news/b/", "ب"), 3), "<li>ب h3 false</li>");
    assert.equal(renders.length, 3);
  });
  it("starts afresh on each build, so the preview shows an edited headline", () => {
    const { storyCard, newBuild } = setUp();
    storyCard(card("/news/a/", "قديم"), 3);
    newBuild();
    assert.equal(storyCard(card("/news/a/", "جديد"), 3), "<li>جديد h3 false</li>");
  });
});
