// `npm run fonts:measure`: measures, in the system Chromium, how the fallback fonts differ from Readex
// Pro (advance width of Arabic news text, ascent, descent) and prints the size-adjust /
// ascent-override / descent-override values of the fallback faces in layouts/assets/site.css, so
// the swap to Readex Pro does not move the text.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { runCommand } from "../src/cli/run.ts";
import { FONT_FILES, unicodeRanges } from "../src/site/fonts.ts";

const require = createRequire(import.meta.url);

/** Local fonts a reader's system may show before Readex Pro arrives, with a file to measure them by here. */
const FALLBACKS = [
  { face: "Readex Pro Fallback Naskh", note: "Android's Arabic system font", package: "@fontsource-variable/noto-naskh-arabic", files: ["noto-naskh-arabic-arabic-wght-normal.woff2", "noto-naskh-arabic-latin-wght-normal.woff2"] },
  { face: "Readex Pro Fallback Noto Sans", note: "Noto Sans Arabic (Android, Linux)", package: "@fontsource-variable/noto-sans-arabic", files: ["noto-sans-arabic-arabic-wght-normal.woff2", "noto-sans-arabic-latin-wght-normal.woff2"] },
  { face: "Readex Pro Fallback DejaVu", note: "DejaVu Sans (Linux)", local: "DejaVu Sans" },
];

async function measure(): Promise<void> {
  const { chromium } = await import("playwright-core");
  const sample = readFileSync("content/articles/2025/12/روبيو-بعض-التقدم-في-المحادثات-مع-روسيا.md", "utf8")
    .split(/^---$/m)[2]!
    .replace(/!\[.*|https?:\S+/g, "")
    .replace(/\s+/g, " ")
    .slice(0, 1500);
  const ranges = unicodeRanges();
  const dataUrl = (file: string) => `data:font/woff2;base64,${readFileSync(file).toString("base64")}`;
  const faces: Array<{ family: string; files: string[] }> = [{ family: "Readex", files: FONT_FILES.map((f) => f.source) }];
  for (const fallback of FALLBACKS) {
    if (!fallback.package) continue;
    try {
      const dir = path.dirname(require.resolve(`${fallback.package}/package.json`));
      faces.push({ family: fallback.face, files: fallback.files!.map((f) => path.join(dir, "files", f)) });
    } catch {
      console.error(`(${fallback.package} is not installed: install it without saving to measure ${fallback.face})`);
    }
  }
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
  const page = await browser.newPage();
  await page.setContent("<canvas></canvas>");
  // A string, not a function: the page must not see the TypeScript loader's helpers.
  const script = `(async () => {
    const faces = ${JSON.stringify(faces.map((f) => ({ family: f.family, urls: f.files.map(dataUrl) })))};
    const ranges = ${JSON.stringify([ranges.arabic, ranges.latin])};
    for (const face of faces) for (let i = 0; i < face.urls.length; i++) {
      const font = new FontFace(face.family, "url(" + face.urls[i] + ")", { weight: "100 900", unicodeRange: ranges[i] });
      document.fonts.add(font);
      await font.load();
    }
    const context = document.querySelector("canvas").getContext("2d");
    context.direction = "rtl";
    const measure = (family, weight) => {
      context.font = weight + " 100px '" + family + "'";
      const box = context.measureText("خبر");
      return { width: context.measureText(${JSON.stringify(sample)}).width, ascent: box.fontBoundingBoxAscent / 100, descent: box.fontBoundingBoxDescent / 100 };
    };
    const out = {};
    for (const family of [...faces.map((f) => f.family), ${JSON.stringify(FALLBACKS.filter((f) => f.local).map((f) => f.local))}].flat()) out[family] = { 400: measure(family, 400), 700: measure(family, 700) };
    return out;
  })()`;
  const metrics = (await page.evaluate(script)) as Record<string, Record<400 | 700, { width: number; ascent: number; descent: number }>>;
  await browser.close();
  const readex = metrics.Readex!;
  const percent = (x: number) => `${(x * 100).toFixed(2)}%`;
  console.log(`/* Readex Pro: ascent ${readex[400].ascent}, descent ${readex[400].descent} (em) */`);
  for (const fallback of FALLBACKS) {
    const measured = metrics[fallback.local ?? fallback.face];
    if (!measured) continue;
    for (const weight of [400, 700] as const) {
      const adjust = readex[weight].width / measured[weight].width;
      console.log(`/* ${fallback.face} ${weight} (${fallback.note}) */ size-adjust: ${percent(adjust)}; ascent-override: ${percent(readex[weight].ascent / adjust)}; descent-override: ${percent(readex[weight].descent / adjust)}; line-gap-override: 0%;`);
    }
  }
}

await runCommand(import.meta.url, "fonts:measure", measure);
