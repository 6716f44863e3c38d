// Compile a doc as MDX, the way docs sites such as Mintlify read `.md` files,
// and collect its fenced code blocks from the same parse for the JSON checks.
import { compileSync } from "@mdx-js/mdx";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
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

export function compileMdx(file: string, content: string): MdxResult {
  const codeBlocks: CodeBlock[] = [];
  const collectCode = () => (tree: CodeNode) => collect(tree, codeBlocks);
  try {
    // `format: "mdx"`: left to detect, a `.md` path would be compiled as plain Markdown.
    compileSync({ path: file, value: content }, { format: "mdx", remarkPlugins: [remarkFrontmatter, remarkGfm, collectCode] });
  } catch (error) {
    if (error instanceof RangeError) return { codeBlocks: [], error: tooDeep(file) };
    // Syntax errors come as positioned messages (vfile-message); anything else is a bug to surface.
    const e = error as { line?: number; column?: number; reason?: unknown };
    if (typeof e.reason !== "string") throw error;
    // Positions inside the reason are of the compiled text, which may not be the file on disk:
    // the first is where the problem is when the error has none of its own; the caller maps lines.
    const quoted = /\s*\((\d+):(\d+)-\d+:\d+\)/.exec(e.reason);
    const reason = e.reason.replace(/\s*\(\d+:\d+-\d+:\d+\)/g, "");
    const at = e.line !== undefined ? { line: e.line, column: e.column ?? 1 }
      : quoted ? { line: Number(quoted[1]), column: Number(quoted[2]) } : { line: 1, column: 1 };
    return {
      // The JSON checks still run, on a plain Markdown parse, so one run shows every problem.
      codeBlocks: codeBlocksOfMarkdown(content),
      error: diagnostic(file, at, "docs/mdx",
        `does not compile as MDX: ${reason}; docs sites read .md files as MDX (write \`{\` as \`\\{\`, \`<\` as \`&lt;\`, and use \`{/* */}\` instead of HTML comments)`),
    };
  }
  return { codeBlocks };
}

/** The compiler recurses once per level of nesting: thousands of levels exhaust the stack. */
function tooDeep(file: string): Diagnostic {
  return diagnostic(file, { line: 1, column: 1 }, "docs/mdx",
    "cannot be compiled as MDX: its blocks (blockquotes, lists) are nested too deeply for the compiler; flatten the nesting");
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
