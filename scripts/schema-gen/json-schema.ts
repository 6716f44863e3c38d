// Validated catalog + zod schemas -> the JSON Schemas editors use.
// z.toJSONSchema (zod 4's own converter) produces the shapes; this module adds
// what editors need on top: markdown descriptions and model-ref completions.
import { z } from "zod";
import { Catalog as CatalogSchema } from "../../schema/catalog.ts";
import { Config, MODEL_REF_COMPLETION } from "../../schema/config.ts";
import { thousands } from "../lib/thousands.ts";
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
  const schema = z.toJSONSchema(CatalogSchema, { io: "input", target: "draft-07", override: patternErrorMessage }) as JsonSchema;
  return finish(schema, "Model catalog", []);
}

export function configJsonSchema(catalog: Catalog): JsonSchema {
  const schema = z.toJSONSchema(Config, { io: "input", target: "draft-07", override: patternErrorMessage }) as JsonSchema;
  return finish(schema, "Assistant configuration", modelRefCompletions(catalog));
}

/**
 * Editors would otherwise answer a pattern mismatch with the raw regex; give them
 * the zod schema's own message for it (`patternErrorMessage`, read by VS Code).
 */
function patternErrorMessage(ctx: { zodSchema: z.core.$ZodType; jsonSchema: JsonSchema }): void {
  type RegexCheck = { _zod: { def: { format?: string; error?: (issue: object) => unknown } } };
  const def = ctx.zodSchema._zod.def as { type: string; checks?: RegexCheck[] };
  if (def.type !== "string" || typeof ctx.jsonSchema.pattern !== "string") return;
  const regexChecks = (def.checks ?? []).filter((check) => check._zod.def.format === "regex");
  const message = regexChecks.length === 1 ? regexChecks[0]?._zod.def.error?.({}) : undefined;
  if (typeof message === "string") ctx.jsonSchema.patternErrorMessage = message.charAt(0).toUpperCase() + message.slice(1) + ".";
}

/** Current models only: editors should not suggest what can no longer be used. */
export function modelRefCompletions(catalog: Catalog): ModelRefCompletion[] {
  return allModels(catalog)
    .filter(({ model }) => isActive(model))
    .map(({ ref, provider, model }) => ({
      ref,
      name: model.name,
      description: `${model.name} (${provider.name}): ${thousands(model.contextWindow)} tokens context, ${thousands(model.maxTokens)} max output`,
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

  // Record keys that are model refs: each catalog ref becomes a known, never required,
  // property (key completion shows `completionDetail`); other keys stay allowed.
  const names = schema.propertyNames as JsonSchema | undefined;
  if (names?.[MODEL_REF_COMPLETION] && schema.additionalProperties && typeof schema.additionalProperties === "object") {
    delete names[MODEL_REF_COMPLETION];
    const entry = schema.additionalProperties as JsonSchema;
    schema.properties = Object.fromEntries(
      refs.map((r) => [
        r.ref,
        { ...structuredClone(entry), description: r.description, markdownDescription: r.description, completionDetail: r.name },
      ]),
    );
  }
  // Ref values: an `anyOf` whose first branch lists the catalog refs (value completion
  // reads `enumDetails` as the item's detail) and whose second accepts any other ref,
  // so the type and pattern beside it stay the only constraints.
  if (schema[MODEL_REF_COMPLETION]) {
    delete schema[MODEL_REF_COMPLETION];
    if (refs.length > 0) {
      schema.anyOf = [
        {
          enum: refs.map((r) => r.ref),
          enumDetails: refs.map((r) => r.name),
          enumDescriptions: refs.map((r) => r.description),
          markdownEnumDescriptions: refs.map((r) => r.description),
        },
        { description: "Any other model ref, e.g. one configured under `models.providers`." },
      ];
    }
  }
  if (typeof schema.description === "string" && schema.markdownDescription === undefined) {
    schema.markdownDescription = schema.description;
  }
  for (const value of Object.values(schema)) decorate(value, refs);
}
