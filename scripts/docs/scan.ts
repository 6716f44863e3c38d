// Where each marker candidate stands: in Markdown text, in a fenced code block,
// in inline code, or somewhere markers do not count (front matter, a fence's
// opening line, a comment or expression spanning lines, indented code).
//
// A full Markdown parse costs milliseconds per file, so this line scanner does the
// work for ordinary documents. It follows CommonMark's fence rules as MDX applies
// them, and gives up (`certain: false`) wherever Markdown and MDX could read the
// text differently or where containers (list items, blockquotes) decide what a
// fence holds; the caller then classifies with remark (scan-remark.ts). A test
// checks that the two agree on every document the scanner is certain about.
//
// To show a marker as an example instead of a region: put it in inline code, use
// a Markdown-comment spelling inside a code block, or put the example between
// `regions:off` and `regions:on` comments.
import {
  DIRECTIVE,
  HTML_COMMENT_CLOSE,
  HTML_COMMENT_OPEN,
  nearMissMarker,
  parseCodeMarker,
  parseMarkdownMarker,
  type Candidate,
} from "./markers.ts";
import { indentWidth, leadingBlanks, type SourceLine } from "./text.ts";

export interface Fence {
  /** 0-based lines of the opening and the closing fence; `close` is null when the block runs to the end. */
  open: number;
  close: number | null;
  /** First word of the info string, lower-cased; "" when there is none. */
  lang: string;
}

export type Context =
  | { kind: "markdown" }
  | { kind: "code"; fence: Fence }
  | { kind: "inline-code" }
  /** Inside a comment or `{…}` expression spanning lines (only a real parse tells these apart). */
  | { kind: "comment" }
  /** Front matter, a fence's own lines, indented code. */
  | { kind: "other" };

export interface Classification {
  /** One per candidate, in the same order. */
  contexts: Context[];
  fences: Fence[];
  /** False when only a real parse can tell; `contexts` is then incomplete. */
  certain: boolean;
  /** Why the scanner was not certain (for tests and debugging). */
  reason?: string;
}

export const MARKDOWN: Context = { kind: "markdown" };
export const INLINE_CODE: Context = { kind: "inline-code" };
export const OTHER: Context = { kind: "other" };
export const COMMENT: Context = { kind: "comment" };

const FENCE_OPEN = /^(`{3,}|~{3,})(.*)$/;
const FENCE_CLOSE = /^(`{3,}|~{3,})[ \t]*$/;
/** Blockquote markers and list-item markers in front of a line's content. */
const CONTAINER = /^(?:>[ \t]?|(?:[-+*]|\d{1,9}[.)])(?:[ \t]+|$))[ \t]*/;
const RAW_HTML = /^<(script|pre|style|textarea)(?=[\s>]|$)/i;

interface OpenFence {
  fence: Fence;
  /** The context of every line inside it (one object for the whole block). */
  context: Context;
  char: string;
  length: number;
  indent: number;
}

/**
 * The candidates whose place can matter: those on a line shaped like a marker in any
 * comment form (a marker, a directive, an example of one, or a near miss of one), on
 * a line holding a lone carriage return, and those whose name looks like a region's
 * (a misspelt marker is reported). Any other `:start`/`:end` text, such as
 * `npm run dev:start` or `session:end` in prose, can neither be a marker nor be
 * reported wherever it stands, so no page is parsed because of it. Near misses are
 * judged with the look-alike table loaded (see prepareNearMisses).
 */
export function relevantCandidates(
  text: string,
  lines: readonly SourceLine[],
  candidates: readonly Candidate[],
  looksLikeRegion: (name: string) => boolean,
): Candidate[] {
  const shaped = new Map<number, boolean>();
  return candidates.filter((c) => {
    if (c.spaced) return looksLikeRegion(c.name);
    if (c.nearMiss || c.name === DIRECTIVE || looksLikeRegion(c.name)) return true;
    let isShaped = shaped.get(c.line);
    if (isShaped === undefined) {
      const content = text.slice(lines[c.line]!.start, lines[c.line]!.end);
      isShaped =
        content.includes("\r") ||
        parseMarkdownMarker(content) !== null ||
        parseCodeMarker(content) !== null ||
        nearMissMarker(content, false) !== null ||
        nearMissMarker(content, true) !== null;
      shaped.set(c.line, isShaped);
    }
    return isShaped;
  });
}

