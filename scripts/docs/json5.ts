// A JSON5 writer for config snippets in docs: keys quoted only when they are not
// identifiers, strings escaped so they parse back to the same text, and small
// objects and arrays of plain values kept on one line, as a person writes them:
//   cost: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 }

export type Json5Value = null | boolean | number | string | Json5Value[] | { [key: string]: Json5Value | undefined };

export interface Json5Style {
  /** One level of indentation. */
  indent: string;
  /** Quote every key (for JSON and JSONC blocks). */
  quoteKeys: boolean;
  /** Put a comma after the last entry of multi-line objects and arrays. */
  trailingCommas: boolean;
  /** Longest one-line form of an object or array before it is spread over lines. */
  inlineWidth: number;
}

export const DEFAULT_JSON5_STYLE: Json5Style = { indent: "  ", quoteKeys: false, trailingCommas: false, inlineWidth: 80 };

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const ESCAPES: Record<string, string> = {
  '"': '\\"',
  "\\": "\\\\",
  "\b": "\\b",
  "\f": "\\f",
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
  "\u2028": "\\u2028",
  "\u2029": "\\u2029",
};

export function json5String(value: string): string {
  const body = value.replace(/["\\\u0000-\u001f\u007f\u2028\u2029]/g, (c) => ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return `"${body}"`;
}

export function json5Key(key: string, style: Pick<Json5Style, "quoteKeys"> = DEFAULT_JSON5_STYLE): string {
  return !style.quoteKeys && IDENTIFIER.test(key) ? key : json5String(key);
}

function isPlain(value: Json5Value | undefined): boolean {
  return value === null || typeof value !== "object";
}

/** Objects and arrays whose members are plain values or arrays of plain values may stand on one line. */
function mayInline(value: Json5Value): boolean {
  if (value === null || typeof value !== "object") return true;
  const members = Array.isArray(value) ? value : Object.values(value).filter((v) => v !== undefined);
  return members.every((m) => isPlain(m) || (Array.isArray(m) && m.every(isPlain)));
}

function entries(value: { [key: string]: Json5Value | undefined }): Array<[string, Json5Value]> {
  return Object.entries(value).filter((e): e is [string, Json5Value] => e[1] !== undefined);
}

export function json5Inline(value: Json5Value, style: Json5Style = DEFAULT_JSON5_STYLE): string {
  if (value === null) return "null";
  if (typeof value === "string") return json5String(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`cannot write ${value} as JSON`);
    return Object.is(value, -0) ? "0" : String(value);
  }
  if (typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return `[${value.map((v) => json5Inline(v, style)).join(", ")}]`;
  const members = entries(value).map(([k, v]) => `${json5Key(k, style)}: ${json5Inline(v, style)}`);
  return members.length === 0 ? "{}" : `{ ${members.join(", ")} }`;
}

/** The value as lines; the first carries no indentation, the others are indented relative to it. */
export function json5Lines(value: Json5Value, style: Json5Style = DEFAULT_JSON5_STYLE): string[] {
  if (mayInline(value)) {
    const inline = json5Inline(value, style);
    if (isPlain(value) || inline.length <= style.inlineWidth) return [inline];
  }
  const [open, close, members] = Array.isArray(value)
    ? ["[", "]", value.map((v) => json5Lines(v, style))]
    : ["{", "}", entries(value as Record<string, Json5Value>).map(([k, v]) => json5Property(k, v, style))];
  return [open, ...joinEntries(members, style.trailingCommas).map((line) => style.indent + line), close];
}

/** `key: value` as lines. */
export function json5Property(key: string, value: Json5Value, style: Json5Style = DEFAULT_JSON5_STYLE): string[] {
  const [first, ...rest] = json5Lines(value, style);
  return [`${json5Key(key, style)}: ${first}`, ...rest];
}

/** Entries of a list, each a group of lines, with commas between them and, if asked, after the last. */
export function joinEntries(members: readonly string[][], commaAfterLast: boolean): string[] {
  return members.flatMap((lines, i) => {
    const comma = i < members.length - 1 || commaAfterLast;
    return comma ? [...lines.slice(0, -1), `${lines.at(-1)},`] : lines;
  });
}
