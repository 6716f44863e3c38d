// A file name as text for a terminal: quoted, with escapes, when it holds characters
// that would break the line or reorder what is shown around it (as git quotes such
// names). A newline in a name would otherwise start a line that reads as a message of
// its own; a right-to-left override would make `gpj.md` look like `dm.jpg`.

/** Control characters, line and paragraph separators, and the bidirectional formatting characters. */
const UNPRINTABLE = /[\p{Cc}\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;
const UNPRINTABLE_ALL = new RegExp(UNPRINTABLE.source, "gu");

const SHORT_ESCAPES: Readonly<Record<string, string>> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/** `text` with each control, line-separating or bidirectional formatting character replaced by what `escape` makes of it. */
export function replaceUnprintable(text: string, escape: (c: string) => string): string {
  return UNPRINTABLE.test(text) ? text.replace(UNPRINTABLE_ALL, escape) : text;
}

/** The path as it is when nothing in it needs escaping; else `"…"` with `\n`, `\t`, `\u202e` and `\"`, `\\` escaped. */
export function printablePath(path: string): string {
  if (!UNPRINTABLE.test(path)) return path;
  const escaped = replaceUnprintable(path.replace(/["\\]/g, (c) => `\\${c}`), (c) => SHORT_ESCAPES[c] ?? `\\u${c.codePointAt(0)!.toString(16).padStart(4, "0")}`);
  return `"${escaped}"`;
}
