// What the host makes of a config file's bytes, the config itself or one it includes: it reads
// UTF-8 only, so a wide encoding cannot be read at all, and a byte that is not UTF-8 becomes
// U+FFFD in whatever value holds it (read anyway: a warning).
import { firstNonUtf8, NOT_UTF8, wideEncoding } from "../lib/encoding.ts";

export const NOT_UTF8_WARNING = `${NOT_UTF8}; the host reads it as UTF-8 and this byte becomes U+FFFD: save the file as UTF-8`;

export type ConfigEncoding =
  | { unreadable: string }
  | { text: string; notUtf8?: { line: number; column: number } };

export function configEncoding(bytes: Buffer): ConfigEncoding {
  const wide = wideEncoding(bytes);
  if (wide) return { unreadable: `it is encoded as ${wide.encoding}; save it as UTF-8` };
  const badByte = firstNonUtf8(bytes);
  return { text: bytes.toString("utf8"), ...(badByte ? { notUtf8: badByte } : {}) };
}
