// What to tell a person whose JSON, JSONC or JSON5 does not parse. The parser
// (momoa) names the token it did not expect ("Unexpected token RBrace found.") and
// sometimes a place far from the cause (the end of the file, for a string left
// open on line 3). These read the text again around the failure and say what is
// wrong and what to write, at the place to fix.
import { tokenize, type Mode } from "@humanwhocodes/momoa";
import { extraCloser } from "./json-extra-closer.ts";
import { jsonLexemes, positionAt } from "./json-lexemes.ts";

export interface SyntaxExplanation {
  message: string;
  /** Character offset to report; the parser's place when left out. */
  offset?: number;
}

/** The parser's failure, as it gives it. */
export interface ParserFailure {
  message: string;
  offset: number | undefined;
}

export function explainSyntaxError(source: string, mode: Mode, failure: ParserFailure): SyntaxExplanation {
  const structure = scanStructure(source);
  return (
    openString(structure, failure) ??
    openComment(structure, failure) ??
    lineBreakInString(structure, failure) ??
    badEscape(source, mode, structure, failure) ??
    strayBackslash(source, structure, failure) ??
    brokenString(source, structure, failure) ??
    envFileLines(source, failure) ??
    missingComma(source, mode, failure.offset) ??
    doubleComma(source, mode, failure) ??
    leadingZero(source, failure) ??
    noValue(source, mode) ??
    unclosedAtEnd(source, structure, failure) ??
    extraByIndentation(source, failure) ??
    wrongCloser(source, structure, failure) ??
    unseenCharacter(failure.message) ??
    afterTheValue(source, mode, failure.offset) ??
    bareWord(source, failure) ?? { message: plainWords(failure.message) }
  );
}

interface Opener {
  char: "{" | "[";
  offset: number;
}

/** Brackets still open, and a string left open (json-lexemes.ts reads the text). */
interface Structure {
  /** For each offset a closing bracket was found at: the bracket it closes, if any. */
  closing: Map<number, Opener | null>;
  /** Brackets open at the end of the text, outermost first. */
  open: Opener[];
  /** A string that runs to the end of the text: where it starts and its quote. */
  openString?: { offset: number; quote: string };
  /** A block comment that runs to the end of the text: where its `/*` is. */
  openComment?: number;
  /** Every string that closes: where its quotes are, and whether a raw line break stands inside it. */
  strings: Array<{ start: number; end: number; quote: string; lineBreak?: number }>;
}

function scanStructure(source: string): Structure {
  const open: Opener[] = [];
  const closing = new Map<number, Opener | null>();
  const strings: Structure["strings"] = [];
  for (const lexeme of jsonLexemes(source)) {
    if (lexeme.kind === "open-string") return { closing, open, strings, openString: { offset: lexeme.offset, quote: lexeme.quote } };
    if (lexeme.kind === "open-comment") return { closing, open, strings, openComment: lexeme.offset };
    if (lexeme.kind === "string") {
      const { kind: _, ...string } = lexeme;
      strings.push(string);
    } else if (lexeme.char === "{" || lexeme.char === "[") {
      open.push({ char: lexeme.char, offset: lexeme.offset });
    } else {
      closing.set(lexeme.offset, open.pop() ?? null);
    }
  }
  return { closing, open, strings };
}

function openString(structure: Structure, failure: ParserFailure): SyntaxExplanation | undefined {
  const string = structure.openString;
  if (!string || (failure.offset !== undefined && failure.offset < string.offset)) return undefined;
  return { message: `end of input inside this string: add its closing ${string.quote} where the string ends`, offset: string.offset };
}

/** A `/*` never closed: the rest of the text is comment, whatever brackets the parser then finds open. */
function openComment(structure: Structure, failure: ParserFailure): SyntaxExplanation | undefined {
  const at = structure.openComment;
  if (at === undefined || (failure.offset !== undefined && failure.offset < at)) return undefined;
  return { message: "end of input inside this comment: add `*/` where the comment ends", offset: at };
}

