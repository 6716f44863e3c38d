// What a generated document must contain, worked out from the catalog input and
// read back with real parsers (remark with GFM and MDX, json5) rather than with
// the engine's own code, so that a rendering mistake cannot hide behind itself.
import JSON5 from "json5";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import { unified } from "unified";
import type { CatalogInput } from "../../schema/catalog.ts";
import { DEFAULT_TABLE_COLUMNS, type Piece, type RegionPlan } from "./document-arbitraries.ts";

export interface MdNode {
  type: string;
  value?: string;
  position?: { start: { line: number; offset?: number }; end: { line: number; offset?: number } };
  children?: MdNode[];
}

const markdown = unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm);
const mdx = unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm).use(remarkMdx);

/** The mdast of a document; an .mdx document must be valid MDX. */
export function parseDocument(text: string, ext: "md" | "mdx"): MdNode {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return (ext === "mdx" ? mdx : markdown).parse(body) as unknown as MdNode;
}

export function nodesOfType(tree: MdNode, type: string): MdNode[] {
  const found: MdNode[] = [];
  const visit = (node: MdNode) => {
    if (node.type === type) found.push(node);
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  return found;
}

/** The text a reader sees: text and code values, without the syntax around them. */
export function plainText(node: MdNode): string {
  if (node.type === "text" || node.type === "inlineCode") return node.value ?? "";
  return (node.children ?? []).map(plainText).join("");
}

/**
 * Splits `after` along the kept pieces of the original document: each kept
 * piece must appear unchanged, in order, and the text between them is the new
 * body of a region. Returns the new bodies with their offsets in `after`.
 */
export function newBodies(after: string, pieces: readonly Piece[]): Array<{ region: RegionPlan; text: string; from: number }> {
  const bodies: Array<{ region: RegionPlan; text: string; from: number }> = [];
  let at = 0;
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    if (piece.region) {
      const next = pieces[i + 1];
      if (!next || next.region) throw new Error("a region body must be followed by kept text");
      const end = after.indexOf(next.text, at);
      if (end < 0) throw new Error(`kept text after region ${piece.region.name} is missing or changed: ${JSON.stringify(next.text.slice(0, 80))}`);
      bodies.push({ region: piece.region, text: after.slice(at, end), from: at });
      at = end;
      continue;
    }
    if (!after.startsWith(piece.text, at)) {
      throw new Error(`kept text changed at offset ${at}: expected ${JSON.stringify(piece.text.slice(0, 80))}, found ${JSON.stringify(after.slice(at, at + 80))}`);
    }
    at += piece.text.length;
  }
  if (at !== after.length) throw new Error(`text added at the end: ${JSON.stringify(after.slice(at, at + 80))}`);
  return bodies;
}

// ---------------------------------------------------------------------------
// Expected region content, from the catalog input

type ProviderInput = CatalogInput["providers"][number];
type ModelInput = ProviderInput["models"][number];

export function groupModels(catalog: CatalogInput, groupId: string): { provider: ProviderInput; models: ModelInput[] } {
  const group = catalog.docGroups.find((g) => g.id === groupId)!;
  const provider = catalog.providers.find((p) => p.id === group.provider)!;
  return { provider, models: group.models.map((id) => provider.models.find((m) => m.id === id)!) };
}

function merged<T extends object>(a: T | undefined, b: T | undefined): T | undefined {
  const all = { ...a, ...b } as T;
  return Object.keys(all).length > 0 ? all : undefined;
}

/** The data a code region must parse back to (hand-written entries around it included). */
export function expectedCodeData(catalog: CatalogInput, region: RegionPlan): unknown {
  const { provider, models } = groupModels(catalog, region.group);
  const ref = (m: ModelInput) => `${provider.id}/${m.id}`;
  const generated: unknown[] = models.map((m) => {
    switch (region.kind) {
      case "ids":
        return m.id;
      case "model-refs":
        return ref(m);
      case "aliases":
        return { [ref(m)]: { alias: m.alias } };
      default: {
        const headers = merged(provider.headers, m.headers);
        const compat = merged(provider.compat, m.compat);
        return {
          id: m.id,
          name: m.name,
          reasoning: m.reasoning,
          input: m.input,
          cost: { input: m.cost.input, output: m.cost.output, cacheRead: m.cost.cacheRead, cacheWrite: m.cost.cacheWrite },
          contextWindow: m.contextWindow,
          maxTokens: m.maxTokens,
          ...(headers ? { headers } : {}),
          ...(compat ? { compat } : {}),
        };
      }
    }
  });
  const all = [...(region.before ?? []), ...generated, ...(region.after ?? [])];
  return region.kind === "aliases" ? Object.entries(Object.assign({}, ...all)) : all;
}

/** The list items a Markdown list region must show. */
export function expectedListItems(catalog: CatalogInput, region: RegionPlan): string[] {
  const { provider, models } = groupModels(catalog, region.group);
  return models.map((m) => (region.kind === "ids" ? m.id : `${provider.id}/${m.id}`));
}

/** Checks one table row's cells against a model, column by column; returns what disagrees. */
export function tableRowProblems(catalog: CatalogInput, region: RegionPlan, index: number, cells: readonly string[]): string[] {
  const { provider, models } = groupModels(catalog, region.group);
  const m = models[index]!;
  const columns = region.columns ?? DEFAULT_TABLE_COLUMNS;
  const number = (cell: string) => Number(cell.replace(/,/g, ""));
  const problems: string[] = [];
  if (cells.length !== columns.length) return [`row ${index} has ${cells.length} cells for ${columns.length} columns`];
  columns.forEach((column, i) => {
    const cell = cells[i]!;
    const ok = (() => {
      switch (column) {
        case "ref":
          return cell === `${provider.id}/${m.id}`;
        case "id":
          return cell === m.id;
        case "name":
          return cell === m.name;
        case "alias":
          return cell === m.alias;
        case "reasoning":
          return cell === (m.reasoning ? "Yes" : "No");
        case "input":
          return cell.split(", ").join("|") === m.input.join("|");
        case "context":
          return number(cell) === m.contextWindow;
        case "max-output":
          return number(cell) === m.maxTokens;
        case "input-price":
          return cell.endsWith(` ${m.cost.currency}`) && Number(cell.slice(0, -4)) === m.cost.input;
        case "status":
          return cell.startsWith(m.lifecycle.status);
        default:
          return false;
      }
    })();
    if (!ok) problems.push(`row ${index}, column ${column}: ${JSON.stringify(cell)} does not show the catalog's value`);
  });
  return problems;
}

/** JSON5 text of a code block, parsed; its regions sit in `doc.list`. */
export function codeBlockList(code: string): unknown {
  const parsed = JSON5.parse(code) as { doc: { list: unknown } };
  const list = parsed.doc.list;
  return Array.isArray(list) ? list : Object.entries(list as object);
}