export function scanContexts(text: string, lines: readonly SourceLine[], candidates: readonly Candidate[]): Classification {
  const contexts: Context[] = [];
  const fences: Fence[] = [];
  const unsure = (line: number, why: string): Classification => ({
    contexts,
    fences,
    certain: false,
    reason: `line ${line + 1}: ${why}`,
  });

  const frontMatterEnd = frontMatterClose(text, lines);
  let next = 0;
  let open: OpenFence | null = null;
  /** The current block began with an HTML or JSX line (plain Markdown would read it as raw HTML). */
  let htmlBlock = false;
  /** A backtick run in this paragraph found no partner on its line: a code span may cross lines. */
  let backtickOpen = false;
  /** A comment, raw HTML element or `{…}` expression continues past its line. */
  let commentOpen = false;
  let rawClose: string | null = null;
  const expression: Expression = { depth: 0, within: "" };

  for (let i = 0; i < lines.length; i++) {
    const first = next;
    while (next < candidates.length && candidates[next]!.line === i) next++;
    const hasCandidates = next > first;
    if (i <= frontMatterEnd) {
      assign(contexts, first, next, OTHER);
      continue;
    }
    const { start, end } = lines[i]!;
    const blank = open ? leadingBlanks(text, start, end) : 0;
    if (open && !mayCloseFence(text, blank, end, open)) {
      // Most lines of a page are inside code blocks: these are judged without slicing them out.
      if (open.indent > 0 && blank < end && indentWidth(text, start, blank) < open.indent) {
        return unsure(i, "code block line indented less than its opening fence");
      }
      assign(contexts, first, next, open.context);
      continue;
    }
    const content = text.slice(start, end);
    const width = indentWidth(content);
    const rest = content.trimStart();

    if (open) {
      if (isClosingFence(rest, open)) {
        if (width >= 4) return unsure(i, "closing fence indented by four or more spaces");
        if (width < open.indent) return unsure(i, "closing fence indented less than its opening fence");
        open.fence.close = i;
        open = null;
        assign(contexts, first, next, OTHER);
      } else {
        if (open.indent > 0 && width < open.indent && rest !== "") {
          return unsure(i, "code block line indented less than its opening fence");
        }
        assign(contexts, first, next, open.context);
      }
      continue;
    }

    if (rest === "") {
      htmlBlock = false;
      backtickOpen = false;
      continue;
    }

    const { inner, nested } = stripContainers(rest);
    const opener = FENCE_OPEN.exec(inner);
    const blocked = commentOpen || rawClose !== null || expression.depth > 0;
    if (blocked && (hasCandidates || opener)) return unsure(i, "inside a comment, expression or HTML element spanning lines");
    if (!blocked && opener && (opener[1]![0] === "~" || !opener[2]!.includes("`"))) {
      if (nested) return unsure(i, "code fence inside a list item or blockquote");
      if (width >= 4) return unsure(i, "code fence indented by four or more spaces");
      if (htmlBlock) return unsure(i, "code fence right after an HTML or JSX line");
      const fence: Fence = { open: i, close: null, lang: fenceLang(opener[2]!) };
      fences.push(fence);
      open = { fence, context: { kind: "code", fence }, char: opener[1]![0]!, length: opener[1]!.length, indent: width };
      backtickOpen = false;
      assign(contexts, first, next, OTHER);
      continue;
    }

    if (hasCandidates && width >= 4) return unsure(i, "marker indented by four or more spaces");
    if (commentOpen && content.includes(HTML_COMMENT_CLOSE)) commentOpen = false;
    if (rawClose !== null && content.toLowerCase().includes(rawClose)) rawClose = null;
    if (width <= 3 && rest.startsWith("<")) {
      const raw = RAW_HTML.exec(rest);
      if (raw) {
        const close = `</${raw[1]!.toLowerCase()}>`;
        if (!content.toLowerCase().includes(close)) rawClose = close;
      } else if (!rest.startsWith(HTML_COMMENT_OPEN)) {
        htmlBlock = true;
      }
    }

    const spans = codeSpans(content);
    for (let k = first; k < next; k++) {
      if (backtickOpen) return unsure(i, "marker after a code span that may cross lines");
      const column = candidates[k]!.column;
      const inSpan = spans.ranges.some(([from, to]) => column >= from && column < to);
      if (inSpan && htmlBlock) return unsure(i, "inline code inside an HTML block");
      contexts[k] = inSpan ? INLINE_CODE : MARKDOWN;
    }
    if (spans.unmatched) {
      if (hasCandidates) return unsure(i, "marker beside a code span that may cross lines");
      backtickOpen = true;
    }
    const comment = content.lastIndexOf(HTML_COMMENT_OPEN);
    if (comment >= 0 && content.indexOf(HTML_COMMENT_CLOSE, comment + 4) < 0) {
      if (hasCandidates) return unsure(i, "marker beside a comment spanning lines");
      commentOpen = true;
    }
    advanceExpression(content, expression.depth > 0 ? [] : spans.ranges, expression);
    if (expression.depth > 0 && hasCandidates) return unsure(i, "marker beside an expression spanning lines");
  }
  return { contexts, fences, certain: true };
}

