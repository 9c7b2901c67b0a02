// The rules of clean text (src/content/clean-text.ts), each on its own: what is not text, how bidi
// controls are balanced, what an address loses, what a terminal is shown, where UTF-8 goes wrong.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  balanceBidi,
  cleanAddress,
  cleanLine,
  countNotText,
  findNotText,
  hasVisibleText,
  isBidiBalanced,
  notTextName,
  printable,
  quote,
  removeInvisible,
  removeNotText,
  utf8ErrorOffset,
} from "../../../src/content/clean-text.ts";

const RLO = "\u202e";
const LRO = "\u202d";
const RLE = "\u202b";
const PDF = "\u202c";
const RLI = "\u2067";
const FSI = "\u2068";
const PDI = "\u2069";

describe("characters that are not text", () => {
  it("are C0 controls but tab, LF and CR; DEL; C1 controls; U+FFFE, U+FFFF; lone surrogates", () => {
    for (const c of ["\u0000", "\u0001", "\u0007", "\u0008", "\u000b", "\u000c", "\u000e", "\u001b", "\u001f", "\u007f", "\u0080", "\u0085", "\u009b", "\u009f", "\ufffe", "\uffff", "\ud800", "\udfff"]) {
      assert.deepEqual(findNotText(`اب${c}ج`), { index: 2, code: c.charCodeAt(0) }, `U+${c.charCodeAt(0).toString(16)}`);
    }
  });
  it("are not tab, line breaks, Arabic, marks, joiners, emoji, or a surrogate pair", () => {
    assert.equal(findNotText("سطر\tأول\nسطر\r\nثان \u200f(١)\u200e \u200c\u200d 👩‍💻 \u00a0«»"), undefined);
  });
  it("are counted, named, and removed with tab and line breaks kept", () => {
    assert.equal(countNotText("a\u0000b\u001bc\u0085"), 3);
    assert.equal(notTextName(0), "the NUL character (U+0000)");
    assert.equal(notTextName(0x1b), "the control character U+001B");
    assert.equal(notTextName(0xffff), "the noncharacter U+FFFF");
    assert.equal(removeNotText("a\u0000b\u001b[31mc\u009b\td\ne\r"), "ab[31mc\td\ne\r");
  });
});

describe("balanceBidi", () => {
  it("closes an override left open at the end of the text", () => {
    assert.equal(balanceBidi(`عنوان ${RLO}abc`), `عنوان ${RLO}abc${PDF}`);
  });
  it("closes what is open innermost first: embeddings with PDF, isolates with PDI", () => {
    assert.equal(balanceBidi(`${RLI}a${RLE}b${LRO}c`), `${RLI}a${RLE}b${LRO}c${PDF}${PDF}${PDI}`);
  });
  it("drops a closer that has nothing to close, so it cannot close the surrounding text's embedding", () => {
    assert.equal(balanceBidi(`a${PDF}b${PDI}c`), "abc");
  });
  it("does not let a PDF close an embedding across an isolate", () => {
    assert.equal(balanceBidi(`${RLE}a${FSI}b${PDF}c`), `${RLE}a${FSI}bc${PDI}${PDF}`);
  });
  it("closes the embeddings inside an isolate when the isolate closes", () => {
    assert.equal(balanceBidi(`${RLI}a${RLO}b${PDI}c`), `${RLI}a${RLO}b${PDF}${PDI}c`);
  });
  it("leaves balanced text and text without bidi controls as it is", () => {
    for (const text of [`${RLO}a${PDF} ${RLI}b${PDI}`, "نص عادي \u200f(١)", ""]) {
      assert.equal(balanceBidi(text), text);
      assert.ok(isBidiBalanced(text));
    }
    assert.ok(!isBidiBalanced(`${RLO}a`));
  });
});

describe("invisible characters", () => {
  it("are removed from addresses: bidi controls and marks, zero-width characters, soft hyphen, BOM", () => {
    for (const c of ["\u00ad", "\u061c", "\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u202a", "\u202e", "\u2060", "\u2066", "\u2069", "\ufeff"]) {
      assert.equal(removeInvisible(`https://a.example/${c}x`), "https://a.example/x", `U+${c.charCodeAt(0).toString(16)}`);
    }
  });
  it("are not the only thing in visible text", () => {
    assert.ok(!hasVisibleText(" \u200b\u200f\ufeff "));
    assert.ok(hasVisibleText("\u200fخبر"));
  });
});

