// Rules about model refs that no JSON Schema can state: a ref to a catalog provider
// (by its id or any alias) names one of its models or one the file adds; a ref to a
// provider the file defines names a model it lists; a ref to a deprecated or retired
// catalog model (also by its id alone) is a warning naming its replacement; no alias
// is given to two models. A value without a provider may be an alias, and a key
// `provider/*` stands for all of a provider's models. The rules read the raw parsed file, so they also
// run when other parts of it fail the schema.
import { appendAll } from "../lib/append.ts";
import { providerIds, splitModelRef } from "../../schema/atoms.ts";
import { normalizeProviderId, PLUGIN_PROVIDER_IDS } from "../../schema/host.ts";
import type { LifecycleData } from "../../schema/catalog.ts";
import { BUILT_IN_PROVIDER_IDS, isBuiltInProviderId } from "../../schema/config.ts";
import { isActive, modelForHostId, modelInOtherCase, modelsByHostId, type Catalog, type ModelData, type ProviderData } from "../catalog/model.ts";
import { didYouMeanSuffix } from "../lib/did-you-mean.ts";
import { formatJsonPath, type JsonPath } from "../lib/json-source.ts";
import { holdsPlaceholder } from "./env-placeholders.ts";
import { likelyProviderTypo } from "./provider-typos.ts";
import { isRecord, type ConfigFinding } from "./finding.ts";
import { isFuture } from "../lib/dates.ts";

type InactiveLifecycle = Exclude<LifecycleData, { status: "current" }>;

interface RefUse {
  ref: string;
  path: JsonPath;
  part: "key" | "value";
}

/**
 * Which models a ref may name. A catalog provider is known by its id and every alias
 * (`kimi`, `kimi-code`, `kimi-coding`), all standing for the same models. Providers
 * the file defines itself serve the models it lists; a built-in provider of the host
 * that the catalog does not describe may serve anything, and so may a provider that
 * appears nowhere: the host has many built in.
 */
class RefScope {
  private readonly catalogProviders = new Map<string, ProviderData>();
  private readonly configured = new Map<string, Set<string>>();
  private readonly customProviders = new Set<string>();
  /** Aliases set under `agents.defaults.models`: a value may name a model by one. */
  private readonly aliases = new Set<string>();

  constructor(config: unknown, catalog: Catalog) {
    for (const owner of [agentDefaults(config), ...agentEntries(config).map(({ entry }) => entry)]) {
      const models = isRecord(owner) ? owner.models : undefined;
      if (isRecord(models)) for (const settings of Object.values(models)) if (isRecord(settings) && typeof settings.alias === "string") this.aliases.add(settings.alias);
    }
    for (const provider of catalog.providers) for (const id of providerIds(provider)) this.catalogProviders.set(normalizeProviderId(id), provider);
    const providers = isRecord(config) && isRecord(config.models) ? config.models.providers : undefined;
    if (!isRecord(providers)) return;
    for (const [providerId, provider] of Object.entries(providers)) {
      if (!isRecord(provider)) continue;
      const key = this.canonical(providerId);
      if (!isBuiltInProviderId(providerId) && !this.catalogProviders.has(normalizeProviderId(providerId))) this.customProviders.add(key);
      const models = this.configured.get(key) ?? new Set<string>();
      if (Array.isArray(provider.models)) for (const m of provider.models) if (isRecord(m) && typeof m.id === "string") models.add(m.id);
      this.configured.set(key, models);
    }
  }

  /**
   * A value without a provider: the host reads it as an alias, then as the id of a model
   * one configured provider serves, then under its default provider. Nothing here is an error; a
   * catalog model that is no longer current, named by its id alone, is worth a warning, unless
   * one provider of the file's own (not the catalog's) lists that id.
   */
  private checkBare(use: RefUse): ConfigFinding | undefined {
    if (use.part === "key" || this.aliases.has(use.ref)) return undefined;
    // Next the host takes the one provider of the file's own that lists the id: a model of its, not the catalog's.
    const servedBy = [...this.configured].filter(([, ids]) => ids.has(use.ref)).map(([provider]) => provider);
    if (servedBy.length === 1 && !this.catalogProviders.has(servedBy[0]!)) return undefined;
    const matches = [...new Set(this.catalogProviders.values())].flatMap((provider) => {
      const model = modelsByHostId(provider).get(use.ref);
      return model ? [{ provider, model }] : [];
    });
    const only = matches.length === 1 ? matches[0]! : undefined;
    if (!only || isActive(only.model)) return undefined;
    const message = inactiveMessage(use.ref, only.provider.id, only.provider, only.model, only.model.lifecycle as InactiveLifecycle);
    return { ...use, rule: "config/inactive-model", severity: "warning", message };
  }

  /** The id the host files a provider under: a catalog provider's own id for any of its aliases, in any case. */
  canonical(providerId: string): string {
    const id = normalizeProviderId(providerId);
    return this.catalogProviders.get(id)?.id ?? id;
  }

