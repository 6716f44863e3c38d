// The MDX compile itself, in a module of its own: loading the compiler costs tens of
// milliseconds, which a run whose verdicts all come from the cache never pays (mdx.ts).
import { compileSync } from "@mdx-js/mdx";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import type { CodeBlock } from "./mdx.ts";

/** What a compile of one text found, independent of the file's name (so it can be kept between runs). */
export interface Compiled {
  codeBlocks: CodeBlock[];
  failure?: { line: number; column: number; reason: string };
}

interface CodeNode {
  type: string;
  lang?: string | null;
  value?: string;
  position?: { start: { line: number; column: number } };
  children?: CodeNode[];
}

export function compile(file: string, content: string): Compiled {
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
