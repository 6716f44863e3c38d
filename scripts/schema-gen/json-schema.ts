// Validated catalog + zod schemas -> the JSON Schemas editors use.
// z.toJSONSchema (zod 4's own converter) produces the shapes; this module adds
// what editors need on top: markdown descriptions and model-ref completions.
import { z } from "zod";
import { Catalog as CatalogSchema } from "../../schema/catalog.ts";
import { Config, MODEL_REF_COMPLETION } from "../../schema/config.ts";
import { allModels, isActive, type Catalog } from "../catalog/model.ts";

type JsonSchema = Record<string, unknown>;

export const CATALOG_SCHEMA_FILE = "catalog.schema.json";
export const CONFIG_SCHEMA_FILE = "config.schema.json";

export interface ModelRefCompletion {
  ref: string;
  name: string;
  description: string;
}

export function catalogJsonSchema(): JsonSchema {
  return finish(z.toJSONSchema(CatalogSchema, { io: "input", target: "draft-07" }) as JsonSchema, "Model catalog", []);
}

export function configJsonSchema(catalog: Catalog): JsonSchema {
  const schema = z.toJSONSchema(Config, { io: "input", target: "draft-07" }) as JsonSchema;
  return finish(schema, "Assistant configuration", modelRefCompletions(catalog));
}

/** Current models only: editors should not suggest what can no longer be used. */
export function modelRefCompletions(catalog: Catalog): ModelRefCompletion[] {
  return allModels(catalog)
    .filter(({ model }) => isActive(model))
    .map(({ ref, provider, model }) => ({
      ref,
      name: model.name,
      description: `${model.name} (${provider.name}): ${model.contextWindow.toLocaleString("en-US")} tokens context, ${model.maxTokens.toLocaleString("en-US")} max output`,
    }));
}

/** Serialized the same way every time: stable key order, two-space indent, final newline. */
export function serializeSchema(schema: JsonSchema): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

function finish(schema: JsonSchema, title: string, refs: ModelRefCompletion[]): JsonSchema {
  const { $schema, ...rest } = schema;
  const out: JsonSchema = { $schema, title, ...rest, allowComments: true, allowTrailingCommas: true };
  decorate(out, refs);
  return out;
}

function decorate(node: unknown, refs: ModelRefCompletion[]): void {
  if (Array.isArray(node)) {
    for (const item of node) decorate(item, refs);
    return;
  }
  if (node === null || typeof node !== "object") return;
  const schema = node as JsonSchema;

  // Record keys that are model refs: offer each catalog ref as a known property.
  const names = schema.propertyNames as JsonSchema | undefined;
  if (names?.[MODEL_REF_COMPLETION] && schema.additionalProperties && typeof schema.additionalProperties === "object") {
    const entry = schema.additionalProperties as JsonSchema;
    schema.properties = Object.fromEntries(
      refs.map((r) => [r.ref, { ...structuredClone(entry), description: r.description, markdownDescription: r.description }]),
    );
  }
  // Ref values: suggested, never enforced, so refs outside the catalog stay valid.
  if (schema[MODEL_REF_COMPLETION]) {
    delete schema[MODEL_REF_COMPLETION];
    schema.examples = refs.map((r) => r.ref);
    schema.defaultSnippets = refs.map((r) => ({ label: r.ref, description: r.description, body: r.ref }));
  }
  if (typeof schema.description === "string" && schema.markdownDescription === undefined) {
    schema.markdownDescription = schema.description;
  }
  for (const value of Object.values(schema)) decorate(value, refs);
}
