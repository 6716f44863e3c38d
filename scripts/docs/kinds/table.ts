// `<group>-table`, and any model region whose body is already a table (an `-ids`
// or `-model-refs` region that maintainers turned into one): a Markdown table of
// the group's models, one row per model in catalog order.
//
// A table keeps its shape: its header and alignment rows stay byte for byte
// (translators own them; where the pipes line up, rows are lined up again, see
// table-layout.ts), its columns stay the same and in the same order; only
// the rows below are generated. Each column is identified, in this order, from:
//   1. `columns=ref,name,…` on the start marker, or the region's `columns` in the
//      project configuration (`-` names a column written by hand);
//   2. the header's words: the English titles below, and `column.<id>` (with other
//      spellings in `column.<id>.also`, separated by `|`) in every language of the
//      catalog's words;
//   3. for the columns that name the model (ref, id, name, alias), their cells: what
//      that column writes, row by row, for the model each row names (table-rows.ts);
//   4. the same region on the page this one translates (`docs/pt-BR/x.md` ↔
//      `docs/x.md`; the places tried are in translated-pages.ts), column by column,
//      when the column counts agree and the translation has not moved its columns;
//   5. the value columns their cells show in at least two rows (values go stale when
//      the catalog changes, so they come after the source page).
// A column none of these identifies, or two that read as one, stops the run at its
// header cell. Cells hold words in the page's language (or, where it has none, the
// translation's own, learned from the source page) and numbers written the way the
// table writes them; a written cell that says the same in the page's own way (dressed,
// or a number written otherwise) is kept (kept-cells.ts).
// An empty region gets a header in the page's language.
import { cacheWritePrice, modelRef, type ModelData, type ResolvedGroup } from "../../catalog/model.ts";
import { BASE_LOCALE, wordsFor, type WordBook, type Words } from "../../catalog/words.ts";
import { didYouMeanSuffix } from "../../lib/did-you-mean.ts";
import { addWordAdvice } from "../word-advice.ts";
import type { BodyPosition, PassedOver, RegionKind, RegionOutput, RenderContext, RenderNote } from "./kind.ts";
import { cell, cellWords, escapeText, inlineCode, isAlignmentRow, outerPipes, splitRow, styledRow, tableRow } from "./markdown.ts";
import { isTableBody } from "./row-table.ts";
import type { CellValue } from "./cell-values.ts";
import { keptCell } from "./kept-cells.ts";
import { laidOut, tableLayout } from "./table-layout.ts";
import { cellText, comparableCell, readRows, type ReadRow } from "./table-rows.ts";

/** How the table writes numbers: the separator between groups of three digits ("" for none). */
interface CellStyle {
  words: TableWords;
  groupSeparator: string;
}

interface Column {
  /** English header, built in so that tables are recognised without any locale files. */
  title: string;
  align: "left" | "center" | "right";
  cell(model: ModelData, group: ResolvedGroup, style: CellStyle): string;
  /** The value the cell shows, for a column of numbers or dates: a cell written another way that reads as it is kept (cell-values.ts). */
  value?(model: ModelData): CellValue | undefined;
}

/** A column id, or `-` for a column written by hand. */
const HAND = "-";

/** Words with an English text built in, for catalogs without locale files. */
class TableWords {
  constructor(
    private readonly words: Pick<Words, "word">,
    private readonly book: WordBook,
  ) {}
  say(key: string, english: string): string {
    return this.book.base[key] === undefined ? english : this.words.word(key);
  }
  /** The same words looked up another way: in English, or without recording fallbacks. */
  with(words: Pick<Words, "word">): TableWords {
    return new TableWords(words, this.book);
  }
}

/** Words of a page's language that record nothing: what cells are compared with when columns are identified. */
function quietly(words: Words, book: WordBook): Pick<Words, "word"> {
  return { word: (key) => words.peek(key) ?? book.base[key]! };
}

