// Parse JSON, JSONC or JSON5 with a source position for every value, so that a
// problem found on the parsed data (by zod, say) can be reported at file:line:column.
import { appendAll } from "./append.ts";
import { evaluate, parse, type AnyNode, type DocumentNode, type Mode } from "@humanwhocodes/momoa";
import { bracketPastDepthLimit, TOO_DEEP } from "./json-depth.ts";
import { explainSyntaxError, LINE_BREAK_IN_STRING, positionAt } from "./json-syntax-messages.ts";

export type JsonPath = ReadonlyArray<string | number>;

export interface SourcePosition {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A key written twice in one object; the later one wins, as in JSON.parse. */
export interface DuplicateKey {
  /** Path of the member (which the later occurrence wins). */
  path: JsonPath;
  key: string;
  /** The repeated key. */
  at: SourcePosition;
  /** The key's first occurrence in the same object. */
  first: SourcePosition;
}

export interface ParsedJson {
  value: unknown;
  /** Every repeated key, in document order, at its second (third, ...) occurrence. */
  duplicateKeys: DuplicateKey[];
  /** Backslashes JSON5 drops (`\\U` reads `U`): most likely a Windows path's, meant to stay. */
  droppedBackslashes: Array<{ line: number; column: number; escape: string }>;
  /** Position of the value at `path`, or of its nearest existing ancestor. */
  locate(path: JsonPath, part?: "value" | "key"): SourcePosition;
}

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
    this.name = "JsonSyntaxError";
  }
}

export function modeForFile(file: string): Mode {
  if (file.endsWith(".json5")) return "json5";
  if (file.endsWith(".jsonc")) return "jsonc";
  return "jsonc"; // .json files in editors allow comments too; strict JSON is a subset.
}

export function parseJsonSource(text: string, mode: Mode): ParsedJson {
  // A byte-order mark is no character an editor shows or counts: columns on the first line start after it.
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const tooDeep = bracketPastDepthLimit(source);
  if (tooDeep !== undefined) {
    const at = positionAt(source, tooDeep);
    throw new JsonSyntaxError(TOO_DEEP, at.line, at.column);
  }
  let doc: DocumentNode;
  let value: unknown;
  try {
    doc = parse(source, {
      mode,
      ranges: false,
      tokens: false,
      ...(mode === "json" ? {} : { allowTrailingCommas: true }),
    });
    value = evaluate(doc.body);
  } catch (error) {
    const e = error as Error & { line?: number; column?: number; offset?: number };
    const explained = explainSyntaxError(source, mode, { message: e.message, offset: e.offset });
    // The parser gives some unexpected ends of input the position 1:1, and errors
    // inside a string that spans lines a line and column that miss the text; its
    // character offset is right.
    const at = explained.offset !== undefined
      ? positionAt(source, explained.offset)
      : e.message.startsWith("Unexpected end of input")
        ? positionAt(source, source.length)
        : typeof e.offset === "number"
          ? positionAt(source, e.offset)
          : { line: e.line ?? 1, column: e.column ?? 1 };
    throw new JsonSyntaxError(explained.message, at.line, at.column);
  }
  const strings = readStrings(source, doc.body);
  if (strings.refused) {
    const at = positionAt(source, strings.refused.offset);
    throw new JsonSyntaxError(strings.refused.message, at.line, at.column);
  }
  return {
    value,
    duplicateKeys: findDuplicateKeys(doc.body, []),
    droppedBackslashes: strings.dropped.map((offset) => ({ ...positionAt(source, offset), escape: source.slice(offset, offset + 2) })),
    locate: (path, part = "value") => toPosition(find(doc.body, path, part)),
  };
}

/**
 * What the parser lets pass in strings but the host's JSON5 reader does not: a raw
 * line break, octal escapes (`"\\01"`) — the first such string is `refused`, at the
 * character to fix. And what JSON5 reads otherwise than it is written: a backslash
 * before a character that needs no escape (`"C:\\Users"` reads `C:Users`) is dropped.
 */