  /**
   * A ref to a provider neither the catalog, nor the file, nor the host's built-in list knows. The host may have it
   * from a plugin, so only an id one or two letters away from a known one (`moonshto`) is worth a word.
   */
  private unknownProvider(use: RefUse, parts: { provider: string; model: string }): ConfigFinding | undefined {
    const known = [...this.catalogProviders.keys(), ...this.configured.keys(), ...BUILT_IN_PROVIDER_IDS, ...PLUGIN_PROVIDER_IDS];
    const meant = likelyProviderTypo(normalizeProviderId(parts.provider), known);
    if (meant === undefined) return undefined;
    return {
      ...use,
      rule: "config/unknown-provider",
      severity: "warning",
      message: `unknown provider "${parts.provider}" (did you mean \`${meant}/${parts.model}\`?): the host knows no provider by this id, so the ref fails when it is used`,
    };
  }

  check(use: RefUse): ConfigFinding | undefined {
    // The host substitutes `${VAR}` in values (not keys) before it reads them as refs: which model it names is the variable's business.
    if (use.part === "value" && holdsPlaceholder(use.ref)) return undefined;
    const parts = splitModelRef(use.ref);
    if (!parts) return use.ref.includes("/") ? malformed(use) : this.checkBare(use);
    if (parts.model === "*" && use.part === "key") return undefined; // `provider/*`: every model of the provider
    const key = this.canonical(parts.provider);
    const listed = this.configured.get(key);
    const catalogProvider = this.catalogProviders.get(normalizeProviderId(parts.provider));
    const model = catalogProvider && modelForHostId(catalogProvider, parts.model);
    if (catalogProvider && model) {
      if (isActive(model)) return undefined;
      const message = inactiveMessage(use.ref, parts.provider, catalogProvider, model, model.lifecycle as InactiveLifecycle);
      return { ...use, rule: "config/inactive-model", severity: "warning", message };
    }
    if (listed?.has(parts.model)) return undefined;
    if (!catalogProvider && !this.customProviders.has(key)) return listed || isBuiltInProviderId(parts.provider) ? undefined : this.unknownProvider(use, parts);

    // Suggestions stay under the prefix the user wrote: never a different provider.
    const candidates = [
      ...(catalogProvider ? catalogProvider.models.filter(isActive).map((m) => m.id) : []),
      ...(listed ?? []),
    ].map((id) => `${parts.provider}/${id}`);
    const suggestion = didYouMeanSuffix(use.ref, candidates);
    if (!catalogProvider) {
      // A provider of the file's own has a baseUrl, and the host sends a model id it does not list there as written
      // (its model resolution falls back to the configured provider: `resolveConfiguredFallbackModel`); a proxy may
      // serve more models than the file lists. Only a near miss of a listed id, most likely a typo, is worth a word.
      if (!suggestion) return undefined;
      return {
        ...use,
        rule: "config/unlisted-model",
        severity: "warning",
        message: `models.providers["${parts.provider}"] lists no model "${parts.model}"${suggestion}: ` +
          "the host sends an id its provider does not list to that provider as written, so a misspelt one fails only when it is used",
      };
    }
    const otherCase = modelInOtherCase(catalogProvider, parts.model);
    if (otherCase) return { ...use, rule: "config/unknown-model", severity: "error", message: caseMessage(use.ref, parts.provider, catalogProvider, otherCase) };
    const where = `${catalogProvider.name} (\`${parts.provider}\`) has no model "${parts.model}"${listed?.size ? ", and models.providers does not add it" : ""}`;
    return {
      ...use,
      rule: "config/unknown-model",
      severity: "error",
      message: `unknown model "${use.ref}": ${where}${suggestion}`,
    };
  }
}

export function checkModelRefs(config: unknown, catalog: Catalog): ConfigFinding[] {
  const scope = new RefScope(config, catalog);
  const findings = refUses(config).flatMap((use) => scope.check(use) ?? []);
  appendAll(findings, duplicateAliases(config));
  return findings;
}

/** `moonshot/` or `/kimi-k2.6`: a provider or a model id is missing, and the host cannot read the ref. */
function malformed(use: RefUse): ConfigFinding {
  const trimmed = use.ref.trim();
  const missing = trimmed.startsWith("/") ? "a provider before the `/`" : "a model id after the `/`";
  return {
    ...use,
    rule: "config/malformed-ref",
    severity: "error",
    message: `"${use.ref}" lacks ${missing}: write provider/model, e.g. \`moonshot/kimi-k2.6\``,
  };
}

/** A catalog model's id written in another case: the host compares model ids as written, so it finds no such model. */
function caseMessage(ref: string, prefix: string, provider: ProviderData, model: ModelData): string {
  const right = `${prefix}/${model.id}`;
  const state = isActive(model) ? "" : `; ${inactiveMessage(right, prefix, provider, model, model.lifecycle as InactiveLifecycle)}`;
  return `unknown model "${ref}": model ids are case-sensitive: write \`${right}\`${state}`;
}

