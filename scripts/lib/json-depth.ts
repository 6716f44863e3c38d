// How deep a JSON, JSONC or JSON5 text may nest. The parser and every check after it
// recurse once per level, so without a limit of its own a deep text would fail
// wherever the stack ran out (objects sooner than arrays, and differently per
// machine). The limit is checked before parsing, without recursion.
import { jsonLexemes } from "./json-lexemes.ts";

/** Levels of `{` and `[` a text may nest; no config, catalog or docs example comes near it. */
export const MAX_JSON_DEPTH = 1000;

/** What to tell a person, at the bracket that goes past the limit. */
export const TOO_DEEP = `values are nested more than ${MAX_JSON_DEPTH} levels deep here; no config needs this: flatten it`;

/** The offset of the first bracket that nests past MAX_JSON_DEPTH, if one does. */
export function bracketPastDepthLimit(source: string): number | undefined {
  // A text with no more brackets than the limit cannot nest past it: most texts are decided here.
  let brackets = 0;
  for (let i = 0; i < source.length && brackets <= MAX_JSON_DEPTH; i++) {
    const c = source.charCodeAt(i);
    if (c === 0x7b || c === 0x5b) brackets += 1;
  }
  if (brackets <= MAX_JSON_DEPTH) return undefined;
  let depth = 0;
  for (const lexeme of jsonLexemes(source)) {
    if (lexeme.kind !== "bracket") continue;
    if (lexeme.char === "{" || lexeme.char === "[") {
      depth += 1;
      if (depth > MAX_JSON_DEPTH) return lexeme.offset;
    } else {
      depth -= 1;
    }
  }
  return undefined;
}