function readStrings(source: string, root: AnyNode): { refused?: { offset: number; message: string }; dropped: number[] } {
  const dropped: number[] = [];
  const pending: AnyNode[] = [root];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (node.type === "Array") for (const element of node.elements) pending.push(element.value);
    else if (node.type === "Object") for (const member of node.members) pending.push(member.name, member.value);
    else if (node.type === "String") {
      const refused = readString(source, node.loc.start.offset + 1, node.loc.end.offset - 1, dropped);
      if (refused) return { refused, dropped };
    }
  }
  return { dropped: dropped.sort((a, b) => a - b) };
}

/** Escapes that stand for another character; a backslash before any other character but a digit is dropped (JSON5). */
const MEANINGFUL_ESCAPE = /["'\\/bfnrtv0xu\r\n\u2028\u2029]/;

function readString(source: string, from: number, to: number, dropped: number[]): { offset: number; message: string } | undefined {
  const first = dropped.length; // one dropped backslash is told per string
  for (let i = from; i < to; i++) {
    const c = source[i];
    if (c === "\\") {
      const next = source[i + 1]!;
      if (next === "0" ? /[0-9]/.test(source[i + 2] ?? "") : /[1-9]/.test(next)) {
        const escape = source.slice(i, next === "0" ? i + 3 : i + 2);
        return { offset: i, message: `\`${escape}\` is an octal escape, which JSON5 and JSON do not allow: write the character as \`\\u00XX\`, or double the backslash (\`\\\\\`) to write one` };
      }
      if (!MEANINGFUL_ESCAPE.test(next) && dropped.length === first) dropped.push(i);
      i += next === "\r" && source[i + 2] === "\n" ? 2 : 1; // an escaped line break continues the string (JSON5)
    } else if (c === "\n" || c === "\r") {
      return { offset: i, message: LINE_BREAK_IN_STRING };
    }
  }
  return undefined;
}

function findDuplicateKeys(node: AnyNode, path: JsonPath): DuplicateKey[] {
  const found: DuplicateKey[] = [];
  if (node.type === "Array") {
    node.elements.forEach((element, i) => appendAll(found, findDuplicateKeys(element.value, [...path, i])));
  } else if (node.type === "Object") {
    const seen = new Map<string, AnyNode>();
    for (const member of node.members) {
      const key = memberName(member.name);
      const first = seen.get(key);
      if (first) found.push({ path: [...path, key], key, at: toPosition(member.name), first: toPosition(first) });
      else seen.set(key, member.name);
      appendAll(found, findDuplicateKeys(member.value, [...path, key]));
    }
  }
  return found;
}

function find(root: AnyNode, path: JsonPath, part: "value" | "key"): AnyNode {
  let node: AnyNode = root;
  for (const [i, segment] of path.entries()) {
    const last = i === path.length - 1;
    if (node.type === "Object") {
      // The last member with a name wins, as in JSON.parse.
      const member = node.members.findLast((m) => memberName(m.name) === String(segment));
      if (!member) return node;
      node = last && part === "key" ? member.name : member.value;
    } else if (node.type === "Array" && typeof segment === "number") {
      const element = node.elements[segment];
      if (!element) return node;
      node = element.value;
    } else {
      return node;
    }
  }
  return node;
}

/** A member's key as written, quoted or not. */
export function memberName(name: AnyNode): string {
  if (name.type === "String") return name.value;
  if (name.type === "Identifier") return name.name;
  return "";
}

function toPosition(node: AnyNode): SourcePosition {
  return {
    line: node.loc.start.line,
    column: node.loc.start.column,
    endLine: node.loc.end.line,
    endColumn: node.loc.end.column,
  };
}

/** Keys longer than this are shortened in messages, so a garbage key cannot flood the output. */
export const MAX_SHOWN_KEY = 100;

/** `agents.defaults.models["moonshot/kimi-k2.6"].alias` */
export function formatJsonPath(path: JsonPath): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (segment.length > MAX_SHOWN_KEY) out += `[${JSON.stringify(`${segment.slice(0, MAX_SHOWN_KEY)}…`)}]`;
    else if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out || "(root)";
}
