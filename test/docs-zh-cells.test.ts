// Every generated table cell of the Simplified Chinese pages is in Chinese: once
// ids, URLs, numbers, currency codes and product names are set aside, no English
// word is left, and Chinese text uses Chinese punctuation.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCatalog } from "../scripts/catalog/load.ts";
import { isAlignmentRow, splitRow } from "../scripts/docs/kinds/markdown.ts";
import { repoRoot } from "./support/run-cli.ts";

const ZH = join(repoRoot, "docs", "zh-CN");
const catalog = loadCatalog(join(repoRoot, "schema", "catalog.jsonc"));

/** Names that stay as they are in every language: the catalog's model and provider names, and the products pages name. */
const PRODUCT_NAMES = [
  ...catalog.providers.flatMap((p) => [p.name, ...p.models.flatMap((m) => [m.name, m.alias])]),
  "Claude Code", "Anthropic", "OpenAI", "Cursor", "Continue", "Kimi", "Moonshot AI",
].sort((a, b) => b.length - a.length);

/** The generated table rows (below header and alignment row) of every Markdown region of a page. */
function generatedCells(text: string): Array<{ line: number; cell: string }> {
  const lines = text.split("\n");
  const cells: Array<{ line: number; cell: string }> = [];
  let inRegion = false;
  let pastAlignment = false;
  lines.forEach((line, i) => {
    if (/^\{\/\*\s*[\w.-]+:start\b.*\*\/\}$/.test(line.trim())) [inRegion, pastAlignment] = [true, false];
    else if (/^\{\/\*\s*[\w.-]+:end\s*\*\/\}$/.test(line.trim())) inRegion = false;
    else if (inRegion && line.trim().startsWith("|")) {
      if (isAlignmentRow(line)) pastAlignment = true;
      else if (pastAlignment) for (const cell of splitRow(line)) cells.push({ line: i + 1, cell });
    }
  });
  return cells;
}

/** What is left of a cell once the language-neutral parts are removed. */
function wordsOf(cell: string): string {
  let rest = cell
    .replace(/(`+)[\s\S]*?\1/g, " ") // ids, refs, variables, URLs in code spans
    .replace(/\[([^\]]*)\]\([^)]*\)/g, (_m, text: string) => (/^[\w.-]+\.[a-z]{2,}(\/\S*)?$/.test(text) ? " " : text)) // links to a host
    .replace(/\\(.)/g, "$1");
  for (const name of PRODUCT_NAMES) rest = rest.split(name).join(" ");
  return rest
    .replace(/\b(?:USD|CNY|HTTP)\b/g, " ")
    .replace(/\d[\d,.\-]*/g, " ");
}

const pages = readdirSync(ZH, { recursive: true, encoding: "utf8" }).filter((p) => p.endsWith(".md"));

describe("zh-CN pages", () => {
  it("have generated tables to check", () => {
    const total = pages.reduce((n, page) => n + generatedCells(readFileSync(join(ZH, page), "utf8")).length, 0);
    expect(total).toBeGreaterThan(100);
  });

  it.each(pages)("%s: no generated table cell is left in English", (page) => {
    const english = generatedCells(readFileSync(join(ZH, page), "utf8"))
      .filter(({ cell }) => /[A-Za-z]{2,}/.test(wordsOf(cell)))
      .map(({ line, cell }) => `${page}:${line}: ${cell}`);
    expect(english).toEqual([]);
  });

  it.each(pages)("%s: Chinese text in generated cells uses Chinese punctuation", (page) => {
    const ascii = generatedCells(readFileSync(join(ZH, page), "utf8"))
      .filter(({ cell }) => /[\u4e00-\u9fff]/.test(cell) && /[\u4e00-\u9fff][,:;()]|[,:;()][\u4e00-\u9fff]/.test(wordsOf(cell)))
      .map(({ line, cell }) => `${page}:${line}: ${cell}`);
    expect(ascii).toEqual([]);
  });
});

describe("the check itself", () => {
  it("finds English left in a cell, and passes a Chinese one", () => {
    expect(/[A-Za-z]{2,}/.test(wordsOf("Global, Anthropic-compatible"))).toBe(true);
    expect(/[A-Za-z]{2,}/.test(wordsOf("`retired` 2026-08-31 → `kimi-k2.6`"))).toBe(false);
    expect(/[A-Za-z]{2,}/.test(wordsOf("retired 2026-08-31 → `kimi-k2.6`"))).toBe(true);
    expect(/[A-Za-z]{2,}/.test(wordsOf("全球，兼容 Anthropic"))).toBe(false);
    expect(/[A-Za-z]{2,}/.test(wordsOf("[platform.kimi.com/console/api-keys](https://platform.kimi.com/console/api-keys)"))).toBe(false);
    expect(/[A-Za-z]{2,}/.test(wordsOf("2.00 USD"))).toBe(false);
  });
});
