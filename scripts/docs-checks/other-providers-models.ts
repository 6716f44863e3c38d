// Where a config example in a doc lists the models of a provider that is not one of
// the catalog's (`providers: { "kimi-proxy": { models: [{ id: "kimi-k2.5" }] } }`): a
// model id there names that provider's model, even when it is spelt like a catalog
// model's. Found by parsing the doc's JSON code blocks; a block that is a fragment
// (`models: { … }` without the outer braces) is read as the object it stands in.
import { parse, type AnyNode } from "@humanwhocodes/momoa";
import { bracketPastDepthLimit } from "../lib/json-depth.ts";
import { memberName } from "../lib/json-source.ts";
import { BLOCK_READINGS } from "./json-fragments.ts";
import type { CodeBlock } from "./mdx.ts";
import type { TextPosition } from "./text-position.ts";

/** From the first character to the last of a string, in doc positions. */
export interface TextRange {
  from: TextPosition;
  to: TextPosition;
}

/**
 * The strings inside each entry of `providers.<id>.models` whose provider id, read
 * as the host reads it (trimmed, in lower case), is none of `catalogProviders`.
 */
export function otherProvidersModelStrings(blocks: readonly CodeBlock[], catalogProviders: ReadonlySet<string>): TextRange[] {
  const ranges: TextRange[] = [];
  for (const block of blocks) {
    const parsed = parseBlock(block.value);
    if (!parsed) continue;
    const toDoc = (at: { line: number; column: number }) => ({ line: block.firstLine + at.line - 1 - parsed.linesAdded, column: at.column + block.indent });
    for (const node of modelEntryStrings(parsed.root, catalogProviders)) ranges.push({ from: toDoc(node.loc.start), to: toDoc(node.loc.end) });
  }
  return ranges;
}

export function isInside(at: TextPosition, range: TextRange): boolean {
  const after = (a: TextPosition, b: TextPosition) => a.line > b.line || (a.line === b.line && a.column > b.column);
  return after(at, range.from) && after(range.to, at);
}

/** The block's value, or, for a fragment, the object it is the inside of; nothing when neither parses. */
function parseBlock(text: string): { root: AnyNode; linesAdded: number } | undefined {
  for (const { source, linesAdded } of BLOCK_READINGS.map((reading) => reading(text))) {
    if (bracketPastDepthLimit(source) !== undefined) return undefined;
    try {
      return { root: parse(source, { mode: "json5", allowTrailingCommas: true, ranges: false, tokens: false }).body, linesAdded };
    } catch {
      // Not this reading.
    }
  }
  return undefined;
}

function* modelEntryStrings(root: AnyNode, catalogProviders: ReadonlySet<string>): Generator<AnyNode> {
  const pending: AnyNode[] = [root];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (node.type === "Array") for (const element of node.elements) pending.push(element.value);
    if (node.type !== "Object") continue;
    for (const member of node.members) {
      pending.push(member.value);
      if (memberName(member.name) !== "providers" || member.value.type !== "Object") continue;
      for (const provider of member.value.members) {
        if (catalogProviders.has(memberName(provider.name).trim().toLowerCase()) || provider.value.type !== "Object") continue;
        const models = provider.value.members.findLast((m) => memberName(m.name) === "models")?.value;
        if (models?.type === "Array") for (const entry of models.elements) yield* stringsIn(entry.value);
      }
    }
  }
}

function* stringsIn(root: AnyNode): Generator<AnyNode> {
  const pending: AnyNode[] = [root];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (node.type === "String") yield node;
    else if (node.type === "Array") for (const element of node.elements) pending.push(element.value);
    else if (node.type === "Object") for (const member of node.members) pending.push(member.value);
  }
}