/** Index of the line closing `---` front matter on the first line, or -1. */
export function frontMatterClose(text: string, lines: readonly SourceLine[]): number {
  const isDashes = (i: number) => /^---[ \t]*$/.test(text.slice(lines[i]!.start, lines[i]!.end));
  if (lines.length < 2 || !isDashes(0)) return -1;
  for (let i = 1; i < lines.length; i++) if (isDashes(i)) return i;
  return -1;
}

/** Gives the candidates `from` to `to` (exclusive) their context. */
function assign(contexts: Context[], from: number, to: number, context: Context): void {
  for (let k = from; k < to; k++) contexts[k] = context;
}

/**
 * Whether a line inside a fence may close it, so that it needs the full look:
 * false only when its first character after spaces and tabs is plain ASCII other
 * than a fence character (such a line is never a closing fence, and trimming it
 * stops at the same place), or when it holds nothing but spaces and tabs.
 */
function mayCloseFence(text: string, firstNonBlank: number, end: number, open: OpenFence): boolean {
  if (firstNonBlank === end) return false;
  const c = text.charCodeAt(firstNonBlank);
  return c <= 32 || c >= 127 || c === open.char.charCodeAt(0);
}

function isClosingFence(rest: string, open: OpenFence): boolean {
  const close = FENCE_CLOSE.exec(rest);
  return close !== null && close[1]![0] === open.char && close[1]!.length >= open.length;
}

export function fenceLang(info: string): string {
  return (info.trim().split(/[\s{]/, 1)[0] ?? "").toLowerCase();
}

function stripContainers(rest: string): { inner: string; nested: boolean } {
  let inner = rest;
  let nested = false;
  for (let match = CONTAINER.exec(inner); match && match[0] !== ""; match = CONTAINER.exec(inner)) {
    inner = inner.slice(match[0].length);
    nested = true;
  }
  return { inner, nested };
}

/** Code spans of one line: their column ranges, and whether a backtick run found no partner. */
const NO_SPANS = { ranges: [] as Array<[number, number]>, unmatched: false };

export function codeSpans(line: string): { ranges: Array<[number, number]>; unmatched: boolean } {
  if (!line.includes("`")) return NO_SPANS;
  const ranges: Array<[number, number]> = [];
  let unmatched = false;
  let i = 0;
  while (i < line.length) {
    const c = line.charCodeAt(i);
    if (c === 92 /* \ */) {
      i += 2;
      continue;
    }
    if (c !== 96 /* ` */) {
      i++;
      continue;
    }
    let end = i;
    while (line.charCodeAt(end) === 96) end++;
    const length = end - i;
    let close = -1;
    for (let k = line.indexOf("`", end); k !== -1; ) {
      let m = k;
      while (line.charCodeAt(m) === 96) m++;
      if (m - k === length) {
        close = k;
        break;
      }
      k = line.indexOf("`", m);
    }
    if (close === -1) {
      unmatched = true;
      i = end;
    } else {
      ranges.push([i, close + length]);
      i = close + length;
    }
  }
  return { ranges, unmatched };
}

/**
 * MDX `{…}` expressions: how deep the braces are after a line. Braces count outside
 * code spans and escapes; inside an expression, JavaScript comments and strings
 * hide them, as they do from MDX's JavaScript parser.
 */
interface Expression {
  depth: number;
  /** Inside a `/* … *\/` comment or a template literal that continues on the next line. */
  within: "" | "comment" | "template";
}

function advanceExpression(line: string, spans: ReadonlyArray<[number, number]>, state: Expression): void {
  if (state.depth === 0 && !line.includes("{")) return;
  let span = 0;
  for (let i = 0; i < line.length; i++) {
    if (state.within === "comment") {
      const end = line.indexOf("*/", i);
      if (end === -1) return;
      state.within = "";
      i = end + 1;
      continue;
    }
    if (state.within === "template") {
      const end = line.indexOf("`", i);
      if (end === -1) return;
      state.within = "";
      i = end;
      continue;
    }
    const c = line.charCodeAt(i);
    if (state.depth === 0) {
      while (span < spans.length && spans[span]![1] <= i) span++;
      if (span < spans.length && i >= spans[span]![0]) continue;
      if (c === 92 /* \ */) i++;
      else if (c === 123 /* { */) state.depth++;
      continue;
    }
    if (c === 123) state.depth++;
    else if (c === 125 /* } */) state.depth--;
    else if (c === 47 /* / */ && line.charCodeAt(i + 1) === 42 /* * */) {
      state.within = "comment";
      i++;
    } else if (c === 47 && line.charCodeAt(i + 1) === 47) return;
    else if (c === 96 /* ` */) state.within = "template";
    else if (c === 34 || c === 39) {
      let end = i + 1;
      while (end < line.length && line.charCodeAt(end) !== c) end += line.charCodeAt(end) === 92 ? 2 : 1;
      i = end;
    }
  }
}
