// «أخبار ذات صلة» and «اقرأ أيضاً». For now a simple rule behind the interface the real engine
// will keep: hand-picked slugs first, then the newest stories of the same category; «اقرأ أيضاً»
// takes the newest stories of other categories. Never the story itself, never one story in both.

export interface Relatable {
  slug: string;
  categoryId: string;
  /** Publication time in milliseconds, for "newest first". */
  epoch: number;
  /** Hand-picked related slugs from front matter. */
  handPicked: string[];
}

export interface RelatedOptions {
  count: number;
  readAlsoCount: number;
}

export interface RelatedLists<T> {
  related: T[];
  readAlso: T[];
}

/** Builds the lists for every story at once. `stories` must be newest first. */
export function relatedStories<T extends Relatable>(stories: T[], options: RelatedOptions): Map<T, RelatedLists<T>> {
  const bySlug = new Map(stories.map((s) => [s.slug, s]));
  const byCategory = new Map<string, T[]>();
  for (const story of stories) {
    const list = byCategory.get(story.categoryId) ?? [];
    list.push(story);
    byCategory.set(story.categoryId, list);
  }
  const result = new Map<T, RelatedLists<T>>();
  for (const story of stories) {
    const taken = new Set<T>([story]);
    const take = (candidates: Iterable<T | undefined>, limit: number, accept: (c: T) => boolean = () => true): T[] => {
      const picked: T[] = [];
      for (const candidate of candidates) {
        if (picked.length >= limit) break;
        if (candidate && !taken.has(candidate) && accept(candidate)) {
          taken.add(candidate);
          picked.push(candidate);
        }
      }
      return picked;
    };
    const handPicked = take(story.handPicked.map((slug) => bySlug.get(slug)), options.count);
    const sameCategory = take(byCategory.get(story.categoryId) ?? [], options.count - handPicked.length);
    const readAlso = take(stories, options.readAlsoCount, (c) => c.categoryId !== story.categoryId);
    result.set(story, { related: [...handPicked, ...sameCategory], readAlso });
  }
  return result;
}
