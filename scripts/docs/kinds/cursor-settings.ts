// `<group>-cursor-settings`: what to enter in Cursor's model settings for the
// provider's OpenAI-compatible endpoint. The labels are Cursor's own (its
// interface is in English), so the list reads the same in every translation.
import type { RegionKind } from "./kind.ts";
import { endpointFor } from "./client-endpoint.ts";
import { inlineCode } from "./markdown.ts";

export const cursorSettings: RegionKind = {
  suffix: "cursor-settings",
  contexts: ["markdown"],
  render: ({ group, bullet }) => {
    const endpoint = endpointFor(group.provider, "Cursor", "openai-completions");
    if ("error" in endpoint) return endpoint;
    return {
      lines: [
        `${bullet} **Base URL**: ${inlineCode(endpoint.baseUrl)}`,
        `${bullet} **API Key**: ${inlineCode(group.provider.apiKey.placeholder)}`,
        `${bullet} **Model**: ${group.models.map((m) => inlineCode(m.id)).join(", ")}`,
      ],
    };
  },
};
