// The same classification as scan.ts, read off a real mdast parse (remark with
// GFM, front matter and, where the file is valid MDX, MDX). Used for documents the
// line scanner is not certain about, and by tests as the reference. remark is
// imported on first use only, so runs that never need it do not pay for loading it.
import { contentKey, openCache } from "../lib/content-cache.ts";
import { HTML_COMMENT_CLOSE, HTML_COMMENT_OPEN, type Candidate } from "./markers.ts";
import { COMMENT, INLINE_CODE, MARKDOWN, OTHER, type Classification, type Context, type Fence } from "./scan.ts";
import type { SourceLine } from "./text.ts";

interface Point {
  line: number;
  column: number;
}
interface MdNode {
  type: string;
  value?: string;
  lang?: string | null;
  position?: { start: Point; end: Point };
  children?: MdNode[];
  /** JSX elements: their attributes, with positions. */
  attributes?: MdNode[];
}

export type Flavor = "mdx" | "markdown";

type Parse = (text: string) => MdNode;
let parsers: Promise<Record<Flavor, Parse>> | undefined;

function loadParsers(): Promise<Record<Flavor, Parse>> {
  parsers ??= (async () => {
    const [{ unified }, { default: remarkParse }, { default: remarkGfm }, { default: remarkFrontmatter }, { parseMdx }] =
      await Promise.all([
        import("unified"),
        import("remark-parse"),
        import("remark-gfm"),
        import("remark-frontmatter"),
        // The MDX parse is shared with the docs rule that compiles the page (mdx-parse.ts).
        import("./mdx-parse.ts"),
      ]);
    const markdown = unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm);
    return {
      markdown: (text) => markdown.parse(text) as unknown as MdNode,
      mdx: (text) => parseMdx(text) as MdNode,
    };
  })();
  return parsers;
}

export interface RemarkClassification extends Classification {
  flavor: Flavor;
  /** Why the MDX parse failed, when the file was read as plain Markdown instead. */
  mdxError?: { message: string; line: number; column: number };
}

/**
 * A classification as stored between runs: each candidate's context as a number
 * (0 Markdown, 1 inline code, 2 comment, 3 other, 4 + i code of fence i).
 */
interface StoredClassification {
  contexts: number[];
  fences: Fence[];
  flavor: Flavor;
  mdxError?: RemarkClassification["mdxError"];
}

const PLAIN: readonly Context[] = [MARKDOWN, INLINE_CODE, COMMENT, OTHER];

function store(c: RemarkClassification): StoredClassification {
  const contexts = c.contexts.map((context) =>
    context.kind === "code" ? 4 + c.fences.indexOf(context.fence) : PLAIN.findIndex((p) => p.kind === context.kind),
  );
  return { contexts, fences: c.fences, flavor: c.flavor, ...(c.mdxError ? { mdxError: c.mdxError } : {}) };
}

function restore(s: StoredClassification): RemarkClassification {
  const contexts = s.contexts.map((n): Context => (n >= 4 ? { kind: "code", fence: s.fences[n - 4]! } : PLAIN[n]!));
  return { contexts, fences: s.fences, certain: true, flavor: s.flavor, ...(s.mdxError ? { mdxError: s.mdxError } : {}) };
}

/**
 * Classify as MDX; if the text is not valid MDX, as plain Markdown (GFM). The result
 * depends on the text alone, so it is kept between runs (content-cache.ts).
 */
export async function classifyWithRemark(
  text: string,
  lines: readonly SourceLine[],
  candidates: readonly Candidate[],
): Promise<RemarkClassification> {
  const cache = openCache<StoredClassification>("classification");
  const key = contentKey(text);
  const hit = cache.get(key);
  if (hit && hit.contexts.length === candidates.length) return restore(hit);
  const parsed = await parseAndClassify(text, lines, candidates);
  cache.set(key, store(parsed));
  return parsed;
}

async function parseAndClassify(
  text: string,
  lines: readonly SourceLine[],
  candidates: readonly Candidate[],
): Promise<RemarkClassification> {
  const parse = await loadParsers();
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { ...classifyTree(parse.mdx(body), text, lines, candidates), flavor: "mdx" };
  } catch (error) {
    const e = error as Error & { line?: number; column?: number };
    const mdxError = { message: e.message, line: e.line ?? 1, column: e.column ?? 1 };
    return { ...classifyTree(parse.markdown(body), text, lines, candidates), flavor: "markdown", mdxError };
  }
}

