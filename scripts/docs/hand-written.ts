// Keys that people added by hand to the entries of a generated JSON5 region, such
// as `thinkingLevelMap` in a `-models` entry. `gen` replaces a region's entries,
// so such a key would be lost; the run names each one, with the catalog field that
// would keep it, instead of dropping it without a word.
//
// A key counts as hand-written when the entry the kind renders for the same model
// (matched by the entry's `id`, or its key in an object) has no key at the same
// path — or, for an entry of no catalog model, when no model's entry has one.
import type { AnyNode } from "@humanwhocodes/momoa";
import { bodyPosition, keyName, objectId, parseBodyEntries } from "./body-entries.ts";
import type { BodyPosition } from "./kinds/kind.ts";

export interface KeyUse {
  /** Dotted path inside the entry, e.g. `thinkingLevelMap` or `cost.tier`. */
  path: string;
  at: BodyPosition;
}

export interface EntryKeys {
  /** The entry's `id` (array elements) or its key (object members); undefined when it has none. */
  entry: string | undefined;
  keys: KeyUse[];
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
export function entryKeys(body: readonly string[]): ReadonlyArray<Readonly<EntryKeys>> | undefined {
  const text = body.join("\n");
  if (parsed.has(text)) return parsed.get(text);
  // Bounded: a run over a large tree meets many distinct bodies.
  if (parsed.size >= MAX_REMEMBERED) parsed.clear();
  const keys = parseEntryKeys(text);
  parsed.set(text, keys);
  return keys;
}

/**
 * The key paths of a body depend on its text alone, and the same texts come back on
 * many pages (every region of a provider renders each of its models to compare), so
 * each distinct text is parsed once. Callers only read the result.
 */
const parsed = new Map<string, EntryKeys[] | undefined>();
const MAX_REMEMBERED = 5_000;

function parseEntryKeys(text: string): EntryKeys[] | undefined {
  const body = parseBodyEntries(text);
  if (!body) return undefined;
  if (body.root.type === "Array") return body.root.elements.map(({ value }) => ({ entry: objectId(value, "id"), keys: keysOf(value) }));
  return body.root.members.map((member) => ({ entry: keyName(member.name), keys: keysOf(member.value) }));
}

function keysOf(node: AnyNode): KeyUse[] {
  const uses: KeyUse[] = [];
  collect(node, [], uses);
  return uses;
}

function collect(node: AnyNode, path: string[], out: KeyUse[]): void {
  if (node.type === "Array") {
    for (const element of node.elements) collect(element.value, path, out);
    return;
  }
  if (node.type !== "Object") return;
  for (const member of node.members) {
    const keyPath = [...path, keyName(member.name)];
    out.push({ path: keyPath.join("."), at: bodyPosition(member.name.loc.start) });
    collect(member.value, keyPath, out);
  }
}
