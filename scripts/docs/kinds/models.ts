// `<group>-models`: the group's models as JSON5 objects for a provider's
// `models` array in the config, with the fields the config schema gives them.
// The config has one `cacheWrite` price: the 5-minute tier of a tiered one. A
// model with reasoning-effort levels gets the host's `thinkingLevelMap`.
import {
  cacheWritePrice,
  effectiveCompat,
  effectiveHeaders,
  thinkingLevelMap,
  type ModelData,
  type ProviderData,
} from "../../catalog/model.ts";
import { json5Lines, type Json5Value } from "../json5.ts";
import type { RegionKind } from "./kind.ts";

/** A catalog model as the config's `models.providers.<id>.models[]` entry. */
export function configModel(provider: ProviderData, model: ModelData): Json5Value {
  const { input, output, cacheRead } = model.cost;
  return {
    id: model.id,
    name: model.name,
    reasoning: model.reasoning !== false, // the host's flag: reasoning that is always on is on
    thinkingLevelMap: thinkingLevelMap(model),
    input: [...model.input],
    cost: { input, output, cacheRead, cacheWrite: cacheWritePrice(model.cost) },
    contextWindow: model.contextWindow,
    maxTokens: model.maxTokens,
    headers: effectiveHeaders(provider, model),
    compat: effectiveCompat(provider, model) as Json5Value | undefined,
  };
}

export const models: RegionKind = {
  suffix: "models",
  listsModels: true,
  contexts: ["code"],
  render: ({ group, json5 }) => ({
    entries: group.models.map((model) => json5Lines(configModel(group.provider, model), json5)),
  }),
};
