// `npm run new -- "عنوان الخبر" --category politics --source alarabiya --url https://...`
// Creates content/articles/YYYY/MM/<slug>.md (year and month of now in the site's time zone) with
// valid front matter, prints its path and the URL it will have. With no arguments it asks.
// The file name is the headline under the slug rule, cut to the path rule's byte limit at a word
// boundary (story-files.ts, headlineSlug: the same rule as `npm run import`).
import path from "node:path";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { DateTime } from "luxon";
import { unknownIdMessage } from "../content/contract.ts";
import { isHttpUrl } from "../content/http-url.ts";
import { loadRegistries, orderedCategories, type Registries } from "../content/registries.ts";
import { pathSegmentProblem } from "../content/path-rule.ts";
import { FileExistsError, headlineSlug, readStoryIndex, storyText, writeNewFile } from "../content/story-files.ts";
import { closest } from "../content/suggest.ts";
import { checkStoryText } from "../import/check-text.ts";
import { absoluteUrl, storyUrl } from "../urls.ts";
import { runCommand } from "./run.ts";

export interface NewStoryInput {
  title: string;
  category: string;
  /** A key of the sources registry… */
  sourceId?: string;
  /** …or the name of a source that is not in it. */
  sourceName?: string;
  url: string;
  /** Written as `draft: true` unless false. */
  draft: boolean;
}

export class UsageError extends Error {
  override name = "UsageError";
}

/** The problems with what the editor gave, each with what is expected. */
export function inputProblems(input: Partial<NewStoryInput>, registries: Registries): string[] {
  const problems: string[] = [];
  const { categories, sources } = registries;
  if (!input.title?.trim()) problems.push('a title is needed: npm run new -- "عنوان الخبر" --category ID --source ID --url https://...');
  if (!input.category) problems.push(`--category is needed; expected one of ${[...categories.keys()].join(", ")}`);
  else if (!categories.has(input.category)) problems.push(`--category: ${unknownIdMessage(categories, input.category, "category", `one of ${[...categories.keys()].join(", ")}`)}`);
  if (!input.sourceId && !input.sourceName) problems.push(`--source is needed; expected a key of content/_data/sources.json (${[...sources.keys()].join(", ")}), or --source-name "اسم المصدر" for a source that is not registered`);
  else if (input.sourceId && !sources.has(input.sourceId)) {
    problems.push(`--source: ${unknownIdMessage(sources, input.sourceId, "source", `one of ${[...sources.keys()].join(", ")}`, ', or --source-name "اسم المصدر" for a source that is not registered')}`);
  }
  if (!input.url) problems.push("--url is needed: the address of the original story (every story is attributed)");
  else if (!isHttpUrl(input.url)) problems.push(`--url: "${input.url}" is not an http or https address; expected the original story's address, e.g. https://www.example.com/news/123`);
  return problems;
}

export interface CreatedStory {
  /** Absolute path of the new file. */
  file: string;
  slug: string;
  url: string;
}

/** Writes the story; throws UsageError with the reason when it cannot. */
export async function createStory(contentDir: string, input: NewStoryInput, now: DateTime = DateTime.now(), registries?: Registries): Promise<CreatedStory> {
  registries ??= await loadRegistries(path.join(contentDir, "_data"));
  const problems = inputProblems(input, registries);
  if (problems.length) throw new UsageError(problems.join("\n"));
  const { site, categories, sources } = registries;
  const title = input.title.normalize("NFC").trim();
  const slug = headlineSlug(title);
  if (!slug) throw new UsageError("the title gives an empty address (slug); expected a title with letters or digits");
  const unfit = pathSegmentProblem(slug);
  // a slug is letters, digits and hyphens, cut to the byte limit: what is left is a device name (con, nul)
  if (unfit) throw new UsageError(`the title gives the address (slug) "${slug}", which ${unfit.replace(/^"[^"]*" /, "").replace(/; expected.*$/, "")}; expected another title`);
  const index = await readStoryIndex(contentDir);
  const taken = index.stories.find((s) => s.slug === slug);
  if (taken) throw new UsageError(`a story with the address "${slug}" already exists: ${path.relative(process.cwd(), taken.absolute)}; expected a different title (or edit that story)`);

  const date = now.setZone(site.timeZone);
  const file = path.join(contentDir, "articles", date.toFormat("yyyy"), date.toFormat("MM"), `${slug}.md`);
  const frontMatter: Record<string, unknown> = {
    title,
    date: date.startOf("minute").toISO({ suppressMilliseconds: true }),
    category: input.category,
    tags: [],
    source: input.sourceId ? { id: input.sourceId, url: input.url } : { name: input.sourceName!.normalize("NFC").trim(), url: input.url },
    draft: input.draft ? true : undefined,
  };
  const text = storyText(frontMatter, "اكتب نص الخبر هنا.");
  const checked = checkStoryText(text, { timeZone: site.timeZone, categories, sources });
  if (checked.problems.length) throw new UsageError(checked.problems.map((p) => `${p.field}: ${p.message}`).join("\n"));
  try {
    await writeNewFile(file, text);
  } catch (error) {
    if (error instanceof FileExistsError) throw new UsageError(`${path.relative(process.cwd(), file)} already exists; expected a different title (or edit that story)`);
    throw error;
  }
  return { file, slug, url: absoluteUrl(site, storyUrl(slug)) };
}

