// A JSON, JSONC or JSON5 text that closes one bracket more than it opens: which
// closing bracket is the one too many. Counting alone finds the first bracket that
// closes nothing, often the last line of the text; the extra one is usually earlier,
// and the indentation shows where: a closing bracket that starts its line stands
// under the line that opened what it closes. The first such bracket that closes a
// line of another indentation shows where the count went wrong. If the bracket
// before it closed the line it stands under, that earlier bracket is the extra one
// (`model: { … } },` on one line); if that line was already closed by a bracket of
// its own, this one repeats it. The answer is taken only when the text, without
// that bracket, has every bracket closed and fewer brackets out of line.
import { jsonLexemes, positionAt } from "./json-lexemes.ts";
import type { SyntaxExplanation } from "./json-syntax-messages.ts";

interface Opener {
  offset: number;
  /** The indentation of its line. */
  indent: number;
}

interface Closed {
  opener: Opener;
  closer: number;
  /** The closer starts its line, at the indentation of the opener's line. */
  aligned: boolean;
}

/** Where the line holding `offset` begins, and whether only white space stands before `offset` on it. */
function lineOf(source: string, offset: number): { start: number; leads: boolean } {
  const start = source.lastIndexOf("\n", offset - 1) + 1;
  return { start, leads: /^[ \t]*$/.test(source.slice(start, offset)) };
}

function indentOf(source: string, offset: number): number {
  const { start } = lineOf(source, offset);
  return /^[ \t]*/.exec(source.slice(start))![0].length;
}

interface Matching {
  /** The first closing bracket that closes nothing. */
  unmatched?: number;
  /** How many brackets are left open at the end. */
  open: number;
  /** How many closing brackets start their line at another indentation than the line they close (or close nothing). */
  outOfLine: number;
  /** The extra closing bracket by the indentation, if it tells one. */
  suspect?: number;
}

/** The brackets of the text, less the one at `skip`. */
function match(source: string, skip?: number): Matching {
  const open: Opener[] = [];
  const closed: Closed[] = [];
  let suspect: number | undefined;
  let outOfLine = 0;
  const result = (rest: Omit<Matching, "outOfLine" | "suspect">): Matching => ({ ...rest, outOfLine, ...(suspect === undefined ? {} : { suspect }) });
  for (const lexeme of jsonLexemes(source)) {
    if (lexeme.kind === "open-string") return result({ open: open.length + 1 });
    if (lexeme.kind !== "bracket" || lexeme.offset === skip) continue;
    if (lexeme.char === "{" || lexeme.char === "[") {
      open.push({ offset: lexeme.offset, indent: indentOf(source, lexeme.offset) });
      continue;
    }
    const opener = open.pop();
    const { start, leads } = lineOf(source, lexeme.offset);
    const indent = lexeme.offset - start;
    const aligned = leads && opener !== undefined && indent === opener.indent;
    if (leads && !aligned) {
      outOfLine++;
      const under = suspect === undefined ? closed.findLast((pair) => pair.opener.indent === indent) : undefined;
      if (under) suspect = under.aligned ? lexeme.offset : under.closer;
    }
    if (!opener) return result({ unmatched: lexeme.offset, open: 0 });
    closed.push({ opener, closer: lexeme.offset, aligned });
  }
  return result({ open: open.length });
}

/** The closing bracket too many, and what to tell; undefined when every closing bracket closes something. */
export function extraCloser(source: string): (SyntaxExplanation & { offset: number; byIndentation: boolean }) | undefined {
  const { unmatched, suspect, outOfLine } = match(source);
  if (unmatched === undefined) return undefined;
  const closer = source[unmatched]!;
  const opener = closer === "}" ? "{" : "[";
  if (suspect !== undefined && suspect !== unmatched) {
    const without = match(source, suspect);
    if (without.unmatched === undefined && without.open === 0 && without.outOfLine < outOfLine) {
      const { line, column } = positionAt(source, unmatched);
      return {
        message:
          `\`${source[suspect]}\` is the closing bracket too many, by the indentation: the text closes one bracket more than it opens ` +
          `(the \`${closer}\` at line ${line}, column ${column} is left with nothing to close); remove this one`,
        offset: suspect,
        byIndentation: true,
      };
    }
  }
  return { message: `\`${closer}\` closes nothing: every \`${opener}\` before it is closed, so the text closes one bracket more than it opens; remove it`, offset: unmatched, byIndentation: false };
}