/** What a person reads for a raw line break inside a string, which neither JSON nor the host's JSON5 reader takes. */
export const LINE_BREAK_IN_STRING =
  "a line break inside a string: end the string on its line, write the break as `\\n`, or end the line with `\\` to continue the string (JSON5)";

/** The failure is inside a string that runs over a line break: the parser loses its place there. */
function lineBreakInString(structure: Structure, failure: ParserFailure): SyntaxExplanation | undefined {
  const at = failure.offset;
  const string = at === undefined ? undefined : structure.strings.find((str) => str.start < at && at < str.end);
  return string?.lineBreak === undefined ? undefined : { message: LINE_BREAK_IN_STRING, offset: string.lineBreak };
}

/** Escapes each format knows: JSON5 also takes `\'`, `\xHH` and any character but a digit. */
const VALID_ESCAPE: Record<Mode, RegExp> = {
  json: /^\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/,
  jsonc: /^\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/,
  json5: /^\\(?:u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|0(?![0-9])|[^0-9ux])/,
};

/** A backslash in a string that starts no escape the format knows: most often a Windows path (`"C:\users"`). */
function badEscape(source: string, mode: Mode, structure: Structure, failure: ParserFailure): SyntaxExplanation | undefined {
  const at = failure.offset;
  if (at === undefined || !structure.strings.some((str) => str.start < at && at < str.end)) return undefined;
  const slash = source.lastIndexOf("\\", at);
  if (slash === -1 || at - slash > 5) return undefined;
  let run = 0; // backslashes in a row ending at `slash`: an even number escape each other
  while (source[slash - run] === "\\") run++;
  if (run % 2 === 0 || VALID_ESCAPE[mode].test(source.slice(slash, slash + 6))) return undefined;
  const escape = source.slice(slash, slash + 2);
  const what = escape === "\\u" ? "`\\u` starts an escape of four hex digits (`\\u00e9`)"
    : escape === "\\x" ? "`\\x` starts an escape of two hex digits (`\\xe9`)"
    : `\`${escape}\` is not an escape JSON knows (\`\\n\`, \`\\t\`, \`\\"\`, \`\\\\\`, \`\\u00e9\`, …)`;
  return { message: `${what}: to write a backslash itself, double it (\`\\\\\`); a Windows path may also use / (\`C:/Users/me\`)`, offset: slash };
}

/** A backslash outside any string: the parser reads past it and names what follows (a line break, the end). */
function strayBackslash(source: string, structure: Structure, failure: ParserFailure): SyntaxExplanation | undefined {
  if (failure.offset === undefined) return undefined;
  const at = [failure.offset, failure.offset - 1].find((o) => source[o] === "\\");
  if (at === undefined || structure.strings.some((str) => str.start < at && at < str.end)) return undefined;
  return { message: "a backslash (`\\`) stands here, outside any string: remove it (in a string, it begins an escape such as `\\n`)", offset: at };
}

/**
 * A closing quote left out mid-file: the string then runs on to the next quote, and
 * the parser fails just after it. The last string before the failure is the suspect
 * when it runs over a line break (no string in these files does), or when the failure
 * touches its closing quote (`"kimi-k3, "fallbacks"`: after a string, a missing comma
 * leaves a space; a missing quote does not).
 */
function brokenString(source: string, structure: Structure, failure: ParserFailure): SyntaxExplanation | undefined {
  if (failure.offset === undefined) return undefined;
  const last = structure.strings.findLast((str) => str.end < failure.offset!);
  if (!last) return undefined;
  if (last.lineBreak !== undefined) {
    return { message: `this string runs on over a line break: its closing ${last.quote} is probably missing on this line`, offset: last.start };
  }
  if (failure.offset === last.end + 1 && /[\w$]/.test(source[failure.offset] ?? "")) {
    return { message: `this string ends right where a word begins: a closing ${last.quote} is probably missing inside it`, offset: last.start };
  }
  return undefined;
}

