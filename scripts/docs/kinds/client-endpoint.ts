// Which of a provider's endpoints a client tool should use: the one that names the
// client in `clients`, else the first that speaks the protocol the tool speaks.
// An endpoint that refuses ordinary clients is never offered: a set-up through it
// could not work.
import type { EndpointData, ProviderData } from "../../catalog/model.ts";

export function endpointFor(provider: ProviderData, client: string, api: EndpointData["api"]): EndpointData | { error: string } {
  const usable = provider.endpoints.filter((e) => e.api === api && !e.refuses);
  const endpoint = usable.find((e) => e.clients?.includes(client)) ?? usable[0];
  if (endpoint) return endpoint;
  const refusing = provider.endpoints.find((e) => e.api === api && e.refuses);
  return {
    error: refusing
      ? `provider "${provider.id}"'s ${api} endpoint refuses clients such as ${client} (HTTP ${refusing.refuses!.status} ${refusing.refuses!.error}); use another provider's group here`
      : `provider "${provider.id}" has no ${api} endpoint for ${client}; add one to the catalog`,
  };
}
