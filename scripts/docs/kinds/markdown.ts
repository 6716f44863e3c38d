// Markdown text for generated lists and tables: escaped so that it reads back as
// the same text in Markdown and in MDX, and language-neutral so that one region
// serves every translation of a page.

/** Characters Markdown, GFM tables or MDX would read as syntax inside a line. */
const SIGNIFICANT = /[\\`*_{}[\]<>|~&]/g;

export function escapeText(text: string): string {
  return text.replace(SIGNIFICANT, (c) => `\\${c}`);
}

/** Text as a code span, with a fence longer than any backtick run inside. */
export function inlineCode(text: string): string {
  let longest = 0;
  for (const run of text.matchAll(/`+/g)) longest = Math.max(longest, run[0].length);
  const fence = "`".repeat(longest + 1);
  const pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** A table cell: `|` must be escaped even inside code spans. */
export function cell(markdown: string): string {
  return markdown.replace(/(?<!\\)\|/g, "\\|");
}

export { thousands } from "../../lib/thousands.ts";

export const YES = "✓";
export const NO = "—";

export function tableRow(cells: readonly string[]): string {
  return `| ${cells.join(" | ")} |`;
}

/** Whether the written table has pipes at the start and the end of its rows (`| a | b |`, or `a | b`). */
export interface OuterPipes {
  lead: boolean;
  trail: boolean;
}

export function outerPipes(header: string): OuterPipes {
  const text = header.trim();
  return { lead: text.startsWith("|"), trail: text.endsWith("|") && !text.endsWith("\\|") };
}

/** A row as the written table writes its rows: with or without outer pipes. */
export function styledRow(cells: readonly string[], pipes: OuterPipes): string {
  const row = tableRow(cells);
  return `${pipes.lead ? row.slice(0, -2) : row.slice(2, -2)}${pipes.trail ? " |" : ""}`;
}

/** Cells of a table row as written (`| a | b |`, outer pipes optional, `\|` not a separator). */
export function splitRow(row: string): string[] {
  let text = row.trim();
  if (text.startsWith("|")) text = text.slice(1);
  if (text.endsWith("|") && !text.endsWith("\\|")) text = text.slice(0, -1);
  return text.split(/(?<!\\)\|/).map((c) => c.trim());
}

/**
 * A Markdown list item that begins with a code span (`` - `kimi-k3`（推奨） ``): the span's text, and what
 * follows it on the line, which a person added (empty when nothing does).
 */
export function codeListItem(line: string): { value: string; note: string } | undefined {
  const item = /^\s*(?:[-*+]|\d{1,9}[.)])[ \t]+(`+)(.*?)\1(?!`)(.*)$/.exec(line);
  if (!item) return undefined;
  const padded = / .* /.test(item[2]!) && item[2]!.trim() !== "";
  return { value: padded ? item[2]!.slice(1, -1) : item[2]!, note: holdsWords(item[3]!) ? item[3]!.trimEnd() : "" };
}

/** Whether text a person put beside a value says something: a letter, a digit or a symbol (🚀, ⭐, ✓), not punctuation alone. */
function holdsWords(text: string): boolean {
  return /[\p{L}\p{N}\p{So}]/u.test(text);
}

/** The words of text, in lower case, and its symbols one by one (an emoji says something as a word does). */
export function cellWords(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+|\p{So}/gu) ?? [];
}

/**
 * A part in parentheses, ASCII or full-width, at the end of a cell (with the space before it) or at its start (with
 * the space after it). It may hold parentheses of its own, one level deep (`（旗舰（新））`, `(see (1) below)`): the
 * warning about added words advises putting them in parentheses, which must then keep them.
 */
const PARENTHESIZED = String.raw`[(（](?:[^()（）]|[(（][^()（）]*[)）])*[)）]`;
const NOTE_AFTER = new RegExp(String.raw`^(.*?\S)(\s*${PARENTHESIZED})$`, "su");
const NOTE_BEFORE = new RegExp(String.raw`^(${PARENTHESIZED}\s*)(\S.*)$`, "su");

/**
 * A table cell that a person gave a note in parentheses after its value, or before it (`Kimi K2.6（推荐）`,
 * `262,144 (beta)`): the value, and the note as written, with its space. The words a person put after a list
 * item's value are read as codeListItem reads them: they say something.
 */
export function cellNote(cell: string): { value: string; note: string; before: boolean } | undefined {
  const after = NOTE_AFTER.exec(cell);
  // `[text](target)` is a link, whose target is no note.
  const link = after !== null && after[1]!.endsWith("]") && after[2]!.startsWith("(");
  if (after && !link && holdsWords(after[2]!)) return { value: after[1]!, note: after[2]!, before: false };
  const before = NOTE_BEFORE.exec(cell);
  if (before && holdsWords(before[1]!)) return { value: before[2]!, note: before[1]!, before: true };
  return undefined;
}

/** The words `text` holds beyond `value`, where it holds all of `value`'s text and says more (`Kimi K2.6 推荐` beyond `Kimi K2.6`). */
export function wordsBeyond(text: string, value: string): string | undefined {
  const at = value === "" ? -1 : text.toLowerCase().indexOf(value.toLowerCase());
  if (at === -1) return undefined;
  const [before, after] = [text.slice(0, at), text.slice(at + value.length)];
  // Within a word the value is part of another one (`Kimi K2.7 Coder`, an earlier name), not a value with words beside it.
  if (sameWord(before.slice(-1), value[0]!) || sameWord(value.slice(-1), after[0] ?? "")) return undefined;
  const rest = `${before} ${after}`.trim();
  return holdsWords(rest) ? rest : undefined;
}

/** Whether two characters side by side are of one word: letters of a script that separates words with spaces, or digits. */
function sameWord(a: string, b: string): boolean {
  const spaced = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Arabic}\p{Script=Hangul}\p{N}]/u;
  return spaced.test(a) && spaced.test(b);
}

export function isAlignmentRow(row: string): boolean {
  const cells = splitRow(row);
  return cells.length > 0 && cells.every((c) => /^:?-+:?$/.test(c));
}
