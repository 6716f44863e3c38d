// Parse JSON, JSONC or JSON5 with a source position for every value, so that a
// problem found on the parsed data (by zod, say) can be reported at file:line:column.
import { evaluate, parse, type AnyNode, type DocumentNode, type Mode } from "@humanwhocodes/momoa";

export type JsonPath = ReadonlyArray<string | number>;

export interface SourcePosition {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface ParsedJson {
  value: unknown;
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
  let doc: DocumentNode;
  try {
    doc = parse(text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text, {
      mode,
      ranges: false,
      tokens: false,
      ...(mode === "json" ? {} : { allowTrailingCommas: true }),
    });
  } catch (error) {
    const e = error as Error & { line?: number; column?: number };
    const message = e.message.replace(/\s*\(\d+:\d+\)\s*$/, "");
    throw new JsonSyntaxError(message, e.line ?? 1, e.column ?? 1);
  }
  return {
    value: evaluate(doc.body),
    locate: (path, part = "value") => toPosition(find(doc.body, path, part)),
  };
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

function memberName(name: AnyNode): string {
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

/** `agents.defaults.models["moonshot/kimi-k2.6"].alias` */
export function formatJsonPath(path: JsonPath): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out || "(root)";
}
