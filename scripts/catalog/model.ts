// The validated catalog as the renderers see it: plain data plus lookups.
import type { CatalogData, CostData, DocGroupData, EndpointData, ModelData, ProviderData } from "../../schema/catalog.ts";
import { THINKING_LEVELS } from "../../schema/host.ts";
import { isFuture } from "../lib/dates.ts";
import type { WordBook } from "./words.ts";

export type { EndpointData, ModelData, ProviderData } from "../../schema/catalog.ts";

export interface ResolvedGroup {
  id: string;
  provider: ProviderData;
  models: ModelData[];
  allowInactive: boolean;
}

export interface Catalog {
  /** The catalog file, as given on the command line. */
  file: string;
  data: CatalogData;
  providers: ProviderData[];
  groups: ResolvedGroup[];
  /** Words of generated text in every language the catalog has (see words.ts). */
  words: WordBook;
}

/** `moonshot/kimi-k2.6` */
export function modelRef(provider: ProviderData, model: ModelData): string {
  return `${provider.id}/${model.id}`;
}

export function defaultEndpoint(provider: ProviderData) {
  const endpoint = provider.endpoints.find((e) => e.id === provider.defaultEndpoint);
  // Validation guarantees the endpoint exists.
  if (!endpoint) throw new Error(`provider ${provider.id} has no endpoint ${provider.defaultEndpoint}`);
  return endpoint;
}

/**
 * Headers and compat flags of a model, with the provider's and the endpoint's
 * (the default endpoint unless another is named) as defaults.
 */
export function effectiveHeaders(
  provider: ProviderData,
  model: ModelData,
  endpoint: EndpointData = defaultEndpoint(provider),
): Record<string, string> | undefined {
  const merged = { ...provider.headers, ...endpoint.headers, ...model.headers };
  return Object.keys(merged).length > 0 ? merged : undefined;
}

/** The key an endpoint takes: its own key source over the provider's. */
export function endpointKey(provider: ProviderData, endpoint: EndpointData): ProviderData["apiKey"] {
  return { ...provider.apiKey, ...endpoint.apiKey };
}

export type CacheTtl = "5m" | "1h";

/**
 * The cache-write price for entries kept `ttl`. A single price is the 5-minute
 * one (what the host config's one `cacheWrite` holds); it has no 1-hour tier.
 */
export function cacheWritePrice(cost: CostData, ttl: CacheTtl = "5m"): number | undefined {
  if (typeof cost.cacheWrite === "number") return ttl === "5m" ? cost.cacheWrite : undefined;
  return cost.cacheWrite[ttl];
}

/**
 * The host's `thinkingLevelMap` for a model with `reasoning_effort` values: a
 * level the model names maps to itself, `xhigh` (which no Kimi model names)
 * to `max` when the model has it, and every other level to null (not sent).
 */
export function thinkingLevelMap(model: ModelData): Record<string, string | null> | undefined {
  const efforts: readonly string[] | undefined = model.reasoningEffort;
  if (!efforts) return undefined;
  const map: Record<string, string | null> = {};
  for (const level of THINKING_LEVELS) {
    if (efforts.includes(level)) map[level] = level;
    else if (level === "xhigh" && efforts.includes("max")) map[level] = "max";
    else map[level] = null;
  }
  return map;
}

export function effectiveCompat(provider: ProviderData, model: ModelData): ModelData["compat"] {
  const merged = { ...provider.compat, ...model.compat };
  return Object.keys(merged).length > 0 ? merged : undefined;
}

export function isActive(model: ModelData): boolean {
  return model.lifecycle.status === "current";
}

/** Every model of the catalog with its ref, in catalog order. */
export function allModels(catalog: Catalog): Array<{ ref: string; provider: ProviderData; model: ModelData }> {
  return catalog.providers.flatMap((provider) =>
    provider.models.map((model) => ({ ref: modelRef(provider, model), provider, model })),
  );
}

/**
 * How many of the catalog's lifecycle dates have come: messages say "will be retired on" a
 * date still to come and "is retired since" one past, so what is kept between runs under
 * the catalog's key must also change with this number.
 */
export function lifecycleDatesPassed(catalog: Catalog): number {
  return allModels(catalog).filter(({ model }) => model.lifecycle.status !== "current" && !isFuture(model.lifecycle.date)).length;
}

/** A provider's models by id; the first of duplicate ids wins, as `find` would. */
export function modelsById(provider: ProviderData): Map<string, ModelData> {
  const byId = new Map<string, ModelData>();
  for (const model of provider.models) if (!byId.has(model.id)) byId.set(model.id, model);
  return byId;
}

/** Every id the host accepts for a provider's models: each model's id and its `hostIds` (legacy names it normalizes). */
export function modelsByHostId(provider: ProviderData): Map<string, ModelData> {
  const byId = modelsById(provider);
  for (const model of provider.models) for (const id of model.hostIds ?? []) if (!byId.has(id)) byId.set(id, model);
  return byId;
}

/**
 * The model a ref's model id names, as the host finds it: by its id as written (the host's model registry compares
 * ids exactly), or by one of its `hostIds` in any case (the host looks its legacy names up in lower case).
 */
export function modelForHostId(provider: ProviderData, id: string): ModelData | undefined {
  const exact = modelsByHostId(provider).get(id);
  if (exact) return exact;
  const lower = id.toLowerCase();
  return provider.models.find((model) => (model.hostIds ?? []).some((hostId) => hostId.toLowerCase() === lower));
}

/** A model whose id is `id` in another case: the host, which compares ids as written, does not find it by `id`. */
export function modelInOtherCase(provider: ProviderData, id: string): ModelData | undefined {
  const lower = id.toLowerCase();
  return provider.models.find((model) => model.id !== id && model.id.toLowerCase() === lower);
}

export function resolveGroups(data: CatalogData): ResolvedGroup[] {
  const lookups = new Map(data.providers.map((p) => [p, modelsById(p)]));
  return data.docGroups.map((group: DocGroupData) => {
    const provider = data.providers.find((p) => p.id === group.provider)!;
    const byId = lookups.get(provider)!;
    const models = group.models.map((id) => byId.get(id)!);
    return { id: group.id, provider, models, allowInactive: group.allowInactive ?? false };
  });
}
