// How deeply a page nests blockquotes and list items. The Markdown parser and the
// MDX compiler recurse once per level, and their time grows with the square of the
// depth (20 s for a 50,000-deep quote), so pages nested deeper than any real page
// are refused before they are parsed.

/** Deeper than any real page; the compiler's stack runs out at a few thousand. */
export const MAX_NESTING = 200;

/** One container marker at a line's start: `>`, or a list bullet or number followed by white space. */
const CONTAINER = /[ \t]*(?:>|(?:[-+*]|\d{1,9}[.)])(?=[ \t]))[ \t]?/y;

/** The first line (1-based) whose containers nest deeper than MAX_NESTING, with its depth; null if none. */
export function tooDeeplyNested(text: string): { line: number; depth: number } | null {
  let line = 1;
  for (let start = 0; start < text.length; line++) {
    let depth = 0;
    CONTAINER.lastIndex = start;
    while (CONTAINER.exec(text) !== null) depth++;
    if (depth > MAX_NESTING) return { line, depth };
    const next = text.indexOf("\n", start);
    if (next === -1) break;
    start = next + 1;
  }
  return null;
}
