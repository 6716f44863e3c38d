// The brackets and strings of a JSON, JSONC or JSON5 text, read as JSON5 (which JSON
// and JSONC are subsets of), comments skipped. Cheaper than the parser's tokens: no
// object per number or punctuation mark. Where the text is not JSON5, the parser
// fails at or before the place this reading goes wrong, so what it yields up to the
// parser's failure is what the parser read.

export type JsonLexeme =
  | { kind: "bracket"; offset: number; char: "{" | "[" | "}" | "]" }
  /** A string that closes: where its quotes are, and where a raw line break stands inside it, if one does. */
  | { kind: "string"; start: number; end: number; quote: string; lineBreak?: number }
  /** A string that runs to the end of the text: nothing follows it. */
  | { kind: "open-string"; offset: number; quote: string }
  /** A block comment never closed: it runs to the end of the text, and nothing follows it. */
  | { kind: "open-comment"; offset: number };

export function* jsonLexemes(source: string): Generator<JsonLexeme> {
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '"' || c === "'") {
      // The parser lets a string run over line breaks, so only the end of the text leaves one open.
      let j = i + 1;
      let lineBreak: number | undefined;
      for (; j < source.length && source[j] !== c; j++) {
        if (source[j] === "\\") j++;
        else if (source[j] === "\n" || source[j] === "\r") lineBreak ??= j;
      }
      if (j >= source.length) {
        yield { kind: "open-string", offset: i, quote: c };
        return;
      }
      yield { kind: "string", start: i, end: j, quote: c, ...(lineBreak === undefined ? {} : { lineBreak }) };
      i = j;
    } else if (c === "/" && source[i + 1] === "/") {
      const end = source.indexOf("\n", i);
      i = end === -1 ? source.length : end;
    } else if (c === "/" && source[i + 1] === "*") {
      const end = source.indexOf("*/", i + 2);
      if (end === -1) {
        yield { kind: "open-comment", offset: i };
        return;
      }
      i = end + 1;
    } else if (c === "{" || c === "[" || c === "}" || c === "]") {
      yield { kind: "bracket", offset: i, char: c };
    }
  }
}

/** Line and column of a character offset, counting line breaks as the parser does. */
export function positionAt(source: string, offset: number): { line: number; column: number } {
  const lines = source.slice(0, offset).split(/\r\n|\n|\r/);
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}