/** Questions on a line-by-line input (a terminal or a pipe): answers are read in order, never lost. */
export class Questions {
  private readonly lines: AsyncIterator<string>;
  private readonly rl;
  constructor(input: NodeJS.ReadableStream, private readonly output: NodeJS.WritableStream) {
    this.rl = createInterface({ input, terminal: false });
    this.lines = this.rl[Symbol.asyncIterator]();
  }
  async ask(prompt: string): Promise<string> {
    this.output.write(prompt);
    const next = await this.lines.next();
    if (next.done) throw new UsageError("no answer (end of input); nothing was written");
    return next.value.trim();
  }
  close(): void {
    this.rl.close();
  }
}

/** The interactive questions: title, category from the list, source from the registry or a new one, URL. */
export async function askForStory(questions: Questions, registries: Registries, say: (line: string) => void): Promise<NewStoryInput> {
  const { categories, sources } = registries;
  let title = "";
  while (!title) title = await questions.ask("عنوان الخبر (title): ");

  const categoryList = orderedCategories(categories);
  say("الأقسام (categories):");
  categoryList.forEach((c, i) => say(`  ${i + 1}) ${c.id} — ${c.name}`));
  let category: string | undefined;
  while (!category) {
    const answer = await questions.ask("القسم (category number or id): ");
    category = categoryList[Number(answer) - 1]?.id ?? (categories.has(answer) ? answer : undefined);
    if (!category) say(`  "${answer}" is not in the list; expected a number from 1 to ${categoryList.length} or an id`);
  }

  const sourceList = [...sources.values()];
  say("المصادر (sources):");
  sourceList.forEach((s, i) => say(`  ${i + 1}) ${s.id} — ${s.name}`));
  let sourceId: string | undefined;
  let sourceName: string | undefined;
  while (!sourceId && !sourceName) {
    const answer = await questions.ask("المصدر (source number or id, or the name of a new source): ");
    if (!answer) continue;
    const picked = sourceList[Number(answer) - 1]?.id ?? (sources.has(answer) ? answer : undefined);
    if (picked) sourceId = picked;
    else if (/^\d+$/.test(answer)) say(`  expected a number from 1 to ${sourceList.length}`);
    else {
      const guess = closest(answer, sources.keys());
      if (guess) say(`  "${answer}" is not a registered source; did you mean "${guess}"? (type it, or type the new source's name in Arabic)`);
      else {
        sourceName = answer;
        say(`  a new source, not in content/_data/sources.json: «${answer}»`);
      }
    }
  }

  let url = "";
  while (!isHttpUrl(url)) {
    url = await questions.ask("رابط الخبر الأصلي (original story URL, https://...): ");
    if (!isHttpUrl(url)) say("  expected an http or https address");
  }
  return { title, category, sourceId, sourceName, url, draft: true };
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      content: { type: "string", default: "content" },
      category: { type: "string" },
      source: { type: "string" },
      "source-name": { type: "string" },
      url: { type: "string" },
      publish: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    console.log('npm run new -- "عنوان الخبر" --category ID --source ID --url https://... [--source-name NAME] [--publish] [--content DIR]\nWith no arguments, asks the questions one by one.');
    return;
  }
  const contentDir = path.resolve(values.content!);
  const registries = await loadRegistries(path.join(contentDir, "_data"));
  const interactive = positionals.length === 0 && !values.category && !values.source && !values["source-name"] && !values.url;
  let input: NewStoryInput;
  if (interactive) {
    const questions = new Questions(process.stdin, process.stdout);
    try {
      input = { ...(await askForStory(questions, registries, (line) => console.log(line))), draft: !values.publish };
    } finally {
      questions.close();
    }
  } else {
    input = { title: positionals.join(" "), category: values.category ?? "", sourceId: values.source, sourceName: values["source-name"], url: values.url ?? "", draft: !values.publish };
  }
  const created = await createStory(contentDir, input, DateTime.now(), registries);
  console.log(`Created ${path.relative(process.cwd(), created.file)}`);
  console.log(`Its address: ${decodeURI(created.url)}`);
  console.log(`  (percent-encoded: ${created.url})`);
  if (input.draft) console.log("It is a draft (draft: true): `npm start` shows it; delete that line to publish it with the next build.");
}

await runCommand(import.meta.url, "new", main);
