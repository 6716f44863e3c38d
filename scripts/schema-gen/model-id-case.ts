// The rule that a model id keeps its case, for editors: the host compares provider ids in
// lower case but model ids as written (its model registry's `find`), so `moonshot/Kimi-K2.6`
// names no model, while `Moonshot/kimi-k2.6` does, unless the file defines a model `Kimi-K2.6`
// of its own there. validate says the same (scripts/validate/model-refs.ts).
import { INCLUDE_KEY, providerIds } from "../../schema/host.ts";
import { allModels, type Catalog } from "../catalog/model.ts";

type JsonSchema = Record<string, unknown>;

/** The definition every model ref outside the catalog's list is checked against. */
export const MODEL_ID_CASE_REF = "#/definitions/modelIdCase";

/** A regular expression source matching `text` in any case (JSON Schema patterns take no flags). */
export function anyCase(text: string): string {
  return [...text].map((c) => (/[a-z]/i.test(c) ? `[${c.toUpperCase()}${c.toLowerCase()}]` : c.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&"))).join("");
}

const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/**
 * One refusal per catalog model and id its provider answers to: a ref under that id (in any case, trimmed as the
 * host trims it) whose model id is the model's in another case, with the ref to write instead.
 */
export function modelIdCaseDefinition(catalog: Catalog): JsonSchema {
  const refusals = allModels(catalog).flatMap(({ provider, model }) =>
    providerIds(provider).map((id) => {
      const pattern = `^\\s*${anyCase(id)}\\s*/\\s*(?!${literal(model.id)}\\s*$)${anyCase(model.id)}\\s*$`;
      return { not: { type: "string", pattern, patternErrorMessage: "A model id in another case." }, errorMessage: `Model ids are case-sensitive: write "${id}/${model.id}".` };
    }),
  );
  const description = "A model ref whose model id keeps the case the provider gives it.";
  return { allOf: refusals, description, markdownDescription: description };
}

/**
 * Whether the file defines a model of its own whose id is a catalog model's in another case, under that catalog
 * provider (any id it answers to, in any case): the host adds a file's models to its registry as written, so a ref
 * to `moonshot/Kimi-K2.6` then names the file's model, which validate (scripts/validate/model-refs.ts) accepts.
 * An `$include` on the way to a provider's models may bring such a model from a file editors do not read: then the
 * rule is left to validate, which follows includes. "Some key matching the provider holds such a model" is written
 * as "not every such key lacks one", because `patternProperties` alone also holds when no key matches.
 */
function ownModelInOtherCase(catalog: Catalog): JsonSchema {
  const included = { type: "object", required: [INCLUDE_KEY] };
  const byProvider = catalog.providers.map((provider) => {
    const ids = provider.models.map((model) => `(?!${literal(model.id)}\\s*$)${anyCase(model.id)}`);
    const id = { type: "string", pattern: `^\\s*(?:${ids.join("|")})\\s*$`, patternErrorMessage: "Not a catalog model's id in another case." };
    const models = { anyOf: [included, { type: "array", contains: { type: "object", required: ["id"], properties: { id } } }] };
    const entry = { anyOf: [included, { type: "object", required: ["models"], properties: { models } }] };
    const keys = `^\\s*(?:${providerIds(provider).map(anyCase).join("|")})\\s*$`;
    const providers = { anyOf: [included, { type: "object", not: { patternProperties: { [keys]: { not: entry } } } }] };
    return { type: "object", required: ["models"], properties: { models: { anyOf: [included, { type: "object", required: ["providers"], properties: { providers } }] } } };
  });
  return { anyOf: [included, ...byProvider] };
}

const isSchema = (value: unknown): value is JsonSchema => value !== null && typeof value === "object" && !Array.isArray(value);

/**
 * The case rule reads the whole file (whether it defines a model of that id itself), which a check beside each ref
 * cannot: so each ref's check moves into one copy of the schema's paths to the refs, applied from the root unless
 * the file defines such a model. The copy keeps each step's `type` and, in a union, every other branch as it is, so
 * that a value is checked in the branch the full schema takes it by. Definitions on the way are copied once each,
 * as `<name>ModelIdCase`.
 */
export function caseRuleUnlessOwnModels(schema: JsonSchema, catalog: Catalog): void {
  const definitions = schema.definitions as Record<string, JsonSchema>;
  const copies: Record<string, JsonSchema> = {};
  const done = new Map<string, boolean>();
  const isRule = (node: unknown) => isSchema(node) && node.$ref === MODEL_ID_CASE_REF;

  const pathsToRule = (node: unknown): JsonSchema | undefined => {
    if (!isSchema(node)) return undefined;
    if (isRule(node)) return { $ref: MODEL_ID_CASE_REF };
    const copy: JsonSchema = {};
    const definition = typeof node.$ref === "string" ? /^#\/definitions\/(.+)$/.exec(node.$ref)?.[1] : undefined;
    if (definition !== undefined) {
      // A definition being copied that refers to itself holds no ref of its own on that path.
      if (!done.has(definition)) {
        done.set(definition, false);
        const inner = pathsToRule(definitions[definition]);
        done.set(definition, inner !== undefined);
        if (inner) copies[`${definition}ModelIdCase`] = inner;
      }
      if (done.get(definition)) copy.$ref = `#/definitions/${definition}ModelIdCase`;
    }
    for (const key of ["properties", "patternProperties"] as const) {
      const members = isSchema(node[key]) ? Object.entries(node[key]).flatMap(([name, value]) => { const kept = pathsToRule(value); return kept ? [[name, kept] as const] : []; }) : [];
      if (members.length > 0) copy[key] = Object.fromEntries(members);
    }
    for (const key of ["additionalProperties", "items", "propertyNames", "then", "else"] as const) {
      const kept = pathsToRule(node[key]);
      if (kept) copy[key] = kept;
    }
    if ((copy.then || copy.else) && node.if !== undefined) copy.if = node.if;
    if (Array.isArray(node.allOf)) {
      const kept = node.allOf.flatMap((branch) => pathsToRule(branch) ?? []);
      if (kept.length > 0) copy.allOf = kept;
    }
    for (const key of ["anyOf", "oneOf"] as const) {
      const branches = node[key];
      if (!Array.isArray(branches)) continue;
      const kept = branches.map((branch) => pathsToRule(branch));
      if (kept.some(Boolean)) copy.anyOf = [...((copy.anyOf as unknown[] | undefined) ?? []), ...kept.map((k, i) => k ?? branches[i])];
    }
    if (Object.keys(copy).length === 0) return undefined;
    if (node.type !== undefined) copy.type = node.type;
    return copy;
  };

  const paths = pathsToRule(schema);
  const strip = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(strip);
    if (!isSchema(node)) return;
    if (Array.isArray(node.allOf)) {
      node.allOf = node.allOf.filter((branch) => !isRule(branch));
      if ((node.allOf as unknown[]).length === 0) delete node.allOf;
    }
    for (const value of Object.values(node)) strip(value);
  };
  strip(schema);
  if (!paths) return;
  Object.assign(definitions, copies);
  schema.allOf = [...((schema.allOf as unknown[] | undefined) ?? []), { if: ownModelInOtherCase(catalog), else: paths }];
}
