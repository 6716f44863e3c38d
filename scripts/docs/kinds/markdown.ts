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
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
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
  return { value: padded ? item[2]!.slice(1, -1) : item[2]!, note: /[\p{L}\p{N}]/u.test(item[3]!) ? item[3]!.trimEnd() : "" };
}

export function isAlignmentRow(row: string): boolean {
  const cells = splitRow(row);
  return cells.length > 0 && cells.every((c) => /^:?-+:?$/.test(c));
}
