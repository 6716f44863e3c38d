// When the catalog's shape has errors, its cross-field rules still run on the parts
// whose shape is sound, so one run reports both kinds of problem. A part is one
// provider, model, doc group or example. A finding that could follow from a part left
// out (a group naming a model that was malformed) is not reported.
import { Catalog as CatalogSchema } from "../../schema/catalog.ts";
import { isRecord } from "../lib/json-values.ts";
import type { JsonPath } from "../lib/json-source.ts";
import { checkCatalogRules, type RuleFinding, type RuleOptions } from "./rules.ts";

const LISTS = ["providers", "docGroups", "examples"] as const;
type List = (typeof LISTS)[number];

/** Rules of a provider that read its other models: dropped when one of its models was left out. */
const READS_OTHER_MODELS = new Set(["catalog/replacement"]);

const isList = (key: unknown): key is List => (LISTS as readonly unknown[]).includes(key);

/** A list's kept items, each with its index in the file, so findings point where it was written. */
interface Kept<T> {
  items: T[];
  indexes: number[];
}

function keep<T>(list: readonly T[], leaveOut: ReadonlySet<number>): Kept<T> {
  const indexes = list.map((_, i) => i).filter((i) => !leaveOut.has(i));
  return { items: indexes.map((i) => list[i]!), indexes };
}

/** Rule findings over the well-formed parts of a catalog whose shape has problems at `shapeProblemPaths`. */
export function rulesOnWellFormedParts(value: unknown, shapeProblemPaths: readonly JsonPath[], options: RuleOptions): RuleFinding[] {
  if (!isRecord(value)) return [];

  const leftOut = new Map<List, Set<number>>(LISTS.map((list) => [list, new Set()]));
  const modelsLeftOut = new Map<number, Set<number>>(); // provider index -> model indexes
  for (const [list, index, key, model] of shapeProblemPaths) {
    if (!isList(list)) continue; // `$schema` or an unknown top-level key: no rule reads it
    if (typeof index !== "number") return []; // the list itself is malformed
    if (list === "providers" && key === "models" && typeof model === "number") {
      modelsLeftOut.set(index, (modelsLeftOut.get(index) ?? new Set()).add(model));
    } else {
      leftOut.get(list)!.add(index);
    }
  }

  const kept = new Map<List, Kept<unknown>>();
  const keptModels = new Map<number, Kept<unknown>>(); // by the provider's index in the file
  for (const list of LISTS) {
    const items = value[list];
    if (items === undefined) continue;
    if (!Array.isArray(items)) return [];
    if (list === "providers") {
      items.forEach((provider, p) => {
        if (leftOut.get(list)!.has(p) || !modelsLeftOut.has(p)) return;
        const models = isRecord(provider) && Array.isArray(provider.models) ? keep(provider.models, modelsLeftOut.get(p)!) : undefined;
        if (models && models.items.length > 0) keptModels.set(p, models);
        else leftOut.get(list)!.add(p);
      });
    }
    kept.set(list, keep(items, leftOut.get(list)!));
  }

  const pruned: Record<string, unknown> = {};
  for (const [list, { items, indexes }] of kept) {
    pruned[list] = list !== "providers" ? items : items.map((provider, k) => {
      const models = keptModels.get(indexes[k]!);
      return models ? { ...(provider as object), models: models.items } : provider;
    });
  }
  const parsed = CatalogSchema.safeParse(pruned);
  if (!parsed.success) return []; // every provider was malformed, say

  const inFile = (path: JsonPath): JsonPath => {
    const [list, index, key, model, ...rest] = path;
    if (!isList(list) || typeof index !== "number") return path;
    const fileIndex = kept.get(list)!.indexes[index]!;
    const models = list === "providers" && key === "models" ? keptModels.get(fileIndex) : undefined;
    if (models && typeof model === "number") return [list, fileIndex, "models", models.indexes[model]!, ...rest];
    return [list, fileIndex, ...path.slice(2)];
  };
  // A doc group's findings may come from a provider left out, or from a model left out of its own provider.
  const providersMissingModels = new Set([...keptModels.keys()].map((p) => (value.providers as Array<{ id: string }>)[p]!.id));
  const groupMayMissModels = (g: number) =>
    leftOut.get("providers")!.size > 0 || providersMissingModels.has((value.docGroups as Array<{ provider: string }>)[g]!.provider);

  return checkCatalogRules(parsed.data, options)
    .map((finding) => ({ ...finding, path: inFile(finding.path), ...(finding.first ? { first: inFile(finding.first) } : {}) }))
    .filter(({ path: [list, index], rule }) => {
      if (list === "providers") return !(READS_OTHER_MODELS.has(rule) && keptModels.has(index as number));
      if (list === "docGroups") return !groupMayMissModels(index as number);
      if (list === "examples") return leftOut.get("docGroups")!.size === 0;
      return true;
    });
}
