// Keys that people added by hand to the entries of a generated JSON5 region, such
// as `thinkingLevelMap` in a `-models` entry. `gen` replaces a region's entries,
// so such a key would be lost; the run names each one, with the catalog field that
// would keep it, instead of dropping it without a word.
//
// A key counts as hand-written when no entry the kind renders, for any model of
// the provider, has a key at the same path.
import { parse, type AnyNode } from "@humanwhocodes/momoa";
import type { BodyPosition } from "./kinds/kind.ts";

export interface KeyUse {
  /** Dotted path inside the entry, e.g. `thinkingLevelMap` or `cost.tier`. */
  path: string;
  at: BodyPosition;
}

/** Known host keys and the catalog facts they come from. */
const CATALOG_FIELDS: Readonly<Record<string, string>> = {
  thinkingLevelMap: "the model's reasoning effort levels",
  contextTokens: "the model's context window",
  params: "the model's request parameters",
  tieredPricing: "the model's price tiers",
};

export function catalogFieldFor(path: string): string {
  return CATALOG_FIELDS[path.split(".")[0]!] ?? `a field of the model for \`${path}\``;
}

/**
 * Key paths inside the entries of a region body (lines of an array's elements or
 * an object's members). Undefined when the body does not parse: the JSON checks
 * report that.
 */
export function entryKeys(body: readonly string[]): KeyUse[] | undefined {
  for (const [open, close, members] of [["[", "]", "elements"], ["{", "}", "members"]] as const) {
    let root: AnyNode;
    try {
      root = parse(`${open}\n${body.join("\n")}\n${close}`, { mode: "json5", allowTrailingCommas: true }).body;
    } catch {
      continue;
    }
    const uses: KeyUse[] = [];
    const entries = members === "elements" ? (root as { elements?: Array<{ value: AnyNode }> }).elements ?? [] : [];
    const properties = members === "members" ? (root as { members?: Array<{ value: AnyNode }> }).members ?? [] : [];
    for (const entry of [...entries, ...properties]) collect(entry.value, [], uses);
    return uses;
  }
  return undefined;
}

function collect(node: AnyNode, path: string[], out: KeyUse[]): void {
  if (node.type === "Array") {
    for (const element of node.elements) collect(element.value, path, out);
    return;
  }
  if (node.type !== "Object") return;
  for (const member of node.members) {
    const name = member.name.type === "String" ? member.name.value : member.name.type === "Identifier" ? member.name.name : String(member.name);
    const keyPath = [...path, name];
    // Line 1 of the parsed text is the opening bracket: body line i is line i + 2.
    out.push({ path: keyPath.join("."), at: { line: member.name.loc.start.line - 2, column: member.name.loc.start.column - 1 } });
    collect(member.value, keyPath, out);
  }
}
