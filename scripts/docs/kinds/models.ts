// `<group>-models`: the group's models as JSON5 objects for a provider's
// `models` array in the config, with the fields the config schema gives them.
import { effectiveCompat, effectiveHeaders, type ModelData, type ProviderData } from "../../catalog/model.ts";
import { json5Lines, type Json5Value } from "../json5.ts";
import type { RegionKind } from "./kind.ts";

/** A catalog model as the config's `models.providers.<id>.models[]` entry. */
export function configModel(provider: ProviderData, model: ModelData): Json5Value {
  const { input, output, cacheRead, cacheWrite } = model.cost;
  return {
    id: model.id,
    name: model.name,
    reasoning: model.reasoning,
    input: [...model.input],
    cost: { input, output, cacheRead, cacheWrite },
    contextWindow: model.contextWindow,
    maxTokens: model.maxTokens,
    headers: effectiveHeaders(provider, model),
    compat: effectiveCompat(provider, model) as Json5Value | undefined,
  };
}

export const models: RegionKind = {
  suffix: "models",
  contexts: ["code"],
  render: ({ group, json5 }) => ({
    entries: group.models.map((model) => json5Lines(configModel(group.provider, model), json5)),
  }),
};
