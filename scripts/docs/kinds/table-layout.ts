// Whether a written table lines its pipes up (its cells padded with spaces, as
// Prettier and hand-made tables in many docs pad them), and the rows of a
// regenerated table laid out the same way. Widths are display widths: a CJK
// character takes two columns, as in an editor's monospace font.
//
// A table counts as aligned, when something shows that its padding is meant (a
// cell padded with two spaces or more, or a delimiter cell of more than three
// dashes), where:
//   - its header, delimiter row and rows all line up;
//   - its delimiter row is drawn wider than `---`: its dashes give the widths (rows
//     an edit left ragged, or a header an editor measured otherwise, are lined up
//     again);
//   - its header and rows line up under a compact delimiter row (`|:---|---:|`);
//   - its rows line up with one another (an earlier run widened them past the header).
// The columns keep the widths they have; a cell wider than its column widens the
// column in every row. The header and delimiter rows are never touched: translators
// own them, byte for byte, so a widened column leaves them narrower than the rows.
// A table that is not aligned stays as it is.
import { displayWidth } from "./display-width.ts";
import { splitRow, styledRow, type OuterPipes } from "./markdown.ts";

type Justify = "left" | "right" | "center";

export interface TableLayout {
  /** Each column's width. A last column after which no pipe closes the row gets no spaces after its cells. */
  widths: number[];
  /** How the rows' cells stand in their columns. */
  rows: Justify[];
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Columns on screen, where CJK characters take two. */
function columns(text: string): number {
  // Printable ASCII takes one column a character; displayWidth is for the rest (and costs more).
  return PRINTABLE_ASCII.test(text) ? text.length : displayWidth(text);
}

/** The text between a row's pipes, as written (spaces kept). */
function segments(row: string, pipes: OuterPipes): string[] {
  let text = row.trim();
  if (pipes.lead && text.startsWith("|")) text = text.slice(1);
  if (pipes.trail && text.endsWith("|") && !text.endsWith("\\|")) text = text.slice(0, -1);
  return text.split(/(?<!\\)\|/);
}

/** Whether the rows put their pipes at the same columns: every segment but an open last one as wide in each. */
function lineUp(rows: ReadonlyArray<readonly string[]>, pipes: OuterPipes): boolean {
  const [first] = rows;
  const compared = first!.length - (pipes.trail ? 0 : 1);
  return rows.every((row) => row.length === first!.length && row.slice(0, compared).every((segment, i) => columns(segment) === columns(first![i]!)));
}

/** Padding that is meant: two spaces or more beside a cell's text. */
const PADDED = /\S {2,}$|^ {2,}\S/;

/** How a padded segment stands in its column; undefined where it fills its column (nothing tells). */
function justifyOf(segment: string): Justify | undefined {
  const lead = segment.length - segment.trimStart().length;
  const trail = segment.length - segment.trimEnd().length;
  if (segment.trim() === "" || (lead <= 1 && trail <= 1)) return undefined;
  return lead <= 1 ? "left" : trail <= 1 ? "right" : "center";
}

/**
 * Whether a segment may stand in its column as `justify` puts it: a cell one column narrower than a centred column
 * has its one space of padding after it, as a left-justified cell has.
 */
function fits(segment: string, justify: Justify): boolean {
  const lead = segment.length - segment.trimStart().length;
  const trail = segment.length - segment.trimEnd().length;
  if (segment.trim() === "") return true;
  return justify === "left" ? lead <= 1 : justify === "right" ? trail <= 1 : Math.abs(lead - trail) <= 1;
}

/** The layout of an aligned written table; undefined when the table is not aligned. */
export function tableLayout(header: string, delimiter: string, rows: readonly string[], pipes: OuterPipes): TableLayout | undefined {
  const head = segments(header, pipes);
  const marks = segments(delimiter, pipes);
  const body = rows.map((row) => segments(row, pipes));
  const drawnWide = marks.some((mark) => /-{4,}/.test(mark));
  const meant = drawnWide || [head, ...body].some((row) => row.some((segment) => PADDED.test(segment)));
  if (!meant || head.length !== marks.length) return undefined;
  // The delimiter row gives the widths where it lines up with the rest or is drawn wide; else the header and rows do.
  let measured: readonly string[];
  if (lineUp([head, marks, ...body], pipes) || drawnWide) measured = marks;
  else if (body.length > 0 && lineUp([head, ...body], pipes)) measured = head;
  else if (body.length > 1 && body[0]!.length === head.length && lineUp(body, pipes)) measured = body[0]!;
  else return undefined;
  const last = head.length - 1;
  const widths = measured.map((segment, i) => {
    // A cell's text has a space on either side, but where no outer pipe stands.
    const sides = (i === 0 && !pipes.lead ? 0 : 1) + (i === last && !pipes.trail ? 0 : 1);
    return Math.max(1, columns(segment) - sides);
  });
  const aligns = splitRow(delimiter);
  const byMarks = aligns.map((mark): Justify => (mark.startsWith(":") && mark.endsWith(":") ? "center" : mark.endsWith(":") ? "right" : "left"));
  // A column stands as its delimiter cell's colons say where all its cells fit that; else as all its cells fit, else
  // as the first cell that tells says.
  const justify = (segmentsOf: ReadonlyArray<readonly string[]>) =>
    head.map((_, i) => {
      const column = segmentsOf.flatMap((row) => (row[i] === undefined ? [] : [row[i]!]));
      const fitting = [byMarks[i] ?? "left", "left", "right", "center"] as const;
      return fitting.find((j) => column.every((segment) => fits(segment, j))) ?? column.map(justifyOf).find((j) => j !== undefined) ?? byMarks[i] ?? "left";
    });
  return {
    widths,
    // A row of more or fewer cells than the header (a pipe in a code span splits one) tells nothing of its columns.
    rows: justify(body.filter((row) => row.length === head.length)),
  };
}

/** The text in its column; `open`, in a last column no pipe closes, without spaces after it (they would trail the line). */
function pad(text: string, width: number, justify: Justify, open: boolean): string {
  const fill = Math.max(0, width - columns(text));
  const before = justify === "right" ? fill : justify === "center" ? Math.floor(fill / 2) : 0;
  return " ".repeat(before) + text + (open ? "" : " ".repeat(fill - before));
}

/**
 * The header, delimiter and rows of the regenerated table, laid out as the written one: `cells` are the new rows'.
 * The header and delimiter rows stay as written; a cell wider than its column widens that column in every row.
 */
export function laidOut(layout: TableLayout, header: string, delimiter: string, cells: ReadonlyArray<readonly string[]>, pipes: OuterPipes): string[] {
  const open = (i: number) => i === layout.widths.length - 1 && !pipes.trail;
  const widths = layout.widths.map((width, i) => cells.reduce((widest, row) => Math.max(widest, columns(row[i] ?? "")), width));
  const rows = cells.map((row) => styledRow(row.map((text, i) => pad(text, widths[i]!, layout.rows[i] ?? "left", open(i))), pipes));
  return [header, delimiter, ...rows];
}
