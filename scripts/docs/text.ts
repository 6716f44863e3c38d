// A document as lines with their offsets, so that regions can be located by
// line and spliced by offset without ever normalising line endings.

export interface SourceLine {
  /** Offset of the first character (after the BOM on the first line). */
  start: number;
  /** Offset just past the content, before the line ending. */
  end: number;
  /** Offset of the next line: `end` plus the length of `\n` or `\r\n` (or nothing at the end of the text). */
  next: number;
}

export function splitLines(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (;;) {
    const lf = text.indexOf("\n", start);
    if (lf === -1) {
      lines.push({ start, end: text.length, next: text.length });
      return lines;
    }
    const end = lf > start && text.charCodeAt(lf - 1) === 13 ? lf - 1 : lf;
    lines.push({ start, end, next: lf + 1 });
    start = lf + 1;
  }
}

/** The line ending of a line: `\n`, `\r\n`, or "" for the last line without one. */
export function lineEnding(text: string, line: SourceLine): string {
  return text.slice(line.end, line.next);
}

/** Index of the line holding `offset` (binary search). */
export function lineIndexAt(lines: readonly SourceLine[], offset: number): number {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Width of the leading white space (of the line, or of `text` from `from` to `to`),
 * with tabs advancing to the next multiple of 4 (as CommonMark counts).
 */
export function indentWidth(text: string, from = 0, to = text.length): number {
  let width = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) width++;
    else if (c === 9) width += 4 - (width % 4);
    else break;
  }
  return width;
}

/** Offset of the first character from `from` that is not a space or a tab (`to` if there is none). */
export function leadingBlanks(text: string, from: number, to: number): number {
  let at = from;
  while (at < to && (text.charCodeAt(at) === 32 || text.charCodeAt(at) === 9)) at++;
  return at;
}

/**
 * A copy of a piece of a text that does not keep the whole text alive: V8 makes a
 * slice of a long string a view into it, so a region kept for a report would hold
 * its entire page in memory. The concatenation is flattened into a string of the
 * piece's own length before the view is taken.
 */
export function ownCopy(piece: string): string {
  return ` ${piece}`.slice(1);
}
