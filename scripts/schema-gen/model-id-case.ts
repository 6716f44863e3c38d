// The rule that a model id keeps its case, for editors: the host compares provider ids in
// lower case but model ids as written (its model registry's `find`), so `moonshot/Kimi-K2.6`
// names no model, while `Moonshot/kimi-k2.6` does. validate says the same
// (scripts/validate/model-refs.ts).
import { providerIds } from "../../schema/host.ts";
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
