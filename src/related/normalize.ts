// Arabic text normalization for matching (never for display): the same word written with or
// without hamza, diacritics, tatweel or Arabic-Indic digits becomes one spelling.
//   NFC; أ إ آ ٱ → ا; ى → ي; optionally ة → ه; tashkeel (U+064B–U+0652) and the superscript alef
//   (U+0670) dropped; tatweel (U+0640) dropped; Arabic-Indic (٠–٩) and Persian (۰–۹) digits → 0–9;
//   Latin letters lower-cased; punctuation («» ، ؛ ؟ and ASCII) separates words.

export interface NormalizeOptions {
  /** Fold ة (taa marbuta) into ه, as many writers do at word ends. */
  foldTaMarbuta: boolean;
}

const MARKS = /[\u064B-\u0652\u0670\u0640]/g;
const ALEFS = /[\u0623\u0625\u0622\u0671]/g;
const DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;
const OTHER_MARKS = /\p{M}/gu;
/** Anything that is not a letter or a digit separates words (combining marks are gone by then). */
const SEPARATORS = /[^\p{L}\p{N}]+/u;

function latinDigit(digit: string): string {
  const code = digit.charCodeAt(0);
  return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
}

/** Normalized text, words still separated by whatever separated them. */
export function normalizeArabic(text: string, options: NormalizeOptions = { foldTaMarbuta: false }): string {
  let out = text.normalize("NFC").replace(MARKS, "").replace(ALEFS, "\u0627").replace(/\u0649/g, "\u064A").replace(DIGITS, latinDigit);
  if (options.foldTaMarbuta) out = out.replace(/\u0629/g, "\u0647");
  return out.toLowerCase();
}

/** The normalized words of a text, punctuation removed (other combining marks too: they never split a word). */
export function tokenize(text: string, options?: NormalizeOptions): string[] {
  return normalizeArabic(text, options).replace(OTHER_MARKS, "").split(SEPARATORS).filter(Boolean);
}
