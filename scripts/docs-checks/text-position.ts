// Offsets in a doc -> 1-based line and column, for diagnostics, on the engine's line index.
import { lineIndexAt, splitLines } from "../docs/text.ts";

export interface TextPosition {
  line: number;
  column: number;
}

/** Builds the line index once; each lookup is a binary search. */
export function positionFinder(text: string): (offset: number) => TextPosition {
  const lines = splitLines(text);
  return (offset) => {
    const index = lineIndexAt(lines, offset);
    return { line: index + 1, column: offset - lines[index]!.start + 1 };
  };
}
