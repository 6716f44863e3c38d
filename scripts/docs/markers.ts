// Marker syntaxes. A region is delimited by `NAME:start` and `NAME:end`, written
// as a comment that stands alone on its line:
//
//   Markdown text:   {/* NAME:start */}   <!-- NAME:start -->   [//]: # "NAME:start"   [//]: # (NAME:start)
//   code blocks:     // NAME:start        # NAME:start          /* NAME:start */
//
// White space inside the comment is free. A start marker may carry options:
// `NAME:start key=value ...`. Formatters are known to mangle the MDX form into
// `{/_ NAME:start _/ && null}` or `{/_NAME:start_/}`: those are recognised,
// reported, and rewritten to the canonical `{/* NAME:start */}` by `gen`.
//
// `regions:off` and `regions:on` (in any of the comment forms) switch region
// recognition off and on again, for pages that show markers as examples.
//
// This module is the one place that knows the marker grammar: the forms above,
// the name grammar (`<doc group>-<kind>`), which comments a code line can hold,
// and the near misses (a full-width colon, an invisible or look-alike character,
// a verb in capitals, a space by the colon) that read as markers to people but not to `gen`.
import type { SourceLine } from "./text.ts";

export type MarkerVerb = "start" | "end";
export type DirectiveVerb = "off" | "on";

/** The name of the off/on directive, which is not a region. */
export const DIRECTIVE = "regions";

/** A `NAME:verb` token somewhere in the text; whether it is a marker is decided later. */
export interface Candidate {
  /** A near miss (`NAME：start`, `NAME:START`), which can only be warned about. */
  nearMiss?: boolean;
  /**
   * A near miss by a space after the colon (`NAME: start`). Prose is full of such text
   * (`Step 1: start the gateway`), so it counts only for a name that looks like a region's.
   */
  spaced?: boolean;
  offset: number;
  /** 0-based line index and column (UTF-16 units from the line's start). */
  line: number;
  column: number;
  name: string;
  verb: MarkerVerb | DirectiveVerb;
}

export type MarkerSyntax = "mdx" | "mdx-mangled" | "html" | "link" | "line-comment" | "hash-comment" | "block-comment";

export interface ParsedMarker {
  name: string;
  verb: MarkerVerb | DirectiveVerb;
  options: Record<string, string>;
  /** An option given twice (the marker is then refused). */
  repeatedOption?: string;
  /** Text after the label that is not `key=value` options (the marker is then refused). */
  unreadableOptions?: string;
  syntax: MarkerSyntax;
  /** Where the comment itself sits in the line (columns), after any indentation or `>` prefix. */
  from: number;
  to: number;
}

const NAME = String.raw`[A-Za-z0-9][\w.-]*`;
const LABEL = new RegExp(String.raw`^\s*(${NAME}):(start|end|off|on)((?:\s+[\w-]+=[^\s"']+)*)\s*$`);
/** A label with an option that cannot be read (`columns=`, `columns="ref,name"`): reported, not taken for prose. */
const LOOSE_LABEL = new RegExp(String.raw`^\s*(${NAME}):(start|end)(\s+[^\s=]*\s*=.*?)\s*$`);

/** Text that a written doc would hold as a region marker token (`name:start`, `name:end`). */
export const MARKER_TOKEN = new RegExp(String.raw`${NAME}:(?:start|end)(?![A-Za-z0-9])`);

/** The name of the region a doc group's kind fills: `<group>-<suffix>`. */
export function regionName(group: string, suffix: string): string {
  return `${group}-${suffix}`;
}

/**
 * Region names that two (group, kind) pairs spell alike: group `a-b` with kind `c`
 * and group `a` with kind `b-c`. Adding a group must not change what a name means.
 */
export function ambiguousRegionNames(
  groups: readonly string[],
  suffixes: readonly string[],
): Array<{ name: string; first: { group: string; suffix: string }; second: { group: string; suffix: string } }> {
  const seen = new Map<string, { group: string; suffix: string }>();
  const found: ReturnType<typeof ambiguousRegionNames> = [];
  for (const group of groups) {
    for (const suffix of suffixes) {
      const name = regionName(group, suffix);
      const first = seen.get(name);
      if (first === undefined) seen.set(name, { group, suffix });
      else if (first.group !== group) found.push({ name, first, second: { group, suffix } });
    }
  }
  return found;
}

