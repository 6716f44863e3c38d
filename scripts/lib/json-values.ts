// Reading parsed JSON values whose shape is not known yet.
import type { JsonPath } from "./json-source.ts";

/** Whether a parsed JSON value is an object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The value at `path` (its own members only), or undefined. */
export function valueAt(input: unknown, path: JsonPath): unknown {
  let node = input;
  for (const segment of path) {
    if (typeof node !== "object" || node === null || !Object.hasOwn(node, segment)) return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

/** Every string in a parsed JSON value, with its path below `path`. */
export function* stringValues(value: unknown, path: JsonPath = []): Generator<{ value: string; path: JsonPath }> {
  if (typeof value === "string") yield { value, path };
  else if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* stringValues(item, [...path, i]);
  else if (isRecord(value)) for (const [key, item] of Object.entries(value)) yield* stringValues(item, [...path, key]);
}
