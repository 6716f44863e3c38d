// A code region's body read as what it is: the entries of an array or the members
// of an object, cut out of their brackets. Parsed with the brackets put back
// around it, so line 1 of the parsed text is the opening bracket.
import { parse, type AnyNode, type ArrayNode, type ObjectNode } from "@humanwhocodes/momoa";
import type { BodyPosition } from "./kinds/kind.ts";

export interface BodyEntries {
  /** The body between the brackets it was parsed in. */
  source: string;
  root: ArrayNode | ObjectNode;
}

/** The body as array elements, else as object members; undefined when it is neither (the JSON checks report that). */
export function parseBodyEntries(text: string): BodyEntries | undefined {
  for (const [open, close] of [["[", "]"], ["{", "}"]] as const) {
    const source = `${open}\n${text}\n${close}`;
    try {
      const root = parse(source, { mode: "json5", allowTrailingCommas: true, ranges: true }).body;
      if (root.type === "Array" || root.type === "Object") return { source, root };
    } catch {
      // Not this one: try the other bracket.
    }
  }
  return undefined;
}

/** Where a place of the parsed text is in the body: its line 1 is the opening bracket, so body line i is line i + 2. */
export function bodyPosition(start: { line: number; column: number }): BodyPosition {
  return { line: start.line - 2, column: start.column - 1 };
}

/** A member's key as written, quoted or not. */
export function keyName(node: AnyNode): string {
  return node.type === "String" ? node.value : node.type === "Identifier" ? node.name : "";
}

/** The string under the first of `keys` that an object entry has (its `id`, say). */
export function objectId(node: AnyNode, ...keys: string[]): string | undefined {
  if (node.type !== "Object") return undefined;
  for (const key of keys) {
    const value = node.members.find((m) => keyName(m.name) === key)?.value;
    if (value?.type === "String") return value.value;
  }
  return undefined;
}