/** A start token of any region of these doc groups (`<group>-<kind>:start`); undefined for no group. */
export function groupStartToken(groups: readonly string[]): RegExp | undefined {
  if (groups.length === 0) return undefined;
  const escaped = groups.map((g) => g.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(String.raw`(?<![\w.-])(?:${escaped.join("|")})-[\w.-]+:start(?![A-Za-z0-9])`);
}

/** The HTML comment's delimiters, which Markdown scanning needs to know where comments span lines. */
export const HTML_COMMENT_OPEN = "<!--";
export const HTML_COMMENT_CLOSE = "-->";

/**
 * Whether a comment opens in this code outside any string literal: in
 * `grep "// NAME:start" docs` the marker-like text is the program's string, not a comment.
 */
export function opensCodeCommentOutsideStrings(code: string): boolean {
  return codeCommentStart(code) !== -1;
}

/** Where a comment (`//`, `/*`, `#`) opens on a line of code, outside its strings; -1 when none does. */
export function codeCommentStart(code: string): number {
  let quote: string | undefined;
  for (let i = 0; i < code.length; i++) {
    const c = code[i]!;
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'" || c === "`") {
      quote = c;
    } else if (c === "#" || (c === "/" && (code[i + 1] === "/" || code[i + 1] === "*"))) {
      return i;
    }
  }
  return -1;
}

