// A region's two markers stand in one block of the page. `gen` replaces every line
// between them, so a body holding the closing line of a block opened before the
// region (`</Tab>`, an admonition's `:::`), the opening line of one closed after it,
// or the start of the next item of the list its start marker is in, would take that
// block's structure with it: the page would change shape, and the next check would
// find nothing wrong. Such a region is an input error, named at its start marker.
import { diagnostic, type Diagnostic } from "../lib/diagnostics.ts";
import type { Region } from "./regions.ts";
import type { SourceLine } from "./text.ts";

/** Indentation and blockquote `>` markers at the start of a line. */
const PREFIX = /^([ \t]*)((?:>[ \t]*)*)/;
/** A line that opens or closes a JSX or HTML element: `<Tab title="A">`, `</Tabs>`. */
// (A name followed by `:` is an autolink, `<https://…>`, not a tag.)
const TAG_LINE = /^<(\/?)([A-Za-z][\w.-]*)(?=[\s>/]|$)/;
/** Tags anywhere on a line, to pair those opened and closed on it: `<Tab>text</Tab>`. */
const TAG = /<(\/?)([A-Za-z][\w.-]*)(?=[\s>/])[^<>]*?(\/?)>/g;
/** HTML elements that never close. */
const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);
/** A container directive's fence (`:::tip`, `:::`), as Docusaurus and remark-directive write them. */
const DIRECTIVE = /^(:{3,})\s*([\w-]*)/;
const LIST_ITEM = /^(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;
const CODE_FENCE = /^(`{3,}|~{3,})/;

interface Open {
  what: string;
  line: number;
}

export function regionContainerProblems(file: string, text: string, lines: readonly SourceLine[], regions: readonly Region[]): Diagnostic[] {
  const problems: Diagnostic[] = [];
  for (const region of regions) {
    if (region.start.fence !== null) continue; // a code block's lines hold no blocks of the page
    const problem = crossing(text, lines, region);
    if (!problem) continue;
    problems.push(
      diagnostic(file, { line: region.start.line + 1, column: region.start.from + 1 }, "docs/region-crosses-block",
        `\`${region.name}:start\` and \`${region.name}:end\` stand in different blocks: ${problem}; \`gen\` replaces the ` +
          "lines between the markers and would remove it, changing the page's structure. Put both markers in the same block"),
    );
  }
  return problems;
}

/** What in the region's body belongs to a block that reaches past one of its markers, or undefined. */
function crossing(text: string, lines: readonly SourceLine[], region: Region): string | undefined {
  const lineText = (i: number) => text.slice(lines[i]!.start, lines[i]!.end);
  const startPrefix = PREFIX.exec(lineText(region.start.line))!;
  const startIndent = width(startPrefix[1]!);
  const startQuotes = quoteDepth(startPrefix[2]!);
  const open: Open[] = [];
  let startTag: Open | undefined;
  let fence: string | null = null;
  for (let i = region.start.line + 1; i < region.end.line; i++) {
    const line = lineText(i);
    if (startTag !== undefined) {
      // A start tag written over several lines (`<Card` … `title="A">`): open from its `>`, or nothing if it ends in `/>`.
      // (Read on the whole line: a lone `>` is no block quote here.)
      const end = /(\/?)>/.exec(line);
      if (!end) continue;
      if (!end[1]) open.push(startTag);
      startTag = undefined;
      continue;
    }
    const prefix = PREFIX.exec(line)!;
    const rest = line.slice(prefix[0].length);
    if (rest.trim() === "") continue;
    const at = `line ${i + 1} (\`${rest.trim().slice(0, 40)}\`)`;
    if (fence !== null) {
      if (rest.startsWith(fence)) fence = null;
      continue;
    }
    const codeFence = CODE_FENCE.exec(rest);
    if (codeFence) {
      fence = codeFence[1]!;
      continue;
    }
    if (quoteDepth(prefix[2]!) < startQuotes) return `${at} stands outside the block quote the start marker is in`;
    if (width(prefix[1]!) < startIndent && LIST_ITEM.test(rest)) return `${at} starts another item of the list the start marker is in`;
    const directive = DIRECTIVE.exec(rest);
    if (directive) {
      if (directive[2]) open.push({ what: `\`${directive[1]}${directive[2]}\``, line: i });
      else if (!closes(open, (o) => o.what.startsWith(`\`${directive[1]}`) && o.what !== `\`${directive[1]}\``)) {
        return `${at} closes a \`${directive[1]}\` block that opens before the region`;
      }
      continue;
    }
    const tagLine = TAG_LINE.exec(rest);
    if (!tagLine) continue;
    let matched = false;
    for (const [, slash, name, selfClosing] of rest.matchAll(TAG)) {
      matched = true;
      if (selfClosing || VOID.has(name!.toLowerCase())) continue;
      if (!slash) open.push({ what: `<${name}>`, line: i });
      else if (!closes(open, (o) => o.what === `<${name}>`)) return `${at} closes \`<${name}>\`, which opens before the region`;
    }
    if (!matched && !tagLine[1] && !VOID.has(tagLine[2]!.toLowerCase())) startTag = { what: `<${tagLine[2]}>`, line: i };
  }
  const unclosed = open[0];
  return unclosed ? `line ${unclosed.line + 1} opens ${unclosed.what.startsWith("<") ? `\`${unclosed.what}\`` : unclosed.what}, which closes after the region` : undefined;
}

/** Closes the innermost open block that `matches`; false when none is open. */
function closes(open: Open[], matches: (o: Open) => boolean): boolean {
  for (let k = open.length - 1; k >= 0; k--) {
    if (!matches(open[k]!)) continue;
    open.splice(k);
    return true;
  }
  return false;
}

function quoteDepth(quotes: string): number {
  return quotes.split(">").length - 1;
}

/** Columns of indentation, a tab counting to the next multiple of 4 (CommonMark's tab stops). */
function width(indent: string): number {
  let columns = 0;
  for (const c of indent) columns = c === "\t" ? columns + 4 - (columns % 4) : columns + 1;
  return columns;
}