/** Parse with one flavor only (tests compare the scanner with each). */
export async function classifyAs(
  flavor: Flavor,
  text: string,
  lines: readonly SourceLine[],
  candidates: readonly Candidate[],
): Promise<Classification> {
  const parse = await loadParsers();
  return classifyTree(parse[flavor](text.charCodeAt(0) === 0xfeff ? text.slice(1) : text), text, lines, candidates);
}

interface Zone {
  from: number;
  to: number;
  context: Context;
}

function classifyTree(tree: MdNode, text: string, lines: readonly SourceLine[], candidates: readonly Candidate[]): Classification {
  const offsetOf = (p: Point) => lines[p.line - 1]!.start + p.column - 1;
  const lineStart = (line: number) => lines[line]!.start;
  const zones: Zone[] = [];
  const fences: Fence[] = [];

  const visit = (node: MdNode) => {
    const at = node.position;
    if (at) {
      const from = offsetOf(at.start);
      const to = offsetOf(at.end);
      const multiLine = at.end.line > at.start.line;
      switch (node.type) {
        case "code": {
          const open = at.start.line - 1;
          const fenceChar = text[from];
          if (fenceChar !== "`" && fenceChar !== "~") {
            zones.push({ from, to, context: OTHER }); // indented code
            break;
          }
          const close = closesFence(text, lines, from, at.start, at.end, to) ? at.end.line - 1 : null;
          const fence: Fence = { open, close, lang: (node.lang ?? "").toLowerCase() };
          fences.push(fence);
          zones.push({ from, to: lines[open]!.next, context: OTHER });
          const contentEnd = close === null ? to : lineStart(close);
          zones.push({ from: lines[open]!.next, to: contentEnd, context: { kind: "code", fence } });
          if (close !== null) zones.push({ from: lineStart(close), to, context: OTHER });
          break;
        }
        case "inlineCode":
          zones.push({ from, to, context: INLINE_CODE });
          break;
        case "yaml":
          zones.push({ from, to, context: OTHER });
          break;
        case "html":
          for (const [start, end] of commentRanges(text, from, to)) {
            if (text.slice(start, end).includes("\n")) zones.push({ from: start, to: end, context: COMMENT });
          }
          break;
        case "mdxFlowExpression":
        case "mdxTextExpression":
          if (multiLine) zones.push({ from, to, context: COMMENT });
          break;
        case "mdxJsxFlowElement":
        case "mdxJsxTextElement":
          // An attribute's value is JavaScript: a marker line inside one is no marker.
          for (const attribute of node.attributes ?? []) {
            const p = attribute.position;
            if (p && p.end.line > p.start.line) zones.push({ from: offsetOf(p.start), to: offsetOf(p.end), context: COMMENT });
          }
          break;
      }
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);

  // Zones do not overlap: find each candidate's by binary search.
  zones.sort((a, b) => a.from - b.from);
  const contexts = candidates.map((candidate) => {
    let lo = 0;
    let hi = zones.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (zones[mid]!.from <= candidate.offset) lo = mid + 1;
      else hi = mid - 1;
    }
    const zone = zones[hi];
    return zone && candidate.offset < zone.to ? zone.context : MARKDOWN;
  });
  return { contexts, fences, certain: true };
}

/** Whether a code node ends with a closing fence matching its opening one at `from`. */
function closesFence(text: string, lines: readonly SourceLine[], from: number, start: Point, end: Point, endOffset: number): boolean {
  if (end.line === start.line) return false;
  const char = text[from]!;
  let length = 0;
  while (text[from + length] === char) length++;
  const quoted = text.slice(lines[start.line - 1]!.start, from).includes(">");
  const last = /^([ \t>]*)(`{3,}|~{3,})[ \t]*$/.exec(text.slice(lines[end.line - 1]!.start, endOffset));
  return last !== null && (quoted || !last[1]!.includes(">")) && last[2]![0] === char && last[2]!.length >= length;
}

function commentRanges(text: string, from: number, to: number): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (let start = text.indexOf(HTML_COMMENT_OPEN, from); start !== -1 && start < to; start = text.indexOf(HTML_COMMENT_OPEN, start + 4)) {
    const close = text.indexOf(HTML_COMMENT_CLOSE, start + 4);
    const end = close === -1 || close >= to ? to : close + 3;
    ranges.push([start, end]);
    start = end - 4;
  }
  return ranges;
}
