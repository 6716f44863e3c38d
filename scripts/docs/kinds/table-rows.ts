// Reading a written table's rows: which model each row is about, and whether a cell
// holds what a column writes for that model. A row is about a model when one of its
// cells names it — by its ref under any id of its provider, its id or a legacy id the
// host accepts, its name or its alias — however the cell dresses it: in backticks, as a
// link's text, with emphasis or a footnote mark.
import { modelRef, type ModelData, type ResolvedGroup } from "../../catalog/model.ts";
import { providerIds } from "../../../schema/host.ts";
import { cellNote, splitRow } from "./markdown.ts";

/** A cell's text as compared: no link target, code, emphasis or footnote mark; digits without group separators; lower case. */
export function comparableCell(text: string): string {
  // Most cells hold none of what is taken away below: lower case is all they need.
  if (!NEEDS_WORK.test(text)) return text.trim().toLowerCase();
  // Digit groups as cellText leaves them: a no-break space between them is a space by then.
  return cellText(text).replace(/(\d)[,. '](?=\d{3}(?!\d))/g, "$1").toLowerCase();
}

/** A cell's text without what only dresses it: escapes, a link's target, code and emphasis marks, footnote marks; one space. */
export function cellText(text: string): string {
  return text
    .replace(/\\(.)/g, "$1")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1") // a link: its text
    .replace(/\[\^[^\]]*\]/g, "") // a footnote reference
    .replace(/[`*_]/g, "")
    .replace(/[\u00b9\u00b2\u00b3\u2070-\u2079\u2020\u2021]+/g, "") // superscript digits, daggers
    .replace(/\s+/g, " ")
    .trim();
}

/** What comparableCell changes beyond case and outer space: escapes, links, code, emphasis, marks, digit groups, space runs. */
const NEEDS_WORK = /[\\[`*_\u00b9\u00b2\u00b3\u2070-\u2079\u2020\u2021]|\d[,. \u00a0\u202f']\d|\s\s|[\t\n\u00a0]/;

const namesByModels = new WeakMap<readonly ModelData[], Map<string, ModelData | null>>();

/** Every way a row may name one of `models` (the group's provider's), to the model (null where two share a name); once per list. */
function namesOfModels(group: ResolvedGroup, models: readonly ModelData[]): Map<string, ModelData | null> {
  const known = namesByModels.get(models);
  if (known) return known;
  const index = new Map<string, ModelData | null>();
  namesByModels.set(models, index);
  const add = (text: string | undefined, model: ModelData) => {
    if (!text) return;
    const key = comparableCell(text);
    const known = index.get(key);
    index.set(key, known === undefined || known === model ? model : null);
  };
  for (const model of models) {
    add(modelRef(group.provider, model), model);
    for (const id of providerIds(group.provider)) add(`${id}/${model.id}`, model);
    add(model.id, model);
    for (const id of model.hostIds ?? []) add(id, model);
    add(model.name, model);
    add(model.alias, model);
  }
  return index;
}

export interface ReadRow {
  /** The row as written. */
  line: string;
  /** Its place among the rows read (0 for the first below the alignment row). */
  index: number;
  cells: string[];
  /** The model the row is about; undefined when no cell names one, or cells name different ones. */
  model?: ModelData;
  /** The models its cells name, where they name more than one. */
  models?: ModelData[];
}

/**
 * The rows below a table's header and alignment rows, each with the model it is about: one of the
 * group's, or of `models` (the provider's, to read rows about models that have left the group).
 */
export function readRows(rows: readonly string[], group: ResolvedGroup, models: readonly ModelData[] = group.models): ReadRow[] {
  const index = namesOfModels(group, models);
  return rows.map((row, at) => {
    const cells = splitRow(row);
    // A cell may carry a person's note in parentheses (`kimi-k2.6`（推荐）): it still names its model.
    const named = new Set(cells.map((c) => index.get(comparableCell(c)) ?? namedWithNote(c, index)).filter((m): m is ModelData => m != null));
    if (named.size > 1) return { line: row, index: at, cells, models: [...named] };
    return named.size === 1 ? { line: row, index: at, cells, model: [...named][0]! } : { line: row, index: at, cells };
  });
}

/** The model a cell names once the note in parentheses a person put before or after it is set aside. */
function namedWithNote(cell: string, index: ReadonlyMap<string, ModelData | null>): ModelData | null | undefined {
  // The note may stand inside the cell's dressing too (`` `kimi-k2.6（推荐）` ``): the row is about that model all the same.
  const noted = /[)）]/.test(cell) ? (cellNote(cell) ?? cellNote(cellText(cell))) : undefined;
  return noted && index.get(comparableCell(noted.value));
}
