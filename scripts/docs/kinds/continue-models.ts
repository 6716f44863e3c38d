// `<group>-continue-models`: entries for the `models` array of Continue's
// `config.json`, one per model, sent to the provider's OpenAI-compatible endpoint
// with the provider's key placeholder and any headers the provider requires.
import { effectiveHeaders, endpointKey } from "../../catalog/model.ts";
import { json5Lines } from "../json5.ts";
import type { RegionKind } from "./kind.ts";
import { endpointFor } from "./client-endpoint.ts";

export const continueModels: RegionKind = {
  suffix: "continue-models",
  listsModels: true,
  contexts: ["code"],
  render: ({ group, json5 }) => {
    const endpoint = endpointFor(group.provider, "Continue", "openai-completions");
    if ("error" in endpoint) return endpoint;
    return {
      entries: group.models.map((model) => {
        const headers = effectiveHeaders(group.provider, model, endpoint);
        return json5Lines(
          {
            title: model.name,
            provider: "openai",
            model: model.id,
            apiBase: endpoint.baseUrl,
            apiKey: endpointKey(group.provider, endpoint).placeholder,
            contextLength: model.contextWindow,
            requestOptions: headers ? { headers } : undefined,
          },
          json5,
        );
      }),
    };
  },
};
