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

/** The UTF-16 or UTF-32 encoding named by the file's byte-order mark, or null. */
export function wideEncoding(bytes: Uint8Array): WideEncoding | null {
  const found = WIDE_BOMS.find(({ bom }) => bom.every((byte, i) => bytes[i] === byte));
  return found ? { encoding: found.encoding, decoder: found.decoder } : null;
}

export const NOT_UTF8 = "the file is not valid UTF-8 (perhaps Latin-1 or Windows-1252: this byte is not UTF-8)";

/** Line and column (1-based) of the first byte that is not UTF-8, or null when the bytes are UTF-8. */
export function firstNonUtf8(bytes: Uint8Array): { line: number; column: number } | null {
  if (isUtf8(bytes)) return null;
  const text = Buffer.from(bytes).toString("utf8");
  const bad = text.indexOf("\ufffd");
  const before = text.slice(0, Math.max(bad, 0));
  return { line: before.split("\n").length, column: bad - before.lastIndexOf("\n") };
}
