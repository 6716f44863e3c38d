// Validated catalog + zod schemas -> the JSON Schemas editors use.
// z.toJSONSchema (zod 4's own converter) produces the shapes; this module adds
// what editors need on top: markdown descriptions and model-ref completions.
import { z } from "zod";
import { Catalog as CatalogSchema } from "../../schema/catalog.ts";
import { ENV_PLACEHOLDER, INCLUDE_KEY, providerIds } from "../../schema/host.ts";
import { BUILT_IN_PROVIDER_IDS, Config, MODEL_REF_COMPLETION } from "../../schema/config.ts";
import { thousands } from "../lib/thousands.ts";
import { allModels, isActive, type Catalog } from "../catalog/model.ts";
import { anyCase, caseRuleUnlessOwnModels, MODEL_ID_CASE_REF, modelIdCaseDefinition } from "./model-id-case.ts";

type JsonSchema = Record<string, unknown>;

export interface ModelRefCompletion {
  ref: string;
  name: string;
  description: string;
}

/** How both schemas are converted: what a user writes, in the draft VS Code supports fully. */
const CONVERSION = { io: "input", target: "draft-07" } as const;

export function catalogJsonSchema(): JsonSchema {
  return finish(catalogShape(), "Model catalog", []);
}

export function configJsonSchema(catalog: Catalog): JsonSchema {
  const schema = finish(configShape(), "Assistant configuration", modelRefCompletions(catalog));
  builtInProvidersInAnyCase(schema);
  allowPlaceholders(schema);
  allowIncludes(schema, definitionsOf(schema));
  schema.definitions = {
    ...(schema.definitions as object | undefined),
    include: INCLUDE,
    includeOnly: INCLUDE_ONLY,
    placeholder: PLACEHOLDER,
    modelIdCase: modelIdCaseDefinition(catalog),
  };
  caseRuleUnlessOwnModels(schema, catalog);
  return schema;
}

let configShapeCache: JsonSchema | undefined;
let catalogShapeCache: JsonSchema | undefined;

/**
 * The config schema as zod converts it, before editor decorations. Callers must not
 * change it; `finish` works on a copy.
 */
export function configShape(): JsonSchema {
  configShapeCache ??= z.toJSONSchema(Config, CONVERSION) as JsonSchema;
  return configShapeCache;
}

export function catalogShape(): JsonSchema {
  catalogShapeCache ??= z.toJSONSchema(CatalogSchema, CONVERSION) as JsonSchema;
  return catalogShapeCache;
}

/**
 * Current models only: editors should not suggest what can no longer be used. A
 * provider known by several ids (`kimi`, `kimi-code`, ...) is offered under each.
 */
export function modelRefCompletions(catalog: Catalog): ModelRefCompletion[] {
  return allModels(catalog)
    .filter(({ model }) => isActive(model))
    .flatMap(({ provider, model }) =>
      providerIds(provider).map((id) => {
        const aliasOf = id === provider.id ? "" : `, alias of \`${provider.id}\``;
        return {
          ref: `${id}/${model.id}`,
          name: model.name,
          description: `${model.name} (${provider.name}${aliasOf}): ${thousands(model.contextWindow)} tokens context, ${thousands(model.maxTokens)} max output`,
        };
      }),
    );
}

/**
 * In a discriminated union (`oneOf` of objects told apart by one constant key, such as
 * a secret reference's `source`), VS Code would answer a wrong discriminator with the
 * nearest branch's constant alone ("Value must be \"env\"."); name every value instead.
 */
function nameEveryDiscriminatorValue(schema: JsonSchema): void {
  const branches = schema.oneOf ?? schema.anyOf;
  if (!Array.isArray(branches) || branches.length < 2) return;
  const propertiesOf = (branch: unknown) => ((branch as JsonSchema | null)?.properties ?? undefined) as Record<string, JsonSchema> | undefined;
  const first = propertiesOf(branches[0]);
  const key = Object.keys(first ?? {}).find((k) => branches.every((b) => propertiesOf(b)?.[k]?.const !== undefined));
  if (key === undefined) return;
  const values = branches.map((b) => JSON.stringify(propertiesOf(b)![key]!.const)).join(", ");
  for (const branch of branches) propertiesOf(branch)![key]!.errorMessage = `Must be one of ${values}.`;
}

/**
 * The host trims provider ids and compares them in lower case, so `OpenRouter` is its built-in
 * `openrouter`, which needs no `baseUrl` or `models`. Keys that the pattern matches are no longer
 * judged by `additionalProperties` (the schema of a provider of the file's own).
 */
function builtInProvidersInAnyCase(schema: JsonSchema): void {
  const providers = valueAtPath(schema, ["properties", "models", "properties", "providers"]);
  if (!providers) throw new Error("the config schema has no models.providers object");
  // The ids as written are left to `properties`, so no key is matched by both (strict validators refuse that).
  const exact = BUILT_IN_PROVIDER_IDS.map((id) => id.replace(/[.]/g, "\\.")).join("|");
  const pattern = `^(?!(?:${exact})$)\\s*(?:${BUILT_IN_PROVIDER_IDS.map(anyCase).join("|")})\\s*$`;
  providers.patternProperties = { [pattern]: { $ref: "#/definitions/BuiltInProviderOverride" } };
}

