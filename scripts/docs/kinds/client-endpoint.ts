// Which of a provider's endpoints a client tool should use: the one that names the
// client in `clients`, else the first that speaks the protocol the tool speaks.
import type { ProviderData } from "../../catalog/model.ts";

type Endpoint = ProviderData["endpoints"][number];

export function endpointFor(provider: ProviderData, client: string, api: Endpoint["api"]): Endpoint | { error: string } {
  const endpoint =
    provider.endpoints.find((e) => e.api === api && e.clients?.includes(client)) ?? provider.endpoints.find((e) => e.api === api);
  return endpoint ?? { error: `provider "${provider.id}" has no ${api} endpoint for ${client}; add one to the catalog` };
}
