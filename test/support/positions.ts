// 1-based line:column positions in a text, counted the way diagnostics report
// them: columns in UTF-16 units, a BOM at the start taking no column.
import { expect } from "vitest";

export function positionAt(text: string, offset: number): { line: number; column: number } {
  const lines = text.slice(text.charCodeAt(0) === 0xfeff ? 1 : 0, offset).split(/\r\n|\n|\r/);
  return { line: lines.length, column: lines.at(-1)!.length + 1 };
}

/** Position of the n-th occurrence of `needle`. */
export function positionOf(text: string, needle: string, occurrence = 1): { line: number; column: number } {
  let index = -1;
  for (let i = 0; i < occurrence; i++) {
    index = text.indexOf(needle, index + 1);
    expect(index, `"${needle}" occurs ${occurrence} times`).toBeGreaterThanOrEqual(0);
  }
  return positionAt(text, index);
}