function inactiveMessage(ref: string, prefix: string, provider: ProviderData, model: ModelData, lifecycle: InactiveLifecycle): string {
  const replacement = provider.models.find((m) => m.id === lifecycle.replacement);
  const instead = `use \`${prefix}/${lifecycle.replacement}\`${replacement ? ` (${replacement.name})` : ""} instead`;
  const model_ = `"${ref}" (${model.name})`;
  if (isFuture(lifecycle.date)) {
    return lifecycle.status === "retired"
      ? `${model_} will be retired on ${lifecycle.date} and stop answering requests then; ${instead}`
      : `${model_} will be deprecated on ${lifecycle.date}; ${instead}`;
  }
  return lifecycle.status === "retired"
    ? `${model_} is retired as of ${lifecycle.date} and no longer answers requests; ${instead}`
    : `${model_} is deprecated as of ${lifecycle.date}; ${instead}`;
}

function agentDefaults(config: unknown): Record<string, unknown> | undefined {
  if (!isRecord(config) || !isRecord(config.agents) || !isRecord(config.agents.defaults)) return undefined;
  return config.agents.defaults;
}

/**
 * Keys whose value is a model selection (a ref, or `{ primary, fallbacks }`), in the defaults and in each
 * agent; `utilityModel`, `heartbeat.model` and `compaction.model` take a ref alone, which `add` reads too.
 */
const SELECTION_KEYS = [
  "model", "imageModel", "imageGenerationModel", "videoGenerationModel", "musicGenerationModel", "voiceModel", "pdfModel", "utilityModel",
] as const;

/** The kinds of `mediaModels`, each a model selection (the host's successor of `imageGenerationModel` and the like). */
const MEDIA_KINDS = ["image", "video", "music"] as const;

/**
 * Where refs are used: each model selection of `agents.defaults`, of its `subagents`, `heartbeat`,
 * `compaction` and `mediaModels`, and of every agent in `agents.entries` or `agents.list`; and the keys of each `models` map in them.
 */
function refUses(config: unknown): RefUse[] {
  const uses: RefUse[] = [];
  const add = (value: unknown, path: JsonPath, part: RefUse["part"] = "value") => {
    if (typeof value === "string") uses.push({ ref: value, path, part });
  };
  const selection = (value: unknown, path: JsonPath) => {
    add(value, path);
    if (!isRecord(value)) return;
    add(value.primary, [...path, "primary"]);
    if (Array.isArray(value.fallbacks)) value.fallbacks.forEach((ref, i) => add(ref, [...path, "fallbacks", i]));
  };
  const agent = (owner: Record<string, unknown>, path: JsonPath) => {
    for (const key of SELECTION_KEYS) selection(owner[key], [...path, key]);
    for (const section of ["subagents", "heartbeat", "compaction"]) {
      const value = owner[section];
      if (isRecord(value)) selection(value.model, [...path, section, "model"]);
    }
    const media = owner.mediaModels;
    if (isRecord(media)) for (const kind of MEDIA_KINDS) selection(media[kind], [...path, "mediaModels", kind]);
    if (isRecord(owner.models)) {
      for (const ref of Object.keys(owner.models)) add(ref, [...path, "models", ref], "key");
    }
  };

  const defaults = agentDefaults(config);
  if (defaults) agent(defaults, ["agents", "defaults"]);
  for (const { entry, path } of agentEntries(config)) agent(entry, path);
  return uses;
}

/**
 * Each agent's own settings, with its path: the host's `agents.entries` (an object keyed by agent id,
 * docs/gateway/config-agents/entries-and-multi-agent.md) and `agents.list` (a list, its name in releases before it).
 */
function agentEntries(config: unknown): Array<{ entry: Record<string, unknown>; path: JsonPath }> {
  const agents = isRecord(config) && isRecord(config.agents) ? config.agents : {};
  const found: Array<{ entry: unknown; path: JsonPath }> = [
    ...(Array.isArray(agents.list) ? agents.list.map((entry, i) => ({ entry, path: ["agents", "list", i] })) : []),
    ...(isRecord(agents.entries) ? Object.entries(agents.entries).map(([id, entry]) => ({ entry, path: ["agents", "entries", id] })) : []),
  ];
  return found.flatMap(({ entry, path }) => (isRecord(entry) ? [{ entry, path }] : []));
}

function duplicateAliases(config: unknown): ConfigFinding[] {
  const models = agentDefaults(config)?.models;
  if (!isRecord(models)) return [];
  const owners = new Map<string, string>();
  const findings: ConfigFinding[] = [];
  for (const [ref, settings] of Object.entries(models)) {
    // An empty alias names nothing; the host accepts it.
    if (!isRecord(settings) || typeof settings.alias !== "string" || settings.alias.trim() === "") continue;
    const owner = owners.get(settings.alias);
    if (owner === undefined) {
      owners.set(settings.alias, ref);
      continue;
    }
    findings.push({
      path: ["agents", "defaults", "models", ref, "alias"],
      part: "value",
      rule: "config/duplicate-alias",
      severity: "error",
      message: `alias "${settings.alias}" is already used by ${formatJsonPath(["agents", "defaults", "models", owner])}; give each model its own alias`,
    });
  }
  return findings;
}
