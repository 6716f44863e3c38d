// What a zod schema allows at a JSON path: the keys of the object found there.
// Used for did-you-mean suggestions on unknown keys, so the candidates always
// come from the schema itself and never from a hand-kept list.
import type { z } from "zod";
import type { JsonPath } from "./json-source.ts";

/** The parts of zod's internal definitions this walk reads. */
interface Def {
  type: string;
  innerType?: z.core.$ZodType;
  in?: z.core.$ZodType;
  getter?: () => z.core.$ZodType;
  options?: readonly z.core.$ZodType[];
  left?: z.core.$ZodType;
  right?: z.core.$ZodType;
  shape?: Record<string, z.core.$ZodType>;
  valueType?: z.core.$ZodType;
  element?: z.core.$ZodType;
}

/** Keys of every object schema the value at `path` may be checked against (unions give several). */
export function objectKeysAt(schema: z.core.$ZodType, path: JsonPath): string[] {
  const keys = new Set<string>();
  collect(schema, path, keys, 0);
  return [...keys];
}

const WRAPPERS = new Set(["optional", "nullable", "default", "prefault", "nonoptional", "readonly", "catch"]);

function collect(schema: z.core.$ZodType, path: JsonPath, keys: Set<string>, depth: number): void {
  if (depth > 64) return; // recursive (lazy) schemas
  const def = schema._zod.def as unknown as Def;
  const next = (child: z.core.$ZodType | undefined, rest: JsonPath) => child && collect(child, rest, keys, depth + 1);
  if (WRAPPERS.has(def.type)) return next(def.innerType, path);
  if (def.type === "pipe") return next(def.in, path);
  if (def.type === "lazy") return next(def.getter?.(), path);
  if (def.type === "union") return def.options?.forEach((option) => next(option, path));
  if (def.type === "intersection") {
    next(def.left, path);
    return next(def.right, path);
  }
  const [head, ...rest] = path;
  if (def.type === "object" && def.shape) {
    if (head === undefined) Object.keys(def.shape).forEach((key) => keys.add(key));
    else next(def.shape[String(head)], rest);
  } else if (def.type === "record" && head !== undefined) {
    next(def.valueType, rest);
  } else if (def.type === "array" && typeof head === "number") {
    next(def.element, rest);
  }
}
