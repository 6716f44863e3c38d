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

export async function compileMdx(file: string, content: string): Promise<MdxResult> {
  const cache = openCache<Compiled>("mdx");
  const key = contentKey(content);
  let compiled = cache.get(key);
  if (!compiled) {
    const { compile } = await import("./mdx-compile.ts");
    compiled = compile(file, content);
    cache.set(key, compiled);
  }
  const { failure, codeBlocks } = compiled;
  if (!failure) return { codeBlocks };
  return { codeBlocks, error: diagnostic(file, { line: failure.line, column: failure.column }, "docs/mdx", failure.message) };
}
