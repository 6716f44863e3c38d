// `<group>-connection`: how a config reaches the provider, as the first entries of
// its `models.providers.<id>` object: the default endpoint's `baseUrl` and `api`,
// and `apiKey` as a `${VAR}` placeholder for the provider's key variable.
import { defaultEndpoint } from "../../catalog/model.ts";
import { json5Property } from "../json5.ts";
import type { RegionKind } from "./kind.ts";

export const connection: RegionKind = {
  suffix: "connection",
  contexts: ["code"],
  render: ({ group, json5 }) => {
    const endpoint = defaultEndpoint(group.provider);
    return {
      entries: [
        json5Property("baseUrl", endpoint.baseUrl, json5),
        json5Property("apiKey", `\${${group.provider.apiKey.env}}`, json5),
        json5Property("api", endpoint.api, json5),
      ],
    };
  },
};