/** Whether a code line (without indentation) is a comment line: `// …`, `# …` or `/* … *\/`. */
export function isCodeCommentLine(code: string): boolean {
  return /^(?:\/\/|#|\/\*.*\*\/$)/.test(code);
}

/** A marker form: its syntax, the character its comment starts with, and its pattern (group 1: the label). */
type Form = readonly [MarkerSyntax, string, RegExp];

const MARKDOWN_FORMS: readonly Form[] = [
  ["mdx", "{", /^\{\s*\/\*(.*)\*\/\s*\}$/],
  ["html", "<", /^<!--(.*)-->$/],
  ["link", "[", /^\[\/\/\]:\s*(?:#|<>)\s+"(.*)"$/],
  ["link", "[", /^\[\/\/\]:\s*(?:#|<>)\s+'(.*)'$/],
  ["link", "[", /^\[\/\/\]:\s*(?:#|<>)\s+\((.*)\)$/],
  ["mdx-mangled", "{", /^\{\s*\/_(.*)_\/(?:\s*&&\s*null)?\s*\}$/],
];

const CODE_FORMS: readonly Form[] = [
  ["line-comment", "/", /^\/\/(.*)$/],
  ["hash-comment", "#", /^#(.*)$/],
  ["block-comment", "/", /^\/\*(.*)\*\/$/],
];

const NEEDLES: ReadonlyArray<readonly [string, Candidate["verb"], boolean]> = [
  [":start", "start", false],
  [":end", "end", false],
  [":off", "off", false],
  [":on", "on", false],
  // Near misses: a space after the colon, a full-width colon (easy on a CJK keyboard), the verb in capitals.
  [": start", "start", true],
  [": end", "end", true],
  ["\uff1astart", "start", true],
  ["\uff1aend", "end", true],
  [":START", "start", true],
  [":END", "end", true],
  [":Start", "start", true],
  [":End", "end", true],
];

const FULL_WIDTH_NEEDLES = ["\uff1astart", "\uff1aend"].map((needle) => Buffer.from(needle));

/** `start` or `end` in any case at `i`. */
function verbAt(bytes: Uint8Array, i: number): boolean {
  // Called for every colon of every page: no closure here, it would be allocated each time.
  const first = lowerByte(bytes, i);
  if (first === 0x73) return lowerByte(bytes, i + 1) === 0x74 && lowerByte(bytes, i + 2) === 0x61 && lowerByte(bytes, i + 3) === 0x72 && lowerByte(bytes, i + 4) === 0x74;
  if (first === 0x65) return lowerByte(bytes, i + 1) === 0x6e && lowerByte(bytes, i + 2) === 0x64;
  return false;
}

/** The byte at `i` with the ASCII lower-case bit set; 0x20 past the end. */
function lowerByte(bytes: Uint8Array, i: number): number {
  return (bytes[i] ?? 0) | 0x20;
}

/**
 * Whether a file's bytes may hold a marker or a near miss of one: a cheap search
 * before decoding. One pass over the colons covers every case of the verb; the
 * full-width colon takes a search of its own.
 */
export function mayHoldMarker(bytes: Buffer): boolean {
  for (let at = bytes.indexOf(0x3a); at !== -1; at = bytes.indexOf(0x3a, at + 1)) {
    if (verbAt(bytes, at + 1) || (bytes[at + 1] === 0x20 && verbAt(bytes, at + 2))) return true;
  }
  return FULL_WIDTH_NEEDLES.some((needle) => bytes.indexOf(needle) !== -1);
}

function isAlphanumeric(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isNameChar(c: number): boolean {
  return isAlphanumeric(c) || c === 95 /* _ */ || c === 46 /* . */ || c === 45 /* - */;
}

/**
 * Every `NAME:start`/`NAME:end` token (and `regions:off`/`regions:on`), in text
 * order: the verb found with indexOf, the name read backwards from it. (A regular
 * expression trying every letter as a name's start costs several times more.)
 */
export function findCandidates(text: string, lines: readonly SourceLine[]): Candidate[] {
  const found: Candidate[] = [];
  for (const [needle, verb, nearMiss] of NEEDLES) {
    for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
      if (isAlphanumeric(text.charCodeAt(at + needle.length))) continue;
      // A space or an invisible character between the name and the colon (`NAME :start`): a near miss.
      let end = at;
      while (end > 0 && at - end < 3 && isGap(text.charCodeAt(end - 1))) end--;
      const gap = end !== at && (verb === "start" || verb === "end");
      if (end !== at && !gap) continue;
      let from = end;
      while (from > 0 && isNameChar(text.charCodeAt(from - 1))) from--;
      while (from < end && !isAlphanumeric(text.charCodeAt(from))) from++;
      if (from === end) continue;
      const name = text.slice(from, end);
      if ((verb === "off" || verb === "on") && name !== DIRECTIVE) continue;
      const spaced = needle.charCodeAt(1) === 0x20;
      found.push({ offset: from, line: 0, column: 0, name, verb, ...(nearMiss || gap ? { nearMiss: true } : {}), ...(spaced ? { spaced } : {}) });
    }
  }
  found.sort((a, b) => a.offset - b.offset);
  let line = 0;
  for (const candidate of found) {
    while (line + 1 < lines.length && lines[line + 1]!.start <= candidate.offset) line++;
    candidate.line = line;
    candidate.column = candidate.offset - lines[line]!.start;
  }
  return found;
}

/** A space, tab, no-break space or zero-width character: what may stand between a name and its colon by mistake. */
function isGap(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0xa0 || (code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xfeff;
}

/** Indentation plus blockquote `>` markers: what generated lines repeat before their text. */
const PREFIX = /^[ \t]*(?:>[ \t]*)*/;

function linePrefix(line: string): string {
  return PREFIX.exec(line)![0];
}

export function parseMarkdownMarker(line: string): ParsedMarker | null {
  return parseMarker(line, MARKDOWN_FORMS);
}

export function parseCodeMarker(line: string): ParsedMarker | null {
  return parseMarker(line, CODE_FORMS);
}

/**
 * Format characters that editors of right-to-left text, or a paste, leave around a marker
 * (U+200B–U+200F, U+2060, U+FEFF): invisible, so a marker with them is still a marker.
 */
function isFormatCharacter(code: number): boolean {
  return (code >= 0x200b && code <= 0x200f) || code === 0x2060 || code === 0xfeff;
}
const TRAILING_SPACE = /[\s\u200b-\u200f\u2060\ufeff]+$/;

function parseMarker(line: string, forms: readonly Form[]): ParsedMarker | null {
  let from = linePrefix(line).length;
  while (isFormatCharacter(line.charCodeAt(from))) from++;
  const first = line[from];
  if (!forms.some((form) => form[1] === first)) return null; // rules out most lines cheaply
  const comment = line.slice(from).replace(TRAILING_SPACE, "");
  for (const [syntax, start, pattern] of forms) {
    if (start !== first) continue;
    const inner = pattern.exec(comment)?.[1];
    if (inner === undefined) continue;
    const label = LABEL.exec(inner);
    const loose = label ? null : LOOSE_LABEL.exec(inner);
    if (!label && !loose) return null;
    const [, name, verb, options] = (label ?? loose)!;
    return {
      name: name!,
      verb: verb as ParsedMarker["verb"],
      ...(label ? parseOptions(options!) : { options: Object.create(null) as Record<string, string>, unreadableOptions: options!.trim() }),
      syntax,
      from,
      to: from + comment.length,
    };
  }
  return null;
}

function parseOptions(text: string): Pick<ParsedMarker, "options" | "repeatedOption"> {
  // No prototype: `__proto__` or `constructor` is an option name like any other (and then an unknown one).
  const options: Record<string, string> = Object.create(null);
  let repeatedOption: string | undefined;
  for (const pair of text.trim().split(/\s+/)) {
    if (pair === "") continue;
    const eq = pair.indexOf("=");
    const key = pair.slice(0, eq);
    if (Object.hasOwn(options, key)) repeatedOption ??= key;
    options[key] = pair.slice(eq + 1);
  }
  return repeatedOption === undefined ? { options } : { options, repeatedOption };
}

/** What makes a line that reads as a marker to people no marker to `gen`, and the marker it was meant to be. */
export interface NearMiss {
  /** The comment as written, and as `gen` would read it. */
  written: string;
  meant: string;
  /** The region name as meant, and the verb. */
  name: string;
  verb: string;
  /** What is wrong, e.g. "a full-width colon `：`". */
  flaws: string[];
  /** Whether the only flaw is one that a program's or a writer's comment shows too (`TODO: end`). */
  common: boolean;
}

const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff]/g;
/** Curly quotes, for the straight ones a marker's `[//]: # "…"` form needs. */
const CURLED: Readonly<Record<string, string>> = { "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2018": "'", "\u2019": "'" };
/** The full-width forms of ASCII punctuation (U+FF01–U+FF5E). */
const FULL_WIDTH = /^[\uff01-\uff5e]$/;
const NON_ASCII = /[^\x00-\x7f]/;

/** Unicode's table of look-alike characters (confusables.txt), loaded only for a doc that may need it. */
let lookAlikes: Readonly<Record<string, string>> | undefined;

/** Loads the look-alike table when a line with a marker token holds a non-ASCII character (loading costs milliseconds). */
export async function prepareNearMisses(text: string, lines: readonly SourceLine[], candidates: readonly Candidate[]): Promise<void> {
  if (lookAlikes !== undefined) return;
  // Each line once: one long line can hold thousands of candidates.
  const candidateLines = new Set(candidates.map((c) => c.line));
  if (![...candidateLines].some((line) => NON_ASCII.test(text.slice(lines[line]!.start, lines[line]!.end)))) return;
  lookAlikes = (await import("unhomoglyph/data.json")).default as Record<string, string>;
}

const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;

/** A near miss of a marker on this line (in a code block: of a code-comment marker), or null. */
export function nearMissMarker(line: string, inCode: boolean): NearMiss | null {
  const flaws: string[] = [];
  let fixed = line.replace(INVISIBLE, (c) => {
    flaws.push(`an invisible character (${codePoint(c)})`);
    return "";
  });
  fixed = fixed.replace(/[^\x00-\x7f]/gu, (c) => {
    // Quotes a word processor or a translation tool curls, and the full-width forms of a CJK keyboard (`（`, `＂`).
    const typed = CURLED[c] ?? (FULL_WIDTH.test(c) ? c.normalize("NFKC") : undefined);
    const plain = typed ?? lookAlikes?.[c];
    if (plain === undefined || !/^[\x21-\x7e]$/.test(plain)) return c;
    flaws.push(
      c === "\uff1a" ? "a full-width colon `：`"
        : CURLED[c] !== undefined ? `a curly quote \`${c}\``
        : typed !== undefined ? `a full-width \`${c}\``
        : `\`${c}\` (${codePoint(c)}), which only looks like \`${plain}\``,
    );
    return plain;
  });
  let spacedAfter = false;
  fixed = fixed.replace(/(?<=[A-Za-z0-9][ \t\u00a0]*):[ \t\u00a0]+(?=(?:start|end)(?![A-Za-z0-9]))/gi, () => {
    spacedAfter = true;
    return ":";
  });
  let spacedBefore = false;
  fixed = fixed.replace(/([A-Za-z0-9])[ \t\u00a0]+(?=:(?:start|end)(?![A-Za-z0-9]))/gi, (_gap, last: string) => {
    spacedBefore = true;
    return last;
  });
  if (spacedBefore || spacedAfter) flaws.push(`a space ${spacedBefore && spacedAfter ? "on both sides of" : spacedBefore ? "before" : "after"} the colon`);
  fixed = fixed.replace(/:(start|end|off|on)(?![A-Za-z0-9])/gi, (verb) => {
    if (verb !== verb.toLowerCase()) flaws.push(`\`${verb.slice(1)}\` in capitals`);
    return verb.toLowerCase();
  });
  if (flaws.length === 0) return null;
  const marker = inCode ? parseCodeMarker(fixed) : parseMarkdownMarker(fixed);
  if (!marker) return null;
  const written = line.slice(linePrefix(line).length).trimEnd();
  const distinct = [...new Set(flaws)];
  return { written, meant: fixed.slice(marker.from, marker.to), name: marker.name, verb: marker.verb, flaws: distinct, common: spacedAfter && !spacedBefore && distinct.length === 1 };
}

function formatLabel(marker: Pick<ParsedMarker, "name" | "verb" | "options">): string {
  const options = Object.entries(marker.options).map(([key, value]) => ` ${key}=${value}`);
  return `${marker.name}:${marker.verb}${options.join("")}`;
}

/** The spelling `gen` restores a mangled MDX marker to. */
export function canonicalMdxMarker(marker: Pick<ParsedMarker, "name" | "verb" | "options">): string {
  return `{/* ${formatLabel(marker)} */}`;
}