describe("cleanLine (one line of text from a feed)", () => {
  it("removes controls, makes line breaks and tabs one space, balances bidi controls, NFC, trims", () => {
    assert.equal(cleanLine(" سطر\u001b[2J\n\t ثان\r\n ثالث \u202e!"), `سطر[2J ثان ثالث ${RLO}!${PDF}`);
    assert.equal(cleanLine("\u0627\u0654"), "\u0623");
  });
  it("keeps the joiners and marks Arabic, Persian and Urdu need", () => {
    const text = "می\u200cخواهم \u200f(١)\u200e 👩\u200d💻";
    assert.equal(cleanLine(text), text);
  });
});

describe("cleanAddress (an address or a path)", () => {
  it("removes controls, line breaks, tabs and invisible characters", () => {
    assert.equal(cleanAddress(` https://a.example/\u202e\u200bx\u0000\n\ty\u200c `), "https://a.example/xy");
  });
});

describe("printable (what a terminal is shown)", () => {
  it("writes controls, line breaks and bidi controls as escapes", () => {
    assert.equal(printable("a\u001b[31mb\nc\r\u202ed\u2066\u0085"), "a\\u001b[31mb\\u000ac\\u000d\\u202ed\\u2066\\u0085");
  });
  it("leaves Arabic, marks and joiners as they are", () => {
    const text = "خبر \u200f(١) می\u200cخواهم";
    assert.equal(printable(text), text);
  });
  it("quotes, cutting long text", () => {
    assert.equal(quote("abcdef", 4), '"abc…"');
    assert.equal(quote("a\u202eb"), '"a\\u202eb"');
  });
});

describe("utf8ErrorOffset", () => {
  const bytes = (...b: number[]) => Uint8Array.from(b);
  it("finds nothing in UTF-8", () => {
    assert.equal(utf8ErrorOffset(new TextEncoder().encode("خبر 👩‍💻 café")), undefined);
  });
  it("names the first byte of a Latin-1 character", () => {
    assert.equal(utf8ErrorOffset(Buffer.from("title: café\n", "latin1")), 10);
  });
  it("refuses overlong forms, surrogates, code points above U+10FFFF, stray and missing continuation bytes", () => {
    assert.equal(utf8ErrorOffset(bytes(0x41, 0xc0, 0x80)), 1, "overlong /");
    assert.equal(utf8ErrorOffset(bytes(0xe0, 0x80, 0x80)), 0, "overlong 3-byte");
    assert.equal(utf8ErrorOffset(bytes(0xed, 0xa0, 0x80)), 0, "surrogate");
    assert.equal(utf8ErrorOffset(bytes(0xf4, 0x90, 0x80, 0x80)), 0, "above U+10FFFF");
    assert.equal(utf8ErrorOffset(bytes(0xf5, 0x80, 0x80, 0x80)), 0);
    assert.equal(utf8ErrorOffset(bytes(0x41, 0x80)), 1, "a continuation byte alone");
    assert.equal(utf8ErrorOffset(bytes(0x41, 0xd8)), 1, "cut short at the end");
    assert.equal(utf8ErrorOffset(bytes(0xe2, 0x82, 0x41)), 0, "cut short before ASCII");
  });
  it("agrees with the WHATWG decoder on random bytes, and everything before the offset decodes", () => {
    const decoder = new TextDecoder("utf-8", { fatal: true });
    let seed = 12345;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pool = [0x41, 0x0a, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc2, 0xd8, 0xdf, 0xe0, 0xe2, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff];
    for (let n = 0; n < 3000; n++) {
      const sample = Uint8Array.from({ length: 1 + Math.floor(random() * 8) }, () => pool[Math.floor(random() * pool.length)]!);
      const offset = utf8ErrorOffset(sample);
      let valid = true;
      try {
        decoder.decode(sample);
      } catch {
        valid = false;
      }
      assert.equal(offset === undefined, valid, `${Buffer.from(sample).toString("hex")}`);
      if (offset !== undefined) assert.doesNotThrow(() => decoder.decode(sample.subarray(0, offset)), Buffer.from(sample).toString("hex"));
    }
  });
});
