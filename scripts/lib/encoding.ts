// What a file's bytes are when they are not UTF-8: a UTF-16 or UTF-32 byte-order
// mark, or the first byte that is not UTF-8 (often Latin-1 or Windows-1252). Docs
// and config files both read text as UTF-8 and ask this module first.
import { isUtf8 } from "node:buffer";

export interface WideEncoding {
  encoding: string;
  /** Decoder name for TextDecoder; empty where Node has none (UTF-32). */
  decoder: string;
}

const WIDE_BOMS: ReadonlyArray<WideEncoding & { bom: readonly number[] }> = [
  // UTF-32 first: its little-endian mark begins with UTF-16's.
  { bom: [0xff, 0xfe, 0x00, 0x00], encoding: "UTF-32 (little-endian)", decoder: "" },
  { bom: [0x00, 0x00, 0xfe, 0xff], encoding: "UTF-32 (big-endian)", decoder: "" },
  { bom: [0xff, 0xfe], encoding: "UTF-16 (little-endian)", decoder: "utf-16le" },
  { bom: [0xfe, 0xff], encoding: "UTF-16 (big-endian)", decoder: "utf-16be" },
];

/**
 * The UTF-16 or UTF-32 encoding named by the file's byte-order mark; else UTF-16
 * recognised by its zero bytes (every ASCII character is one byte and a zero, so
 * a page saved as UTF-16 without a mark has a zero in every other byte); or null.
 */
export function wideEncoding(bytes: Uint8Array): WideEncoding | null {
  const found = WIDE_BOMS.find(({ bom }) => bom.every((byte, i) => bytes[i] === byte));
  if (found) return { encoding: found.encoding, decoder: found.decoder };
  return unmarkedUtf16(bytes);
}

/** Bytes looked at for zeros: enough to tell, and a huge file is not counted through. */
const UTF16_SAMPLE = 64 * 1024;

function unmarkedUtf16(bytes: Uint8Array): WideEncoding | null {
  // Most files hold no zero byte at all: one search rules them out.
  if (bytes.length < 4 || bytes.indexOf(0) === -1) return null;
  const pairs = Math.min(bytes.length, UTF16_SAMPLE) >> 1;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < pairs; i++) {
    if (bytes[2 * i] === 0) evenZeros++;
    if (bytes[2 * i + 1] === 0) oddZeros++;
  }
  // A zero in most odd bytes and almost no even one (or the other way round): not a stray NUL in a UTF-8 page.
  const looksLike = (zeros: number, others: number) => zeros >= pairs * 0.3 && others <= pairs * 0.02;
  if (looksLike(oddZeros, evenZeros)) return UTF16LE;
  if (looksLike(evenZeros, oddZeros)) return UTF16BE;
  // A page mostly in CJK has few zero bytes, but its markers are ASCII: `:start` or `:end` a zero byte after each letter.
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const needle of UTF16_VERBS) {
    const at = buffer.indexOf(needle);
    if (at !== -1) return at % 2 === 0 ? UTF16LE : UTF16BE;
  }
  return null;
}

const UTF16LE: WideEncoding = { encoding: "UTF-16 (little-endian, without a byte-order mark)", decoder: "utf-16le" };
const UTF16BE: WideEncoding = { encoding: "UTF-16 (big-endian, without a byte-order mark)", decoder: "utf-16be" };
/** `:start` and `:end` as UTF-16LE; in big-endian text they stand one byte later (an odd offset). */
const UTF16_VERBS = [":start", ":end"].map((verb) => Buffer.from(verb, "utf16le").subarray(0, -1));

export const NOT_UTF8 = "the file is not valid UTF-8 (perhaps Latin-1 or Windows-1252: this byte is not UTF-8)";

/** Line and column (1-based) of the first byte that is not UTF-8, or null when the bytes are UTF-8. */
export function firstNonUtf8(bytes: Uint8Array): { line: number; column: number } | null {
  if (isUtf8(bytes)) return null;
  const decoded = Buffer.from(bytes).toString("utf8");
  // Columns as an editor counts them: a byte-order mark before the first line is not one.
  const text = decoded.charCodeAt(0) === 0xfeff ? decoded.slice(1) : decoded;
  const bad = text.indexOf("\ufffd");
  const before = text.slice(0, Math.max(bad, 0));
  return { line: before.split("\n").length, column: bad - before.lastIndexOf("\n") };
}