function valueAtPath(schema: JsonSchema, path: readonly string[]): JsonSchema | undefined {
  let node: unknown = schema;
  for (const key of path) node = node !== null && typeof node === "object" ? (node as JsonSchema)[key] : undefined;
  return node !== null && typeof node === "object" ? (node as JsonSchema) : undefined;
}

const INCLUDE: JsonSchema = {
  // An empty list is valid: the host merges nothing (src/config/includes.ts reduces the list from `{}`).
  anyOf: [{ type: "string", minLength: 1 }, { type: "array", items: { type: "string", minLength: 1 } }],
  description: "Files merged into this object before the config is validated: a path, or a list of paths.",
  markdownDescription: "Files merged into this object before the config is validated: a path, or a list of paths.",
};

/**
 * A string with a `${VAR}` (or `${VAR:-fallback}`) placeholder the host substitutes, not after another `$`
 * (`$${VAR}` is the literal text), as scripts/validate/env-placeholders.ts reads it.
 */
const PLACEHOLDER: JsonSchema = {
  type: "string",
  pattern: `(?:^|[^$])${ENV_PLACEHOLDER}`,
  patternErrorMessage: "Must hold a `${ENV_VAR}` placeholder.",
  description: "A `${ENV_VAR}` placeholder, substituted before the config is validated.",
  markdownDescription: "A `${ENV_VAR}` placeholder, substituted before the config is validated.",
};

/**
 * The host substitutes `${VAR}` in every string value before it validates (see scripts/validate/check-config.ts),
 * so a string value limited to some choices or to a pattern also takes a placeholder; the choices stay the first
 * branch, which editors complete and name in their messages. Keys are not substituted, nor are the constants that
 * tell the branches of a union apart; a pattern that already takes placeholders (`baseUrl`) stays as it is.
 */
function allowPlaceholders(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) allowPlaceholders(item);
    return;
  }
  if (node === null || typeof node !== "object") return;
  const schema = node as JsonSchema;
  for (const [key, value] of Object.entries(schema)) if (key !== "propertyNames") allowPlaceholders(value);
  const limited = Array.isArray(schema.enum) || (typeof schema.pattern === "string" && !schema.pattern.includes(String.raw`\$\{`));
  if (schema.type !== "string" || !limited || schema.const !== undefined) return;
  const { description, markdownDescription, ...rest } = schema;
  for (const key of Object.keys(schema)) delete schema[key];
  Object.assign(schema, {
    anyOf: [rest, { $ref: "#/definitions/placeholder" }],
    ...(description === undefined ? {} : { description }),
    ...(markdownDescription === undefined ? {} : { markdownDescription }),
  });
}

/**
 * An object holding `$include` and nothing else, which the host replaces by the included content as it is
 * (a list, a string, ...): it may stand where any value goes. Not offered as a completion.
 */
const INCLUDE_ONLY_REF = "#/definitions/includeOnly";

const INCLUDE_ONLY: JsonSchema = {
  type: "object",
  properties: { [INCLUDE_KEY]: { $ref: "#/definitions/include" } },
  required: [INCLUDE_KEY],
  additionalProperties: false,
  doNotSuggest: true,
  description: "The content of the files named by `$include`, in place of this value.",
  markdownDescription: "The content of the files named by `$include`, in place of this value.",
};

function definitionsOf(schema: JsonSchema): Record<string, JsonSchema> {
  return (schema.definitions ?? {}) as Record<string, JsonSchema>;
}

/** The definition a value schema only points to (`$ref`, or zod's `allOf: [{ $ref }]` beside a description). */
function referenced(schema: JsonSchema): string | undefined {
  const { description: _d, markdownDescription: _m, ...rest } = schema;
  const keys = Object.keys(rest);
  const only = keys.length === 1 && keys[0] === "allOf" && Array.isArray(rest.allOf) && rest.allOf.length === 1 ? (rest.allOf[0] as JsonSchema) : schema;
  return typeof only.$ref === "string" ? /^#\/definitions\/(.+)$/.exec(only.$ref)?.[1] : undefined;
}

/** Whether a value schema accepts objects only (after one `$ref`): those take `$include` themselves. */
function isObjectSchema(schema: JsonSchema, definitions: Record<string, JsonSchema>): boolean {
  const ref = referenced(schema);
  const target = ref === undefined ? schema : definitions[ref];
  return target?.type === "object";
}

/**
 * A value schema that also takes an object holding `$include` alone. A union gets it as one more branch,
 * any other schema as an `anyOf` around it, with the descriptions at the top, where hovers read them.
 * A `$ref` is left as it is: the definition it names takes the object itself.
 */
