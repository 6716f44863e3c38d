// What a JSON Schema allows at a JSON path: the keys of the object found there, and
// what the schema says of the value.
// Used for did-you-mean suggestions on unknown keys, so the candidates always come
// from the schema itself (as zod's public z.toJSONSchema describes it), never from
// a hand-kept list.
import type { JsonPath } from "./json-source.ts";

type Schema = { [key: string]: unknown };

/** Keys of every object schema the value at `path` may be checked against (unions give several). */
export function objectKeysAt(root: Schema, path: JsonPath): string[] {
  const keys = new Set<string>();
  for (const node of schemasAt(root, path)) {
    if (node.type === "object") Object.keys((node.properties ?? {}) as Schema).forEach((key) => keys.add(key));
  }
  return [...keys];
}

/** The first description the schema gives the value at `path`. */
export function descriptionAt(root: Schema, path: JsonPath): string | undefined {
  return schemasAt(root, path).find((node) => typeof node.description === "string")?.description as string | undefined;
}

/**
 * The `deprecationMessage` the schema gives the value at `path`: undefined when it gives none, null when no schema
 * node describes the path at all (so nothing below it can be marked either).
 */
export function deprecationAt(root: Schema, path: JsonPath): string | undefined | null {
  const nodes = schemasAt(root, path);
  if (nodes.length === 0) return null;
  return nodes.find((node) => typeof node.deprecationMessage === "string")?.deprecationMessage as string | undefined;
}

/** Every schema node that applies to the value at `path`, outermost first. */
function schemasAt(root: Schema, path: JsonPath): Schema[] {
  const found: Schema[] = [];
  collect(root, root, path, found, 0);
  return found;
}

function collect(root: Schema, schema: unknown, path: JsonPath, found: Schema[], depth: number): void {
  if (depth > 64 || typeof schema !== "object" || schema === null) return;
  const node = schema as Schema;
  const next = (child: unknown, rest: JsonPath) => collect(root, child, rest, found, depth + 1);
  if (path.length === 0) found.push(node);
  if (typeof node.$ref === "string") next(resolve(root, node.$ref), path);
  for (const combinator of ["anyOf", "oneOf", "allOf"]) {
    if (Array.isArray(node[combinator])) for (const option of node[combinator]) next(option, path);
  }
  const properties = (node.properties ?? {}) as Schema;
  const [head, ...rest] = path;
  if (head === undefined) return;
  if (typeof head === "string" && Object.hasOwn(properties, head)) next(properties[head], rest);
  else if (typeof head === "string" && typeof node.additionalProperties === "object") next(node.additionalProperties, rest);
  else if (typeof head === "number" && Array.isArray(node.items)) next(node.items[head], rest);
  else if (typeof head === "number") next(node.items, rest);
}

/** `#/definitions/name` (draft-07) or `#/$defs/name`. */
function resolve(root: Schema, ref: string): unknown {
  if (!ref.startsWith("#/")) return undefined;
  return ref
    .slice(2)
    .split("/")
    .reduce<unknown>((node, part) => (typeof node === "object" && node !== null ? (node as Schema)[part] : undefined), root);
}
