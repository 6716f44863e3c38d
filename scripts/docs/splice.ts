// Applies edits to a document. Edits replace region bodies and marker spellings
// only; every other character, line endings and a BOM included, is copied as is.
import type { Edit } from "./render.ts";

/** `edits` must be sorted by position and must not overlap. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  let out = "";
  let at = 0;
  for (const edit of edits) {
    if (edit.from < at) throw new Error("overlapping edits");
    out += text.slice(at, edit.from) + edit.text;
    at = edit.to;
  }
  return out + text.slice(at);
}

export function countLineBreaks(s: string): number {
  let n = 0;
  for (let i = s.indexOf("\n"); i !== -1; i = s.indexOf("\n", i + 1)) n++;
  return n;
}