function number(n: number, style: CellStyle): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, style.groupSeparator);
}

/** What a cell shows where the catalog has no value. */
function none(style: CellStyle): string {
  return escapeText(style.words.say("none", "—"));
}

function price(amount: number | undefined, currency: string, style: CellStyle): string {
  if (amount === undefined) return none(style);
  const fixed = amount.toFixed(2);
  return `${Number(fixed) === amount ? fixed : String(amount)} ${currency}`;
}

function status(model: ModelData, style: CellStyle): string {
  const lifecycle = model.lifecycle;
  const word = style.words.say(`status.${lifecycle.status}`, lifecycle.status);
  if (lifecycle.status === "current") return escapeText(word);
  return `${escapeText(word)} ${lifecycle.date} → ${inlineCode(lifecycle.replacement)}`;
}

/** Effort levels where the catalog records them (`low / high / max`), else whether the model reasons, and whether always. */
function reasoning(model: ModelData, style: CellStyle): string {
  const levels = effortLevels(model);
  if (model.reasoning && levels.length > 0) {
    return levels.map((level) => escapeText(style.words.say(`effort.${level}`, level))).join(" / ");
  }
  if (model.reasoning === "always") return escapeText(style.words.say("reasoning.always", "Always on"));
  return escapeText(model.reasoning ? style.words.say("yes", "Yes") : style.words.say("no", "No"));
}

/** The model's reasoning effort levels, in the catalog's order; none when the catalog records none. */
function effortLevels(model: ModelData): readonly string[] {
  return model.reasoningEffort ?? [];
}

function modalities(model: ModelData, style: CellStyle): string {
  const separator = style.words.say("separator.list", ", ");
  return escapeText(model.input.map((m) => style.words.say(`input.${m}`, m)).join(separator));
}

const amount = (n: number | undefined): CellValue | undefined => (n === undefined ? undefined : { amount: n });
const cost = (n: number | undefined, model: ModelData): CellValue | undefined => (n === undefined ? undefined : { amount: n, currency: model.cost.currency });

export const COLUMNS: Readonly<Record<string, Column>> = {
  ref: { title: "Model ref", align: "left", cell: (m, g) => inlineCode(modelRef(g.provider, m)) },
  id: { title: "Model id", align: "left", cell: (m) => inlineCode(m.id) },
  name: { title: "Name", align: "left", cell: (m) => escapeText(m.name) },
  alias: { title: "Alias", align: "left", cell: (m) => escapeText(m.alias) },
  reasoning: { title: "Reasoning", align: "center", cell: (m, _g, s) => reasoning(m, s) },
  input: { title: "Input", align: "left", cell: (m, _g, s) => modalities(m, s) },
  context: { title: "Context window", align: "right", cell: (m, _g, s) => number(m.contextWindow, s), value: (m) => amount(m.contextWindow) },
  "max-output": { title: "Max output", align: "right", cell: (m, _g, s) => number(m.maxTokens, s), value: (m) => amount(m.maxTokens) },
  "input-price": { title: "Input per 1M", align: "right", cell: (m, _g, s) => price(m.cost.input, m.cost.currency, s), value: (m) => cost(m.cost.input, m) },
  "output-price": { title: "Output per 1M", align: "right", cell: (m, _g, s) => price(m.cost.output, m.cost.currency, s), value: (m) => cost(m.cost.output, m) },
  "cache-read-price": {
    title: "Cache read per 1M",
    align: "right",
    cell: (m, _g, s) => price(m.cost.cacheRead, m.cost.currency, s),
    value: (m) => cost(m.cost.cacheRead, m),
  },
  "cache-write-price": {
    title: "Cache write (5 min) per 1M",
    align: "right",
    cell: (m, _g, s) => price(cacheWritePrice(m.cost, "5m"), m.cost.currency, s),
    value: (m) => cost(cacheWritePrice(m.cost, "5m"), m),
  },
  "cache-write-1h-price": {
    title: "Cache write (1 h) per 1M",
    align: "right",
    cell: (m, _g, s) => price(cacheWritePrice(m.cost, "1h"), m.cost.currency, s),
    value: (m) => cost(cacheWritePrice(m.cost, "1h"), m),
  },
  "default-max-output": {
    title: "Default max output",
    align: "right",
    cell: (m, _g, s) => (m.defaultMaxTokens === undefined ? none(s) : number(m.defaultMaxTokens, s)),
    value: (m) => amount(m.defaultMaxTokens),
  },
  status: { title: "Status", align: "left", cell: (m, _g, s) => status(m, s) },
  released: {
    title: "Released",
    align: "left",
    cell: (m, _g, s) => m.releaseDate ?? none(s),
    value: (m) => (m.releaseDate === undefined ? undefined : { date: m.releaseDate }),
  },
};

