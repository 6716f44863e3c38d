// Tables whose rows are not models (endpoints, environment variables): the header
// row and alignment row stay as written, since translators own them; only the
// rows below are generated, laid out as the written rows are (padded to line up, or
// not). An empty region gets English default headers.
import type { RegionOutput } from "./kind.ts";
import { laidOut, tableLayout } from "./table-layout.ts";
import { cell, escapeText, isAlignmentRow, outerPipes, splitRow, styledRow, tableRow } from "./markdown.ts";

export interface TableLayout {
  /** Alignment-row cells of a new table (`---`, `:---:`, `---:`); `---` for every column when left out. */
  alignments?: readonly string[];
  /** What a header with the wrong number of columns should do. */
  hint?: string;
}

/** Whether a region's body is a table: its first line a row, its second an alignment row. */
export function isTableBody(body: readonly string[]): boolean {
  const [header, alignment] = body.filter((line) => line.trim() !== "");
  return header !== undefined && header.includes("|") && alignment !== undefined && isAlignmentRow(alignment);
}

export function tableBelowHeader(
  body: readonly string[],
  titles: readonly string[],
  rows: ReadonlyArray<readonly string[]>,
  layout: TableLayout = {},
): RegionOutput {
  const written = body.filter((line) => line.trim() !== "");
  // Rows as the written table writes them: with or without outer pipes.
  const pipes = written.length === 0 ? { lead: true, trail: true } : outerPipes(written[0]!);
  const generated = rows.map((row) => styledRow(row.map(cell), pipes));
  if (written.length === 0) {
    const alignments = layout.alignments ?? titles.map(() => "---");
    return { lines: [tableRow(titles.map(escapeText)), tableRow(alignments), ...generated] };
  }
  const [header, alignment] = written;
  if (!header!.includes("|") || alignment === undefined || !isAlignmentRow(alignment)) {
    return { error: "a table region must begin with the table's header row and alignment row (or be empty, to get default ones)" };
  }
  const count = splitRow(header!).length;
  if (count !== titles.length || splitRow(alignment).length !== titles.length) {
    return {
      error: `the table header has ${count} columns but the region renders ${titles.length} (${titles.join(", ")}); ${layout.hint ?? "fix the header"}`,
    };
  }
  // A table whose pipes line up is laid out again the same way (table-layout.ts).
  const aligned = tableLayout(header!, alignment, written.slice(2).filter((line) => line.includes("|")), pipes);
  return { lines: aligned ? laidOut(aligned, header!, alignment, rows.map((row) => row.map(cell)), pipes) : [header!, alignment, ...generated] };
}