function orIncludeOnly(value: unknown, definitions: Record<string, JsonSchema>): unknown {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  const schema = value as JsonSchema;
  // A constant tells the branches of a union apart (a secret reference's `source`): VS Code finds the branch by it, so it stays bare.
  if (Object.keys(schema).length === 0 || schema.const !== undefined || referenced(schema) !== undefined || isObjectSchema(schema, definitions)) return value;
  if (Array.isArray(schema.anyOf) && schema.type === undefined) {
    if (!schema.anyOf.some((branch) => (branch as JsonSchema).$ref === INCLUDE_ONLY_REF)) schema.anyOf.push({ $ref: INCLUDE_ONLY_REF });
    return schema;
  }
  const { description, markdownDescription } = schema;
  return {
    anyOf: [schema, { $ref: INCLUDE_ONLY_REF }],
    ...(description === undefined ? {} : { description }),
    ...(markdownDescription === undefined ? {} : { markdownDescription }),
  };
}

/**
 * The host merges the files an object names in `$include` before it validates (see
 * scripts/validate/includes.ts): every object may hold the key, and one that does
 * need not hold its required keys itself; one that holds nothing else may stand for any
 * value, since the host puts the included content in its place as it is.
 */
function allowIncludes(node: unknown, definitions: Record<string, JsonSchema>): void {
  if (Array.isArray(node)) {
    for (const item of node) allowIncludes(item, definitions);
    return;
  }
  if (node === null || typeof node !== "object") return;
  const schema = node as JsonSchema;
  for (const value of Object.values(schema)) allowIncludes(value, definitions);
  anyOfUnion(schema);
  if (schema.definitions === definitions) {
    for (const [name, definition] of Object.entries(definitions)) definitions[name] = orIncludeOnly(definition, definitions) as JsonSchema;
  }
  if (schema.items !== undefined && !Array.isArray(schema.items)) schema.items = orIncludeOnly(schema.items, definitions);
  if (schema.additionalProperties !== undefined) schema.additionalProperties = orIncludeOnly(schema.additionalProperties, definitions);
  for (const key of ["properties", "patternProperties"] as const) {
    const values = schema[key] as Record<string, unknown> | undefined;
    if (values) for (const [name, value] of Object.entries(values)) values[name] = orIncludeOnly(value, definitions);
  }
  if (schema.type !== "object") return;
  const { description, markdownDescription } = INCLUDE;
  schema.properties = { ...(schema.properties as object | undefined), [INCLUDE_KEY]: { $ref: "#/definitions/include", description, markdownDescription } };
  // As `if`/`else`, not `anyOf`: a key that breaks the names' rule is told that rule, not that it is not `$include`.
  if (schema.propertyNames !== undefined) schema.propertyNames = { if: { const: INCLUDE_KEY }, else: schema.propertyNames };
  const required = schema.required as string[] | undefined;
  if (required?.length) {
    delete schema.required;
    schema.if = { required: [INCLUDE_KEY] };
    schema.else = { required };
  }
}

/**
 * zod writes a discriminated union (a proxy's `mode`, a secret reference's `source`) as `oneOf`. Its branches
 * are told apart by a key that an object holding `$include` need not hold, as the included file may give it:
 * beside keys several branches share (`{ $include, tls }`), more than one then matches, which `oneOf` calls an
 * error. As `anyOf` it is none; where the key is written, at most one branch matches, so nothing else changes.
 */
function anyOfUnion(schema: JsonSchema): void {
  if (!Array.isArray(schema.oneOf)) return;
  const entries = Object.entries(schema).map(([key, value]) => [key === "oneOf" ? "anyOf" : key, value] as const);
  for (const key of Object.keys(schema)) delete schema[key];
  Object.assign(schema, Object.fromEntries(entries));
}

/** Serialized the same way every time: stable key order, two-space indent, final newline. */
export function serializeSchema(schema: JsonSchema): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

function finish(shape: JsonSchema, title: string, refs: ModelRefCompletion[]): JsonSchema {
  const { $schema, ...rest } = structuredClone(shape);
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
  nameEveryDiscriminatorValue(schema);

  // Record keys that are model refs: each catalog ref becomes a known, never required,
  // property (key completion shows `completionDetail`); other keys stay allowed.
  const names = schema.propertyNames as JsonSchema | undefined;
  if (names?.[MODEL_REF_COMPLETION] && schema.additionalProperties && typeof schema.additionalProperties === "object") {
    delete names[MODEL_REF_COMPLETION];
    if (refs.length > 0) names.allOf = [...((names.allOf as unknown[] | undefined) ?? []), { $ref: MODEL_ID_CASE_REF }];
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
      // Beside the choices, not in a branch of them: editors then name this rule, not the list of choices, when it fails.
      schema.allOf = [...((schema.allOf as unknown[] | undefined) ?? []), { $ref: MODEL_ID_CASE_REF }];
    }
  }
  if (typeof schema.description === "string" && schema.markdownDescription === undefined) {
    schema.markdownDescription = schema.description;
  }
  for (const value of Object.values(schema)) decorate(value, refs);
}
