// Compile a doc as MDX, the way docs sites such as Mintlify read `.md` files,
// and collect its fenced code blocks from the same parse for the JSON checks.
// The verdict depends on the text alone, so it is kept between runs
// (content-cache.ts); the compiler is loaded only when a text is not in the cache.
import { contentKey, openCache } from "../lib/content-cache.ts";
import { diagnostic, type Diagnostic } from "../lib/diagnostics.ts";
import type { Compiled } from "./mdx-compile.ts";

export interface CodeBlock {
  lang: string;
  value: string;
  /** 1-based line of the block's first content line in the doc (the line after the opening fence). */
  firstLine: number;
  /** Columns the block's content is shifted by in the doc (the fence's indentation). */
  indent: number;
}

export interface MdxResult {
  error?: Diagnostic;
  codeBlocks: CodeBlock[];
}

/** The languages of the code blocks the JSON checks read (json-blocks.ts); only these are kept. */
export const JSON_BLOCK_LANGS = ["json", "jsonc", "json5"] as const;

/**
 * A compile as kept between runs: each code block's text is kept once under its own
 * hash (the same generated block stands on every translation of a page), so the
 * verdicts read on each run stay small.
 */
interface StoredCompile {
  failure?: Compiled["failure"];
  blocks: Array<Omit<CodeBlock, "value"> & { key: string }>;
}

/**
 * The compile's result, from the cache when it holds this text; `notCompiled` may
 * say why a text must not be compiled (a warning), before it would be.
 */
export async function compileMdx(file: string, content: string, notCompiled?: () => Diagnostic | undefined): Promise<MdxResult | Diagnostic> {
  const cache = openCache<StoredCompile>("mdx");
  const values = openCache<string>("code-blocks");
  const key = contentKey(content);
  const stored = cache.get(key);
  let compiled: Compiled | undefined;
  if (stored) {
    const codeBlocks = stored.blocks.map(({ key: valueKey, ...block }) => ({ ...block, value: values.get(valueKey) }));
    // A block text dropped from its cache (unused for long) makes the whole entry a miss.
    if (codeBlocks.every((b): b is CodeBlock => b.value !== undefined)) compiled = { failure: stored.failure, codeBlocks };
  }
  if (!compiled) {
    const reason = notCompiled?.();
    if (reason) return reason;
    const { compile } = await import("./mdx-compile.ts");
    const all = compile(file, content);
    // Only the blocks the JSON checks read are kept.
    compiled = { ...all, codeBlocks: all.codeBlocks.filter((b) => (JSON_BLOCK_LANGS as readonly string[]).includes(b.lang)) };
    const blocks = compiled.codeBlocks.map(({ value, ...block }) => {
      const valueKey = contentKey(value);
      values.set(valueKey, value);
      return { ...block, key: valueKey };
    });
    cache.set(key, { ...(compiled.failure ? { failure: compiled.failure } : {}), blocks });
  }
  const { failure, codeBlocks } = compiled;
  if (!failure) return { codeBlocks };
  return { codeBlocks, error: diagnostic(file, { line: failure.line, column: failure.column }, "docs/mdx", failure.message) };
}
