// Compile a doc as MDX, the way docs sites such as Mintlify read `.md` files,
// and collect its fenced code blocks from the same parse for the JSON checks.
import { compileSync } from "@mdx-js/mdx";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { contentKey, openCache } from "../docs/content-cache.ts";
import { diagnostic, type Diagnostic } from "../lib/diagnostics.ts";

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

interface CodeNode {
  type: string;
  lang?: string | null;
  value?: string;
  position?: { start: { line: number; column: number } };
  children?: CodeNode[];
}

/** What a compile of one text found, independent of the file's name (so it can be kept between runs). */
interface Compiled {
  codeBlocks: CodeBlock[];
  failure?: { line: number; column: number; reason: string };
}

/**
 * Compiles the text, or reuses the verdict on the very same text from an earlier run
 * (content-cache.ts): the result depends on the text alone.
 */
export function compileMdx(file: string, content: string): MdxResult {
  const cache = openCache<Compiled>("mdx");
  const key = contentKey(content);
  let compiled = cache.get(key);
  if (!compiled) {
    compiled = compile(file, content);
    cache.set(key, compiled);
  }
  const { failure, codeBlocks } = compiled;
  if (!failure) return { codeBlocks };
  return {
    codeBlocks,
    error: diagnostic(file, { line: failure.line, column: failure.column }, "docs/mdx",
      `does not compile as MDX: ${failure.reason}; docs sites read .md files as MDX (write \`{\` as \`\\{\`, \`<\` as \`&lt;\`, and use \`{/* */}\` instead of HTML comments)`),
  };
}

function compile(file: string, content: string): Compiled {
  const codeBlocks: CodeBlock[] = [];
  const collectCode = () => (tree: CodeNode) => collect(tree, codeBlocks);
  try {
    // `format: "mdx"`: left to detect, a `.md` path would be compiled as plain Markdown.
    compileSync({ path: file, value: content }, { format: "mdx", remarkPlugins: [remarkFrontmatter, remarkGfm, collectCode] });
  } catch (error) {
    // Syntax errors come as positioned messages (vfile-message); anything else is a bug to surface.
    const e = error as { line?: number; column?: number; reason?: unknown };
    if (typeof e.reason !== "string") throw error;
    // The JSON checks still run, on a plain Markdown parse, so one run shows every problem.
    return { codeBlocks: codeBlocksOfMarkdown(content), failure: { line: e.line ?? 1, column: e.column ?? 1, reason: e.reason } };
  }
  return { codeBlocks };
}

function codeBlocksOfMarkdown(content: string): CodeBlock[] {
  const codeBlocks: CodeBlock[] = [];
  const tree = unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm).parse(content);
  collect(tree as CodeNode, codeBlocks);
  return codeBlocks;
}

function collect(node: CodeNode, out: CodeBlock[]): void {
  if (node.type === "code" && node.position) {
    out.push({
      lang: (node.lang ?? "").toLowerCase(),
      value: node.value ?? "",
      firstLine: node.position.start.line + 1,
      indent: node.position.start.column - 1,
    });
  }
  for (const child of node.children ?? []) collect(child, out);
}
