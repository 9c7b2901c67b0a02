// The fast path of normalize.ts for a whole corpus: one pass over the characters of each text,
// folding each through a lookup table (the same rules as normalizeArabic) and walking a trie of
// the spellings seen so far, so that a word is found without building a string for it. Each
// distinct spelling gets a small integer id the first time it is seen.
import { normalizeArabic, type NormalizeOptions } from "./normalize.ts";

const SEPARATOR = 0;
const SKIP = 0xffff;
const tables = new Map<boolean, Uint16Array>();

const UNKNOWN = 0xfffe;
const WORDISH = /[\p{L}\p{N}]/u;
const MARK = /\p{M}/u;
const MARKS = /\p{M}/gu;

/** For every UTF-16 code unit: SEPARATOR, SKIP (diacritics, tatweel) or the normalized unit,
 * worked out the first time the unit is met (UNKNOWN until then). */
function foldTable(options: NormalizeOptions): Uint16Array {
  let table = tables.get(options.foldTaMarbuta);
  if (!table) tables.set(options.foldTaMarbuta, (table = new Uint16Array(0x10000).fill(UNKNOWN)));
  return table;
}

function fold(code: number, options: NormalizeOptions): number {
  if (code >= 0xd800 && code <= 0xdfff) return code; // halves of characters beyond the BMP: kept as they are
  const char = String.fromCharCode(code);
  const folded = normalizeArabic(char, options).replace(MARKS, "");
  if (folded === "" || MARK.test(char)) return SKIP;
  if (folded.length === 1 && WORDISH.test(folded)) return folded.charCodeAt(0);
  if (WORDISH.test(char)) return code; // lower-cases to two units (İ): kept as written
  return SEPARATOR;
}

/**
 * Spellings as a trie whose edges live in one open-addressing hash table of typed arrays
 * ((node, code unit) -> child): no object or string is made per character or per word.
 */
export class SpellingScanner {
  private readonly table: Uint16Array;
  private readonly options: NormalizeOptions;
  private edgeNode = new Int32Array(1 << 16).fill(-1);
  private edgeUnit = new Uint16Array(1 << 16);
  private edgeChild = new Int32Array(1 << 16);
  private edges = 0;
  private nodes = 1;
  private parent = new Int32Array(1 << 15);
  private unit = new Uint16Array(1 << 15);
  private spellingOfNode = new Int32Array(1 << 15).fill(-1);
  /** Spelling id -> the normalized word. */
  readonly spellings: string[] = [];

  constructor(options: NormalizeOptions) {
    this.table = foldTable(options);
    this.options = options;
  }

  private child(node: number, unit: number): number {
    let mask = this.edgeNode.length - 1;
    let at = (Math.imul(node, 0x9e3779b1) ^ Math.imul(unit, 0x85ebca6b)) & mask;
    while (this.edgeNode[at] !== -1) {
      if (this.edgeNode[at] === node && this.edgeUnit[at] === unit) return this.edgeChild[at]!;
      at = (at + 1) & mask;
    }
    // a new node
    if (this.nodes === this.parent.length) {
      const size = this.parent.length * 2;
      this.parent = grow(this.parent, new Int32Array(size));
      this.unit = grow(this.unit, new Uint16Array(size));
      this.spellingOfNode = grow(this.spellingOfNode, new Int32Array(size).fill(-1));
    }
    const child = this.nodes++;
    this.parent[child] = node;
    this.unit[child] = unit;
    if (++this.edges * 2 > this.edgeNode.length) {
      this.rehash();
      mask = this.edgeNode.length - 1;
      at = (Math.imul(node, 0x9e3779b1) ^ Math.imul(unit, 0x85ebca6b)) & mask;
      while (this.edgeNode[at] !== -1) at = (at + 1) & mask;
    }
    this.edgeNode[at] = node;
    this.edgeUnit[at] = unit;
    this.edgeChild[at] = child;
    return child;
  }

  private rehash(): void {
    const [nodes, units, children] = [this.edgeNode, this.edgeUnit, this.edgeChild];
    const size = nodes.length * 2;
    this.edgeNode = new Int32Array(size).fill(-1);
    this.edgeUnit = new Uint16Array(size);
    this.edgeChild = new Int32Array(size);
    const mask = size - 1;
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      if (node === -1) continue;
      let at = (Math.imul(node, 0x9e3779b1) ^ Math.imul(units[i]!, 0x85ebca6b)) & mask;
      while (this.edgeNode[at] !== -1) at = (at + 1) & mask;
      this.edgeNode[at] = node;
      this.edgeUnit[at] = units[i]!;
      this.edgeChild[at] = children[i]!;
    }
  }

  private spelling(node: number): number {
    let id = this.spellingOfNode[node]!;
    if (id < 0) {
      const units: number[] = [];
      for (let n = node; n > 0; n = this.parent[n]!) units.push(this.unit[n]!);
      id = this.spellings.length;
      this.spellings.push(String.fromCharCode(...units.reverse()));
      this.spellingOfNode[node] = id;
    }
    return id;
  }

  /** Calls `word` with the spelling id of every word of `text`, in order. */
  scan(text: string, word: (spelling: number) => void): void {
    const { table } = this;
    // NFC composes a letter and a following hamza or madda sign into one letter (ا + ٔ → أ)
    const source = /[\u0300-\u036f\u0653-\u0655]/.test(text) ? text.normalize("NFC") : text;
    let node = 0;
    for (let i = 0; i < source.length; i++) {
      const code = source.charCodeAt(i);
      let folded = table[code]!;
      if (folded === UNKNOWN) table[code] = folded = fold(code, this.options);
      if (folded === SKIP) continue;
      if (folded === SEPARATOR) {
        if (node) word(this.spelling(node));
        node = 0;
      } else {
        node = this.child(node, folded);
      }
    }
    if (node) word(this.spelling(node));
  }
}

function grow<T extends Int32Array | Uint16Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
