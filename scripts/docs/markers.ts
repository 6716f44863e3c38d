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
import type { SourceLine } from "./text.ts";

export type MarkerVerb = "start" | "end";
export type DirectiveVerb = "off" | "on";

/** The name of the off/on directive, which is not a region. */
export const DIRECTIVE = "regions";

/** A `NAME:verb` token somewhere in the text; whether it is a marker is decided later. */
export interface Candidate {
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
  syntax: MarkerSyntax;
  /** Where the comment itself sits in the line (columns), after any indentation or `>` prefix. */
  from: number;
  to: number;
}

const NAME = String.raw`[A-Za-z0-9][\w.-]*`;
const LABEL = new RegExp(String.raw`^\s*(${NAME}):(start|end|off|on)((?:\s+[\w-]+=\S+)*)\s*$`);

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

const NEEDLES: ReadonlyArray<readonly [string, Candidate["verb"]]> = [
  [":start", "start"],
  [":end", "end"],
  [":off", "off"],
  [":on", "on"],
];

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
  for (const [needle, verb] of NEEDLES) {
    for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
      if (isAlphanumeric(text.charCodeAt(at + needle.length))) continue;
      let from = at;
      while (from > 0 && isNameChar(text.charCodeAt(from - 1))) from--;
      while (from < at && !isAlphanumeric(text.charCodeAt(from))) from++;
      if (from === at) continue;
      const name = text.slice(from, at);
      if ((verb === "off" || verb === "on") && name !== DIRECTIVE) continue;
      found.push({ offset: from, line: 0, column: 0, name, verb });
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

/** Indentation plus blockquote `>` markers: what generated lines repeat before their text. */
const PREFIX = /^[ \t]*(?:>[ \t]*)*/;

export function linePrefix(line: string): string {
  return PREFIX.exec(line)![0];
}

export function parseMarkdownMarker(line: string): ParsedMarker | null {
  return parseMarker(line, MARKDOWN_FORMS);
}

export function parseCodeMarker(line: string): ParsedMarker | null {
  return parseMarker(line, CODE_FORMS);
}

function parseMarker(line: string, forms: readonly Form[]): ParsedMarker | null {
  const from = linePrefix(line).length;
  const first = line[from];
  if (!forms.some((form) => form[1] === first)) return null; // rules out most lines cheaply
  const comment = line.slice(from).trimEnd();
  for (const [syntax, start, pattern] of forms) {
    if (start !== first) continue;
    const inner = pattern.exec(comment)?.[1];
    if (inner === undefined) continue;
    const label = LABEL.exec(inner);
    if (!label) return null;
    return {
      name: label[1]!,
      verb: label[2] as ParsedMarker["verb"],
      options: parseOptions(label[3]!),
      syntax,
      from,
      to: from + comment.length,
    };
  }
  return null;
}

function parseOptions(text: string): Record<string, string> {
  const options: Record<string, string> = {};
  for (const pair of text.trim().split(/\s+/)) {
    if (pair === "") continue;
    const eq = pair.indexOf("=");
    options[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return options;
}

export function formatLabel(marker: Pick<ParsedMarker, "name" | "verb" | "options">): string {
  const options = Object.entries(marker.options).map(([key, value]) => ` ${key}=${value}`);
  return `${marker.name}:${marker.verb}${options.join("")}`;
}

/** The spelling `gen` restores a mangled MDX marker to. */
export function canonicalMdxMarker(marker: Pick<ParsedMarker, "name" | "verb" | "options">): string {
  return `{/* ${formatLabel(marker)} */}`;
}