/** `NAME=value` (or `export NAME=value`), a line of a `.env` file; group 1 is its indent, group 3 the name. */
const ENV_LINE = /^([ \t]*)(?:export[ \t]+)?(["']?)([A-Za-z_][A-Za-z0-9_]*)\2[ \t]*=/;

/**
 * Lines of a `.env` file where the config is read: a whole file of them (no `{` before the failure), or one
 * pasted into an object (`OPENAI_API_KEY=sk-…` under `env`), where the parser fails at the `=`. The value is
 * not repeated in the message: it is most often a key.
 */
function envFileLines(source: string, failure: ParserFailure): SyntaxExplanation | undefined {
  if (failure.offset === undefined) return undefined;
  if (!/[{[]/.test(source.slice(0, failure.offset))) {
    let offset = 0;
    for (const line of source.split("\n")) {
      if (!/^\s*(?:#.*)?$/.test(line)) {
        const name = ENV_LINE.exec(line)?.[3];
        return name === undefined ? undefined : {
          message: `this is a \`.env\` file (\`${name}=…\` lines), not a config: put such lines in \`~/.openclaw/.env\`, or write them in the config as \`{ env: { ${name}: "…" } }\``,
          offset: offset + line.length - line.trimStart().length,
        };
      }
      offset += line.length + 1;
    }
    return undefined;
  }
  const lineStart = source.lastIndexOf("\n", failure.offset - 1) + 1;
  const line = ENV_LINE.exec(source.slice(lineStart, lineStart + 300));
  if (!line || failure.offset < lineStart + line[1]!.length || failure.offset >= lineStart + line[0].length) return undefined;
  return {
    message: `\`${line[3]}=…\` is written as in a \`.env\` file: in the config, write \`${line[3]}: "…"\` (a colon after the name, the value in quotes)`,
    offset: lineStart + line[0].length - 1,
  };
}

/** The text from `offset` holds nothing but white space, commas and comments. */
function onlyFillerFrom(source: string, offset: number): boolean {
  return /^(?:\s|,|\/\/[^\n]*|\/\*[\s\S]*?\*\/)*$/.test(source.slice(offset));
}

function unclosedAtEnd(source: string, structure: Structure, failure: ParserFailure): SyntaxExplanation | undefined {
  const innermost = structure.open.at(-1);
  const atEnd = failure.message.startsWith("Unexpected end of input") || (failure.offset !== undefined && onlyFillerFrom(source, failure.offset));
  if (!innermost || !atEnd) return undefined;
  const { line, column } = positionAt(source, innermost.offset);
  const what = innermost.char === "{" ? "object" : "array";
  const closers = structure.open.map((o) => (o.char === "{" ? "}" : "]")).reverse().join("");
  const last = source.trimEnd().at(-1);
  const missing = last === ":" ? "a value, then " : "";
  return {
    message: `end of input: the ${what} that opens at line ${line}, column ${column} is never closed; add ${missing}\`${closers}\` at the end`,
    offset: source.length,
  };
}

/**
 * A text that closes one bracket too many fails where the count runs out, or at the text after the value; where the
 * indentation shows an earlier bracket is the extra one (a closing line written twice), that one is named.
 */
function extraByIndentation(source: string, failure: ParserFailure): SyntaxExplanation | undefined {
  if (failure.offset === undefined) return undefined;
  const extra = extraCloser(source);
  return extra?.byIndentation && failure.offset >= extra.offset ? extra : undefined;
}

function wrongCloser(source: string, structure: Structure, failure: ParserFailure): SyntaxExplanation | undefined {
  if (failure.offset === undefined || !structure.closing.has(failure.offset)) return undefined;
  const closer = source[failure.offset];
  const opener = structure.closing.get(failure.offset);
  if (!opener) return { message: `\`${closer}\` closes nothing: no \`${closer === "}" ? "{" : "["}\` is open here; remove it` };
  const { line, column } = positionAt(source, opener.offset);
  const [what, wanted] = opener.char === "{" ? ["object", "}"] : ["array", "]"];
  if (wanted === closer) return undefined;
  return { message: `\`${closer}\` stands where the ${what} that opens at line ${line}, column ${column} needs its \`${wanted}\`: close the ${what} first` };
}

/** Text after the document's value (`{…}{}`, a second object pasted below the first). */
function afterTheValue(source: string, mode: Mode, offset: number | undefined): SyntaxExplanation | undefined {
  if (offset === undefined) return undefined;
  let depth = 0;
  let values = 0;
  try {
    // Only the text before the failure: the tokenizer reads all it is given, and the bad text may not tokenize.
    for (const token of tokenize(source.slice(0, offset), { mode })) {
      if (token.type === "LineComment" || token.type === "BlockComment") continue;
      if (token.type === "LBrace" || token.type === "LBracket") depth += 1;
      else if (token.type === "RBrace" || token.type === "RBracket") depth -= 1;
      if (depth === 0) values += 1;
    }
  } catch {
    return undefined;
  }
  if (depth !== 0 || values === 0) return undefined;
  return { message: "unexpected text after the end of the value: a file holds one value; remove this, or merge it into the value above" };
}

const VALUE_END = new Set(["String", "Number", "Boolean", "Null", "NaN", "Infinity", "Identifier", "RBrace", "RBracket"]);
const VALUE_START = new Set(["String", "Number", "Boolean", "Null", "NaN", "Infinity", "Identifier", "LBrace", "LBracket"]);

/**
 * The parser says "Unexpected token String found." where a comma is missing between
 * two members or elements; say what to write instead.
 */
function missingComma(source: string, mode: Mode, offset: number | undefined): SyntaxExplanation | undefined {
  if (offset === undefined) return undefined;
  let previous: { type: string; loc: { end: { line: number } } } | undefined;
  let unexpected: { type: string } | undefined;
  let depth = 0;
  try {
    for (const token of tokenize(source, { mode })) {
      if (token.type === "LineComment" || token.type === "BlockComment") continue;
      if (token.loc.start.offset >= offset) {
        unexpected = token;
        break;
      }
      if (token.type === "LBrace" || token.type === "LBracket") depth += 1;
      else if (token.type === "RBrace" || token.type === "RBracket") depth -= 1;
      previous = token;
    }
  } catch {
    return undefined;
  }
  // Only between two members or elements: after the document's last bracket, no comma helps.
  if (depth < 1 || !previous || !unexpected || !VALUE_END.has(previous.type) || !VALUE_START.has(unexpected.type)) return undefined;
  return { message: `missing comma: add "," after the value that ends on line ${previous.loc.end.line}` };
}

/** The parser names the second of two commas in a row (`{"a": 1,,}`) as unexpected; say what to remove. */
function doubleComma(source: string, mode: Mode, failure: ParserFailure): SyntaxExplanation | undefined {
  if (failure.offset === undefined || !failure.message.startsWith("Unexpected token Comma")) return undefined;
  let previous: string | undefined;
  try {
    // Only the text before the failure: the tokenizer reads all it is given, and the bad text may not tokenize.
    for (const token of tokenize(source.slice(0, failure.offset), { mode })) {
      if (token.type !== "LineComment" && token.type !== "BlockComment") previous = token.type;
    }
  } catch {
    return undefined;
  }
  return previous === "Comma" ? { message: "two commas in a row: remove one" } : undefined;
}

/**
 * A number written with a leading zero (`08192`): the parser stops at the zero and
 * names the digit after it. Said with the number to write.
 */
function leadingZero(source: string, failure: ParserFailure): SyntaxExplanation | undefined {
  const at = failure.offset;
  const digit = /^Unexpected character '([0-9])'/.exec(failure.message)?.[1];
  if (at === undefined || digit === undefined || source[at] !== "0" || source[at + 1] !== digit) return undefined;
  const sign = /[-+]/.test(source[at - 1] ?? "") ? source[at - 1] : "";
  const written = /^0[0-9]*(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?/.exec(source.slice(at, at + 400))![0];
  return { message: `numbers do not start with 0: write \`${sign}${written.replace(/^0+(?=[0-9])/, "")}\``, offset: at };
}

/** The parser says "Unexpected end of input found." for an empty text or one of comments only; say so. */
function noValue(source: string, mode: Mode): SyntaxExplanation | undefined {
  try {
    for (const token of tokenize(source, { mode })) if (token.type !== "LineComment" && token.type !== "BlockComment") return undefined;
  } catch {
    return undefined;
  }
  return { message: "no value before the end of input: the text is empty or holds only white space and comments (an empty object is `{}`)" };
}

const TOKEN_WORDS: Readonly<Record<string, string>> = {
  LBrace: "`{`",
  RBrace: "`}`",
  LBracket: "`[`",
  RBracket: "`]`",
  Comma: "`,`",
  Colon: "`:`",
  String: "a string",
  Number: "a number",
  Boolean: "`true` or `false`",
  Null: "`null`",
  NaN: "`NaN`",
  Infinity: "`Infinity`",
  Identifier: "a name without quotes",
};

/** Control and format characters and spaces other than the plain one: nothing shows on screen. */
const INVISIBLE = /^[\p{Cc}\p{Cf}\p{Z}]$/u;
const TYPOGRAPHIC_QUOTE = /^[\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u00ab\u00bb]$/;

/** A word without quotes where JSON wants a quoted key or string (`agents: {}` in a .jsonc file). */
function bareWord(source: string, failure: ParserFailure): SyntaxExplanation | undefined {
  // JSON and JSONC fail at the word's first character; JSON5, which takes bare keys, at the word as a value.
  const json5Value = failure.message.startsWith("Unexpected token Identifier");
  if (failure.offset === undefined || !(json5Value || /^Unexpected (?:character|identifier)/.test(failure.message))) return undefined;
  const word = /^[A-Za-z_$][\w$]*/.exec(source.slice(failure.offset, failure.offset + 200))?.[0];
  if (word === undefined) return undefined;
  if (word === "undefined") return { message: "`undefined` is not a JSON value: write null, or leave the key out" };
  if (/^(?:true|false|null|none)$/i.test(word)) return { message: `\`${word}\` was not expected here: JSON writes true, false and null in lower case` };
  if (json5Value) return undefined;
  return { message: `\`${word}\` was not expected here: in JSON, strings and keys are quoted` };
}

function unexpectedCharacter(message: string): string | undefined {
  return /^Unexpected character '([\s\S]+?)' found\.?(?:\s*\(\d+:\d+\))?$/u.exec(message)?.[1];
}

/** A character that does not show as what it is: an invisible one, or a typographic quote where a straight one belongs. */
function unseenCharacter(message: string): SyntaxExplanation | undefined {
  const c = unexpectedCharacter(message);
  if (c === undefined) return undefined;
  const code = `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
  if (TYPOGRAPHIC_QUOTE.test(c)) return { message: `a typographic quote ${c} (${code}) stands here: JSON takes straight quotes (") around strings and keys` };
  if (INVISIBLE.test(c)) return { message: `an invisible character (${code}) stands here; remove it` };
  return undefined;
}

/** The parser's message in words a person reads: `}` for RBrace, U+0000 for an invisible character. */
function plainWords(message: string): string {
  const bare = message.replace(/\s*\(\d+:\d+\)\s*$/, "");
  const token = /^Unexpected token (\w+) found\.?$/.exec(bare);
  if (token) return `${TOKEN_WORDS[token[1]!] ?? token[1]} was not expected here`;
  const character = unexpectedCharacter(bare);
  if (character !== undefined) return `the character \`${character}\` was not expected here`;
  // Messages go on with "; …" after this one: no full stop of the parser's in between.
  return bare.replace(/\.$/, "");
}

export { positionAt };
