// Which cell of a generated table column a row gets: the generated one, or the one
// the page already has about the same model where that says the same in the page's
// own way. A person may dress a cell (a link on the ref, a footnote mark after the
// name, emphasis) or write a number their way (`$3.00`, `1M`, `١٢٨K`, see
// cell-values.ts); such a cell stays while it says what the column writes. When it no
// longer does, the generated cell replaces it, with a note where what the person
// added is lost. A note in parentheses before or after the value (`Kimi K2.6（推荐）`)
// stays, as the words after a list item's value do; other words a person added to a
// cell are named in a warning when the cell is replaced.
import { cellShape, holdsNumber, readsAs, type CellValue } from "./cell-values.ts";
import { cellNote, wordsBeyond, cellWords } from "./markdown.ts";
import { cellText } from "./table-rows.ts";

/** What a column tells about the cells it keeps. */
export interface KeptColumn {
  /** The value the cell shows, for a column of numbers or dates. */
  value: CellValue | undefined;
  /** Names what a replaced cell loses, at the cell. */
  note: (message: string) => void;
  /** The page's language: which words shorten a number there (`1 Mio.`, `26万`). */
  locale: string;
  /** Whether the column writes a word (lower case) in some cell, for some model of the provider. */
  writes: (word: string) => boolean;
}

/**
 * A generated cell, or the written row's cell about the same model where that says the same in the page's own
 * way: dressed (a link, a footnote mark, emphasis: the same text without them), or, in a column of numbers,
 * reading as the catalog's value (`$3.00`, `1M`, `١٢٨K`). A written cell of numbers in a way gen does not write
 * that now reads as another value, or a dressed cell that now says another text, is replaced with a note.
 */
export function keptCell(generated: string, written: string | undefined, column: KeptColumn): string {
  const { value, note, locale } = column;
  if (written === undefined || written === "" || written === generated) return generated;
  // A note in parentheses a person put before or after the value stays there, whatever becomes of the value.
  const noted = cellNote(written);
  if (noted && cellNote(generated) === undefined) {
    const kept = keptCell(generated, noted.value, column);
    const result = noted.before ? noted.note + kept : kept + noted.note;
    // A number in the note may restate the value it stood beside (`131,072（约13万）`): kept beside another, it misleads.
    if (kept !== noted.value && holdsNumber(noted.note)) {
      note(`cell "${written}" becomes "${result}": its note "${noted.note.trim()}" holds a number, which may tell the earlier value; check it against "${kept}" and correct it`);
    }
    return result;
  }
  if (cellText(written) === cellText(generated)) return written;
  if (value !== undefined && readsAs(written, value, locale)) return written;
  if (value !== undefined && holdsNumber(written) && cellShape(written) !== cellShape(generated)) {
    note(
      `cell "${written}" reads as another value than the catalog's, and is written in another way than gen writes it: ` +
        `it becomes "${generated}". To keep the page's way, write the new value that way: a cell that reads as the catalog's value is left as written`,
    );
    return generated;
  }
  const lost = [...new Set(dressing(written))].filter((mark) => !dressing(generated).includes(mark));
  if (lost.length > 0) {
    note(`cell "${written}" says another text than the catalog's now: it becomes "${generated}", without ${lost.map((mark) => `\`${mark}\``).join(", ")}; dress the new cell again`);
    return generated;
  }
  // Words the column writes for some model were written by an earlier rendering (a modality or level the catalog dropped).
  const added = wordsBeyond(cellText(written), cellText(generated));
  if (added !== undefined && !cellWords(added).every(column.writes)) {
    // The first way of writing the words that gen keeps: as they are where they are in parentheses already (written
    // inside a ref's code span), else in parentheses, else without a parenthesis they open or close but never pair.
    const bare = added.replace(/[()（）]/g, "").trim();
    const ways = [`${generated}${added}`, `${generated} (${added})`, `${generated} (${bare})`];
    const advised = ways.find((way) => cellNote(way)?.value === generated) ?? ways[1];
    note(
      `cell "${written}" says more than the catalog's "${generated}": it becomes "${generated}", and "${added}" is dropped. ` +
        `To keep such words, put them in parentheses after the value ("${advised}"), or in a column written by hand`,
    );
  }
  return generated;
}

/** What dresses a cell's text: link targets, footnote marks, superscripts and daggers, emphasis marks. */
function dressing(cell: string): string[] {
  return [...cell.matchAll(/\]\([^)]*\)|\[\^[^\]]*\]|[\u00b9\u00b2\u00b3\u2070-\u2079\u2020\u2021]+|(?<!\\)(?:\*+|_+)/g)].map((m) => m[0]);
}
