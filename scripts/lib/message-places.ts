// Messages name other places in words ("the object that opens at line 3, column 5", "the
// value that ends on line 3", "already set at line 3, column 5"). When a finding moves
// (from a code block's lines to the page's, from a page's planned text to the file on
// disk), the places its message names move with it, so both speak of the same lines.

const PLACE = /\b((?:at|on) line )(\d+)(?:(, column )(\d+))?/g;

/** The message with each line (and column) it names passed through `line` (and `column`). */
export function movePlaces(message: string, line: (l: number) => number, column: (c: number) => number = (c) => c): string {
  return message.replace(PLACE, (_, lead: string, l: string, separator?: string, c?: string) =>
    `${lead}${line(Number(l))}${separator && c ? `${separator}${column(Number(c))}` : ""}`);
}
