// Every generated table cell of the Simplified Chinese pages is in Chinese: once
// ids, URLs, numbers, currency codes and product names are set aside, no English
// word is left, and Chinese text uses Chinese punctuation. Each Markdown region
// of every zh-CN page is rendered by its real kind with the zh-CN words, as it
// stands on the page (header, options), and the rows it generates are checked.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCatalog } from "../scripts/catalog/load.ts";
import { wordsFor } from "../scripts/catalog/words.ts";
import { DEFAULT_JSON5_STYLE } from "../scripts/docs/json5.ts";
import { REGION_KINDS } from "../scripts/docs/kinds/index.ts";
import { isAlignmentRow, splitRow } from "../scripts/docs/kinds/markdown.ts";
import { RegionNames } from "../scripts/docs/names.ts";
import { repoRoot } from "./support/run-cli.ts";

const ZH = join(repoRoot, "docs", "zh-CN");
const catalog = loadCatalog(join(repoRoot, "schema", "catalog.jsonc"));

/** Names that stay as they are in every language: the catalog's model and provider names, and the products pages name. */
const PRODUCT_NAMES = [
  ...catalog.providers.flatMap((p) => [p.name, ...p.models.flatMap((m) => [m.name, m.alias])]),
  "Claude Code", "Anthropic", "OpenAI", "Cursor", "Continue", "Kimi", "Moonshot AI",
].sort((a, b) => b.length - a.length);

const names = new RegionNames(catalog, REGION_KINDS);
const START = /^\{\/\*\s*([\w.-]+):start((?:\s+[\w-]+=\S+)*)\s*\*\/\}$/;
const END = /^\{\/\*\s*([\w.-]+):end\s*\*\/\}$/;

/** The table rows (below header and alignment row) that every Markdown region of a page renders in `locale`. */
function generatedCells(text: string, locale = "zh-CN"): Array<{ line: number; cell: string }> {
  const lines = text.split("\n");
  const cells: Array<{ line: number; cell: string }> = [];
  for (let i = 0; i < lines.length; i++) {
    const start = START.exec(lines[i]!.trim());
    if (!start) continue;
    const end = lines.findIndex((line, j) => j > i && END.exec(line.trim())?.[1] === start[1]);
    const target = names.resolve(start[1]!)!;
    expect(target, `region ${start[1]} at line ${i + 1}`).toBeDefined();
    const options = Object.fromEntries(start[2]!.trim().split(/\s+/).filter(Boolean).map((o) => o.split("=") as [string, string]));
    const body = lines.slice(i + 1, end).filter((line) => line.trim() !== "");
    const output = target.kind.render({
      catalog, group: target.group, region: start[1]!, settings: {}, context: "markdown", lang: "", options, body, bullet: "-",
      json5: DEFAULT_JSON5_STYLE, words: wordsFor(catalog.words, locale),
    });
    expect(output, `region ${start[1]} at line ${i + 1}`).not.toHaveProperty("error");
    // In the page's own language, the committed table holds exactly these cells: what is checked below is what readers see.
    const tableCells = (rows: readonly string[]) => rows.filter((row) => row.trim().startsWith("|")).map(splitRow);
    if (locale === "zh-CN") expect(tableCells(body), `region ${start[1]} at line ${i + 1}`).toEqual(tableCells("lines" in output ? output.lines : []));
    let pastAlignment = false;
    for (const row of "lines" in output ? output.lines : []) {
      if (!row.trim().startsWith("|")) continue;
      if (isAlignmentRow(row)) pastAlignment = true;
      else if (pastAlignment) for (const cell of splitRow(row)) cells.push({ line: i + 1, cell });
    }
    i = end;
  }
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
  it("finds the English cells of the same regions rendered for an English page", () => {
    const english = pages.flatMap((page) => generatedCells(readFileSync(join(ZH, page), "utf8"), "en"))
      .filter(({ cell }) => /[A-Za-z]{2,}/.test(wordsOf(cell)));
    expect(english.map((c) => c.cell)).toContain("Global, Anthropic-compatible");
  });

  it("finds English left in a cell, and passes a Chinese one", () => {
    expect(/[A-Za-z]{2,}/.test(wordsOf("Global, Anthropic-compatible"))).toBe(true);
    expect(/[A-Za-z]{2,}/.test(wordsOf("`retired` 2026-08-31 → `kimi-k2.6`"))).toBe(false);
    expect(/[A-Za-z]{2,}/.test(wordsOf("retired 2026-08-31 → `kimi-k2.6`"))).toBe(true);
    expect(/[A-Za-z]{2,}/.test(wordsOf("全球，兼容 Anthropic"))).toBe(false);
    expect(/[A-Za-z]{2,}/.test(wordsOf("[platform.kimi.com/console/api-keys](https://platform.kimi.com/console/api-keys)"))).toBe(false);
    expect(/[A-Za-z]{2,}/.test(wordsOf("2.00 USD"))).toBe(false);
  });
});
