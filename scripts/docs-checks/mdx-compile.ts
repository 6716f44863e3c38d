// The MDX compile itself, in a module of its own: loading the compiler costs tens of
// milliseconds, which a run whose verdicts all come from the cache never pays (mdx.ts).
//
// A page is parsed as MDX (micromark with the MDX, GFM and front matter syntax, and
// acorn for every expression and ESM block), which is where every syntax error is
// found. The steps of a full compile after the parse turn the tree into JavaScript;
// they can still refuse a page in two ways: its ESM (a second default export, say),
// or a tree so deep that their recursion exhausts the stack. A page holding ESM or
// nesting deeper than COMPILED_DEPTH is compiled whole; the others are spared the
// rest of the compile, about a third of the time.
import { compileSync } from "@mdx-js/mdx";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { parseMdx } from "../docs/mdx-parse.ts";
import type { CodeBlock } from "./mdx.ts";

/** What a compile of one text found, independent of the file's name (so it can be kept between runs). */
export interface Compiled {
  codeBlocks: CodeBlock[];
  /** Where the text fails to compile, and the message that says so. */
  failure?: { line: number; column: number; message: string };
}

interface CodeNode {
  type: string;
  lang?: string | null;
  value?: string;
  position?: { start: { line: number; column: number } };
  children?: CodeNode[];
}

/** Past this depth of the tree the full compile runs (a 3,000-deep JSX nesting parses, then overflows the stack). */
const COMPILED_DEPTH = 64;

/** A heading's custom id, `## Models {#models}`: Docusaurus syntax, read before MDX sees the heading. */
const HEADING_ID = /^( {0,3}#{1,6}[ \t].*?[ \t])(\{#[^{}\s]+\})([ \t]*)$/gm;

/** The text with each heading id blanked out, column for column, so that positions stay those of the file. */
function withoutHeadingIds(content: string): string {
  return content.includes("{#") ? content.replace(HEADING_ID, (_all, heading: string, id: string, tail: string) => heading + " ".repeat(id.length) + tail) : content;
}

export function compile(file: string, written: string): Compiled {
  const codeBlocks: CodeBlock[] = [];
  const content = withoutHeadingIds(written);
  try {
    // The same parse as the region engine's, made once when the page is unchanged (mdx-parse.ts).
    const tree = parseMdx(content) as CodeNode;
    // `format: "mdx"`: left to detect, a `.md` path would be compiled as plain Markdown.
    if (holdsEsm(tree) || deeperThan(tree, COMPILED_DEPTH)) compileSync({ path: file, value: content }, { format: "mdx", remarkPlugins: [remarkFrontmatter, remarkGfm] });
    collect(tree, codeBlocks);
  } catch (error) {
    // The compiler recurses once per level of nesting: thousands of levels exhaust the stack.
    if (error instanceof RangeError) {
      return {
        codeBlocks: [],
        failure: {
          line: 1,
          column: 1,
          message: "cannot be compiled as MDX: its blocks (blockquotes, lists) are nested too deeply for the compiler; flatten the nesting",
        },
      };
    }
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
      failure: {
        ...at,
        message: `does not compile as MDX: ${reason}; docs sites read .md files as MDX (write \`{\` as \`\\{\`, \`<\` as \`&lt;\`, and use \`{/* */}\` instead of HTML comments)`,
      },
    };
  }
  return { codeBlocks };
}

/** ESM (`import`, `export`) stands only at the top level of an MDX tree. */
function holdsEsm(tree: CodeNode): boolean {
  return (tree.children ?? []).some((node) => node.type === "mdxjsEsm");
}

function deeperThan(tree: CodeNode, depth: number): boolean {
  // Iterative, so that the walk itself cannot exhaust the stack.
  const stack: Array<[CodeNode, number]> = [[tree, 0]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [node, level] = next;
    if (level > depth) return true;
    for (const child of node.children ?? []) stack.push([child, level + 1]);
  }
  return false;
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