export const DEFAULT_COLUMNS = ["ref", "name", "reasoning", "input", "context", "max-output"] as const;

const ALIGN = { left: "---", center: ":---:", right: "---:" } as const;
const KNOWN = Object.keys(COLUMNS);
const DECLARE_HINT =
  `declare the columns with \`columns=…\` on the start marker or the region's \`columns\` in the project configuration's \`regions\` ` +
  `(ids: ${KNOWN.join(", ")}; \`${HAND}\` for a column written by hand)`;

// ---- identifying columns -------------------------------------------------------

/** Header text as compared: no Markdown emphasis or code, one space, lower case. */
function normalizeHeader(text: string): string {
  return text
    .replace(/\\(.)/g, "$1")
    .replace(/[`*_]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

const headerIndexes = new WeakMap<WordBook, Map<string, string | null>>();

/** Every known header spelling -> its column id (null where two columns share a spelling). */
function headerIndex(book: WordBook): Map<string, string | null> {
  let index = headerIndexes.get(book);
  if (index) return index;
  index = new Map();
  const add = (spelling: string, id: string) => {
    const key = normalizeHeader(spelling);
    if (key === "") return;
    const known = index!.get(key);
    index!.set(key, known === undefined || known === id ? id : null);
  };
  for (const [id, column] of Object.entries(COLUMNS)) add(column.title, id);
  for (const words of [book.base, ...book.locales.values()]) {
    for (const id of KNOWN) {
      const title = words[`column.${id}`];
      if (title !== undefined) add(title, id);
      for (const other of words[`column.${id}.also`]?.split("|") ?? []) add(other, id);
    }
  }
  headerIndexes.set(book, index);
  return index;
}

function declaredColumns(list: string): { ids: string[] } | { error: string } {
  const ids = list.split(",").map((n) => n.trim());
  const problem = columnListProblem(ids);
  return problem === undefined ? { ids } : { error: problem };
}

/** What is wrong with a list of column ids (from `columns=` or the project configuration), if anything. */
export function columnListProblem(ids: readonly string[]): string | undefined {
  if (ids.every((n) => n === "")) return "no columns are named; list them, e.g. columns=ref,name";
  if (ids.includes("")) return "a column name is empty (two commas in a row, or one at either end); name every column";
  const unknown = ids.find((n) => n !== HAND && !KNOWN.includes(n));
  if (unknown !== undefined) {
    return `unknown table column "${unknown}"${didYouMeanSuffix(unknown, KNOWN)}; columns are ${KNOWN.join(", ")}, and \`${HAND}\` for a column written by hand`;
  }
  const twice = ids.find((n, i) => n !== HAND && ids.indexOf(n) !== i);
  return twice === undefined ? undefined : `column "${twice}" is named twice; name each column once`;
}

/**
 * The column ids the header's words name; for the columns they do not, the key columns (ref, id, name,
 * alias) their cells show, which a catalog change leaves as they were; then the source page's, column by
 * column; last, for a column still unnamed, the value column its cells show in at least two rows. (Values go
 * stale when the catalog changes, and a stale value may equal another column's: the source page comes first.)
 * `why` tells what the source page could not give.
 */
function columnsOfTable(header: string, rows: () => readonly ReadRow[], style: CellStyle, context: RenderContext): { ids: Array<string | undefined>; why?: string } {
  const index = headerIndex(context.catalog.words);
  const byHeader = splitRow(header).map((title) => index.get(normalizeHeader(title)) ?? undefined);
  if (!byHeader.includes(undefined)) return { ids: byHeader };
  const byCells = columnsOfCells(byHeader.length, rows(), context.group, style.words.with(quietly(context.words, context.catalog.words)));
  /** The columns `ids` leaves unnamed, named by their cells: key columns only, or value columns seen in two rows at least. */
  const fromCells = (ids: ReadonlyArray<string | undefined>, keysOnly: boolean) =>
    ids.map((id, i) => {
      const seen = byCells[i];
      if (id !== undefined || seen === undefined || ids.includes(seen.id)) return id;
      return (keysOnly ? KEY_COLUMNS.has(seen.id) : seen.rows >= 2) ? seen.id : undefined;
    });
  const ids = fromCells(byHeader, true);
  if (!ids.includes(undefined)) return { ids };
  const source = context.source ? sourceColumns(context) : { why: undefined };
  if (!("ids" in source) || source.ids.length !== ids.length) {
    const why = "ids" in source ? `the same region in the source-language page has ${source.ids.length} columns, this one ${ids.length}` : source.why;
    const last = fromCells(ids, false);
    return { ids: last, ...(last.includes(undefined) && why ? { why } : {}) };
  }
  // Where a column the source names at this place is already another column here, the translation's order is
  // not the source's: its place tells nothing, and the cells are all there is.
  const moved = ids.some((id, i) => id === undefined && source.ids[i] !== undefined && ids.includes(source.ids[i]));
  const merged = fromCells(moved ? ids : ids.map((id, i) => id ?? source.ids[i]), false);
  const why = moved ? "its columns are in another order than on the source-language page" : "the source-language page does not name it either";
  return { ids: merged, ...(merged.includes(undefined) ? { why } : {}) };
}

/** Columns whose cells name the model itself: a change of the catalog's values leaves them as they are. */
const KEY_COLUMNS = new Set(["ref", "id", "name", "alias"]);

function columnsOfCells(count: number, rows: readonly ReadRow[], group: ResolvedGroup, words: TableWords): Array<{ id: string; rows: number } | undefined> {
  const style: CellStyle = { words, groupSeparator: "," };
  // A few rows that name a model tell enough; each column kind's cell is rendered once per row.
  const named = rows.filter((row): row is Required<ReadRow> => row.model !== undefined).slice(0, CELL_EVIDENCE_ROWS);
  const rendered = named.map((row) => KNOWN.map((id) => comparableCell(COLUMNS[id]!.cell(row.model, group, style))));
  const written = named.map((row) => row.cells.map(comparableCell));
  return Array.from({ length: count }, (_, i) => {
    // The rows with something in this column; every one of them must agree with the kind.
    const telling = [...written.keys()].filter((r) => written[r]![i] !== undefined && written[r]![i] !== "");
    const agreeing = telling.length;
    const kinds = agreeing === 0 ? [] : KNOWN.filter((_id, k) => telling.every((r) => written[r]![i] === rendered[r]![k]));
    // A model's alias is often its name: a column of names reads as names.
    if (kinds.length === 2 && kinds.includes("name") && kinds.includes("alias")) return { id: "name", rows: agreeing };
    return kinds.length === 1 ? { id: kinds[0]!, rows: agreeing } : undefined;
  });
}

/** How many rows naming a model the cells of a column are judged by. */
const CELL_EVIDENCE_ROWS = 8;

function sourceColumns(context: RenderContext): { ids: Array<string | undefined> } | { why: string } {
  const found = context.source!();
  if (!("region" in found)) return { why: noSourcePage(found.tried, context.region) };
  const source = found.region;
  if (!isTableBody(source.body)) return { why: "the same region in the source-language page is not a table" };
  if (source.columns !== undefined) {
    const declared = declaredColumns(source.columns);
    return "ids" in declared ? declared : { why: "the source-language page's `columns=` cannot be read" };
  }
  const header = source.body.find((line) => line.trim() !== "")!;
  const index = headerIndex(context.catalog.words);
  return { ids: splitRow(header).map((title) => index.get(normalizeHeader(title)) ?? undefined) };
}

/** Why no page gave the region: each page tried, and what it lacked. */
function noSourcePage(tried: readonly PassedOver[], region: string): string {
  const each = tried.map(({ path, why }) =>
    why === "missing"
      ? `${path} does not exist`
      : why === "outside"
        ? `${path} is left out of the run (by an exclude pattern, or outside the docs folders), so its regions are not read`
        : why === "no-region"
          ? `${path} has no region ${region}`
          : `${path} is in ${why.language}, not in the default language`);
  return `no page this one translates has region ${region} to take the columns from: ${each.join("; ")}`;
}

/** Column of each cell of a row, 0-based, in the line as written. */
function cellColumns(row: string): number[] {
  const columns: number[] = [];
  const lead = row.length - row.trimStart().length;
  let at = row.trimStart().startsWith("|") ? lead + 1 : lead;
  for (const text of row.slice(at).split(/(?<!\\)\|/)) {
    columns.push(at + (text.length - text.trimStart().length));
    at += text.length + 1;
  }
  return columns;
}

// ---- rendering -------------------------------------------------------------------

const GROUPED = /^\d{1,3}([,. \u00a0\u202f'])\d{3}(?:\1\d{3})*$/;
/** Five digits or more: a token count written without separators (four could be a year). */
const PLAIN = /^\d{5,}$/;
const NUMBER_COLUMNS = new Set(["context", "max-output"]);

/** `1,048,576` or `1048576`: how the written rows write token counts. Default: `,`. */
function groupSeparator(columns: readonly string[], rows: readonly string[]): string {
  for (const row of rows) {
    const cells = splitRow(row);
    for (const [i, id] of columns.entries()) {
      if (!NUMBER_COLUMNS.has(id)) continue;
      const text = cells[i] ?? "";
      const grouped = GROUPED.exec(text);
      if (grouped) return grouped[1]!;
      if (PLAIN.test(text)) return "";
    }
  }
  return ",";
}

/**
 * The written row about each model (the first row whose ref, id, name or alias cell names it, see
 * table-rows.ts): where hand-written cells come from, and cells written in the page's own way.
 */
function writtenRows(rows: readonly ReadRow[]): Map<ModelData, ReadRow> {
  const byModel = new Map<ModelData, ReadRow>();
  // A row that names no model is dropped whole, and named in a warning (dropped-text.ts).
  for (const row of rows) if (row.model && !byModel.has(row.model)) byModel.set(row.model, row);
  return byModel;
}

/** The body line of each table row below the header and alignment rows (the first two lines written), in order. */
function tableRowLines(body: readonly string[]): number[] {
  const lines: number[] = [];
  let written = 0;
  body.forEach((line, i) => {
    if (line.trim() === "") return;
    if (++written > 2 && line.includes("|")) lines.push(i);
  });
  return lines;
}

/** A new table: a header in the page's language, then one row per model. */
function newTable(ids: readonly string[], group: ResolvedGroup, style: CellStyle): RegionOutput {
  const titles = ids.map((id) => (id === HAND ? "" : escapeText(style.words.say(`column.${id}`, COLUMNS[id]!.title))));
  const rows = group.models.map((m) => ids.map((id) => (id === HAND ? "" : cell(COLUMNS[id]!.cell(m, group, style)))));
  const alignments = ids.map((id) => ALIGN[id === HAND ? "left" : COLUMNS[id]!.align]);
  return { lines: [tableRow(titles), tableRow(alignments), ...rows.map(tableRow)] };
}

/** The id of every column of a written table, or why they cannot all be known. */
function identifyColumns(
  header: string,
  alignment: string,
  rows: () => readonly ReadRow[],
  style: CellStyle,
  declared: readonly string[] | undefined,
  context: RenderContext,
  headerLine: number,
): { ids: string[] } | { error: string; at?: BodyPosition } {
  const count = splitRow(header).length;
  if (declared) {
    if (declared.length !== count || splitRow(alignment).length !== count) {
      const where = context.options.columns !== undefined ? "`columns=` on the start marker" : "the region's `columns` in the project configuration";
      return {
        error: `the table header has ${count} columns but the region renders ${declared.length} (${declared.join(", ")}): ` +
          `make ${where} name ${count} (\`${HAND}\` for a column written by hand), or fix the header`,
        at: { line: headerLine, column: 0 },
      };
    }
    return { ids: [...declared] };
  }
  const { ids, why } = columnsOfTable(header, rows, style, context);
  const titles = splitRow(header);
  const unknown = ids.indexOf(undefined);
  if (unknown !== -1) {
    return {
      error:
        `column ${unknown + 1} ("${titles[unknown]}") of the table in region ${context.region} is not a column the engine knows` +
        `${why ? ` (${why})` : ""}; ` +
        `${DECLARE_HINT}; or, to name the column by its header, ` +
        addWordAdvice(context.catalog.file, context.words.locale, "its header as `column.<id>` (or `column.<id>.also`)"),
      at: { line: headerLine, column: cellColumns(header)[unknown]! },
    };
  }
  // Two columns read as one: the source page's order, taken column by column, is not this table's.
  const twice = ids.findIndex((id, i) => ids.indexOf(id) !== i);
  if (twice !== -1) {
    const first = ids.indexOf(ids[twice]);
    return {
      error:
        `columns ${first + 1} ("${titles[first]}") and ${twice + 1} ("${titles[twice]}") of the table in region ${context.region} both read as ` +
        `\`${ids[twice]}\`: the columns are in another order than on the source-language page, so they cannot be taken from it; ${DECLARE_HINT}`,
      at: { line: headerLine, column: cellColumns(header)[twice]! },
    };
  }
  return { ids: ids as string[] };
}

export function modelTable(context: RenderContext): RegionOutput {
  const { body, group } = context;
  const style: CellStyle = { words: new TableWords(context.words, context.catalog.words), groupSeparator: "," };
  const declaredList = context.options.columns ?? context.settings.columns?.join(",");
  const declared = declaredList !== undefined ? declaredColumns(declaredList) : undefined;
  if (declared && "error" in declared) return declared;

  const written = body.filter((line) => line.trim() !== "");
  if (written.length === 0) return newTable(declared?.ids ?? DEFAULT_COLUMNS, group, style);
  const [header, alignment] = written as [string, string | undefined];
  if (!header.includes("|") || alignment === undefined || !isAlignmentRow(alignment)) {
    return { error: "a table region must begin with the table's header row and alignment row (or be empty, to get default ones)" };
  }
  const headerLine = body.indexOf(header);
  // The rows below the header and alignment rows, and where each stands in the body (for notes at a row: a row's
  // text may repeat, so its line is kept rather than searched for).
  const rowLines = tableRowLines(body);
  const rows = rowLines.map((i) => body[i]!);
  const lineOf = (row: ReadRow) => rowLines[row.index]!;
  // Which model each row names is worked out only where something needs it (it costs a pass over every cell).
  let readOnce: ReadRow[] | undefined;
  const read = () => (readOnce ??= readRows(rows, group));
  const identified = identifyColumns(header, alignment, read, style, declared?.ids, context, headerLine);
  if ("error" in identified) return identified;
  const columns = identified.ids;

  style.groupSeparator = groupSeparator(columns, rows);
  const byModel = rows.length > 0 ? writtenRows(read()) : undefined;
  // A translation learns its own words from rows about any of the provider's models, also those that have left the group.
  let readEveryOnce: ReadRow[] | undefined;
  const own = translatorsCells(context, columns, () => (readEveryOnce ??= readRows(rows, group, group.provider.models)), style);
  const notes: RenderNote[] = columns.flatMap((id, i) =>
    id !== HAND
      ? []
      : [{
          message:
            `column ${i + 1} ("${splitRow(header)[i]}") of region ${context.region} is written by hand: no catalog field fills it. ` +
            "Its cells are kept for the models still listed (a row is matched by the ref, id, name or alias it names) " +
            "and left empty for new ones; record the fact in the catalog and give the table a column for it to have it generated",
          at: { line: headerLine, column: cellColumns(header)[i]! },
        }],
  );

  // Rows gen cannot write again as they are, which nothing else names: what a person wrote in them would go without a word.
  for (const row of byModel === undefined ? [] : read()) {
    const at = () => ({ line: lineOf(row), column: row.line.length - row.line.trimStart().length });
    const refs = (models: readonly ModelData[]) => models.map((m) => inlineCode(modelRef(group.provider, m))).join(", ");
    const first = row.model && byModel!.get(row.model);
    if (row.model && first !== row && first!.line.trim() !== row.line.trim()) {
      notes.push({
        message: `this row of region ${context.region} is about ${refs([row.model])}, as a row above it is: gen writes one row per model, from the first, and drops this one; ` +
          "move what it says into the first row, or out of the region",
        at: at(),
      });
    } else if (row.models) {
      notes.push({
        message: `this row of region ${context.region} names more than one model (${refs(row.models)}): gen drops it; ` +
          "write the cells of one model in it, or move it out of the region",
        at: at(),
      });
    }
  }

  /** The words a column writes for any of the provider's models, in the page's language and in English: what earlier renderings wrote. */
  const vocabulary = new Map<string, Set<string>>();
  const quiet: CellStyle[] = [
    { ...style, words: style.words.with(quietly(context.words, context.catalog.words)) },
    { ...style, words: style.words.with(wordsFor(context.catalog.words, BASE_LOCALE)) },
  ];
  const wordsOf = (id: string): Set<string> => {
    let words = vocabulary.get(id);
    if (words === undefined) {
      const cells = group.provider.models.flatMap((model) => quiet.map((s) => COLUMNS[id]!.cell(model, group, s)));
      vocabulary.set(id, (words = new Set(cells.flatMap((text) => cellWords(cellText(text))))));
    }
    return words;
  };

  const pipes = outerPipes(header);
  const generated = group.models.map((model) => {
    const row = byModel?.get(model);
    const cells = columns.map((id, i) => {
      if (id === HAND) return row?.cells[i] ?? "";
      const note = (message: string) =>
        notes.push({
          message: `column ${i + 1} ("${splitRow(header)[i]}") of region ${context.region}: ${message}`,
          at: { line: body.indexOf(row!.line), column: cellColumns(row!.line)[i]! },
        });
      return keptCell(cell(own(model, id)), row?.cells[i], { value: COLUMNS[id]!.value?.(model), note, locale: context.words.locale, writes: (word) => wordsOf(id).has(word) });
    });
    // Markdown shows no cell beyond the header's columns, and the new row has none: what a person wrote there is named.
    row?.cells.slice(columns.length).forEach((text, extra) => {
      if (text === "") return;
      const i = columns.length + extra;
      notes.push({
        message:
          `column ${i + 1} of region ${context.region}: cell "${text}" stands beyond the header's ${columns.length} columns, where Markdown shows nothing, ` +
          "and gen drops it: give the table a column for it (a header cell and a delimiter cell), or move it out of the region",
        at: { line: lineOf(row), column: cellColumns(row.line)[i]! },
      });
    });
    return cells;
  });
  // A table whose pipes line up is laid out again the same way (table-layout.ts); any other keeps single spaces.
  const layout = tableLayout(header, alignment, rows, pipes);
  const lines = layout ? laidOut(layout, header, alignment, generated, pipes) : [header, alignment, ...generated.map((cells) => styledRow(cells, pipes))];
  return { lines, ...(notes.length > 0 ? { notes } : {}) };
}

/**
 * Cells a translation wrote in its own words where the page's language has no words of the
 * catalog's (the locale files lack them): the same model's cell in the same column on the
 * source-language page, in English, tells which English cell each stands for. A cell whose
 * English text the translation writes in one way only is written that way again; the others
 * are written in English, with the missing word's warning.
 */
function translatorsCells(context: RenderContext, columns: readonly string[], rows: () => readonly ReadRow[], style: CellStyle) {
  const { group, catalog } = context;
  if (context.words.locale === BASE_LOCALE) return (model: ModelData, id: string) => COLUMNS[id]!.cell(model, group, style);
  // A first look at the cell in the page's words, which says whether any of them is missing, records nothing.
  let lacking = false;
  const looking: CellStyle = {
    ...style,
    words: style.words.with({
      word(key) {
        const text = context.words.peek(key);
        if (text !== undefined) return text;
        lacking = true;
        return catalog.words.base[key]!;
      },
    }),
  };
  const english: CellStyle = { ...style, words: style.words.with(wordsFor(catalog.words, BASE_LOCALE)) };
  /** Whether the translation writes, for some model, a cell in other words than English where its language has none. */
  const inOwnWords = (): boolean =>
    rows().some((row) => row.model && columns.some((id, i) => {
      if (id === HAND) return false;
      lacking = false;
      COLUMNS[id]!.cell(row.model!, group, looking);
      return lacking && row.cells[i] !== undefined && row.cells[i] !== COLUMNS[id]!.cell(row.model!, group, english);
    }));
  let learned: Map<string, string | null> | undefined;
  return (model: ModelData, id: string): string => {
    lacking = false;
    const seen = COLUMNS[id]!.cell(model, group, looking);
    if (!lacking) return seen;
    // Only a translation that writes its own words asks the source page what they stand for.
    learned ??= inOwnWords() ? sourceCellWords(context, columns, rows()) : new Map();
    const own = learned.get(COLUMNS[id]!.cell(model, group, english));
    // Written in English after all: through the page's words, so the missing word is recorded and warned about.
    return own ?? COLUMNS[id]!.cell(model, group, style);
  };
}

/** English cell on the source page → this page's cell, for each model and column both tables have; null where it varies. */
function sourceCellWords(context: RenderContext, columns: readonly string[], rows: readonly ReadRow[]): Map<string, string | null> {
  const words = new Map<string, string | null>();
  const found = context.source?.();
  const source = found && "region" in found ? found.region : undefined;
  if (!source || !isTableBody(source.body)) return words;
  const ids = sourceColumns(context);
  if ("why" in ids) return words;
  const sourceRows = readRows(source.body.filter((line) => line.trim() !== "").slice(2), context.group, context.group.provider.models);
  const here = new Map(rows.flatMap((row) => (row.model ? [[row.model, row.cells] as const] : [])));
  for (const row of sourceRows) {
    const cells = row.model && here.get(row.model);
    if (!cells) continue;
    for (const [i, id] of ids.ids.entries()) {
      const j = id === undefined || id === HAND ? -1 : columns.indexOf(id);
      const from = row.cells[i];
      const to = cells[j];
      if (j === -1 || !from || !to || from === to) continue;
      const known = words.get(from);
      words.set(from, known === undefined || known === to ? to : null);
    }
  }
  return words;
}

export const table: RegionKind = {
  suffix: "table",
  listsModels: true,
  contexts: ["markdown"],
  options: ["columns"],
  render: modelTable,
};
