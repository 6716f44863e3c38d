// Rules about model refs that no JSON Schema can state: every ref names a model
// that is configured under `models.providers` or listed in the catalog; a ref to a
// deprecated or retired catalog model is a warning naming its replacement; no
// alias is given to two models. The rules read the raw parsed file, so they also
// run when other parts of it fail the schema.
import type { LifecycleData } from "../../schema/catalog.ts";
import { modelsByRef, type Catalog, type ModelData, type ProviderData } from "../catalog/model.ts";
import { didYouMeanSuffix } from "../lib/did-you-mean.ts";
import { formatJsonPath, type JsonPath } from "../lib/json-source.ts";
import { isRecord, type ConfigFinding } from "./finding.ts";

type InactiveLifecycle = Exclude<LifecycleData, { status: "current" }>;

interface RefUse {
  ref: string;
  path: JsonPath;
  part: "key" | "value";
}

const REF_SHAPE = /^[^/\s]+\/\S+$/;

export function checkModelRefs(config: unknown, catalog: Catalog): ConfigFinding[] {
  const findings: ConfigFinding[] = [];
  const configured = configuredRefs(config);
  const cataloged = modelsByRef(catalog);
  const suggestions = [...configured, ...[...cataloged.values()].filter((e) => e.model.lifecycle.status === "current").map((e) => e.ref)];

  for (const use of refUses(config)) {
    const entry = cataloged.get(use.ref);
    const lifecycle = entry?.model.lifecycle;
    if (entry && lifecycle && lifecycle.status !== "current") {
      const message = inactiveMessage(use.ref, entry.provider, entry.model, lifecycle);
      findings.push({ ...use, rule: "config/inactive-model", severity: "warning", message });
    } else if (!entry && !configured.has(use.ref)) {
      findings.push({
        ...use,
        rule: "config/unknown-model",
        severity: "error",
        message: `unknown model "${use.ref}": no provider under models.providers and no catalog provider serves it${didYouMeanSuffix(use.ref, suggestions)}`,
      });
    }
  }
  findings.push(...duplicateAliases(config));
  return findings;
}

function inactiveMessage(ref: string, provider: ProviderData, model: ModelData, lifecycle: InactiveLifecycle): string {
  const replacement = provider.models.find((m) => m.id === lifecycle.replacement);
  const instead = `use \`${provider.id}/${lifecycle.replacement}\`${replacement ? ` (${replacement.name})` : ""} instead`;
  return lifecycle.status === "retired"
    ? `"${ref}" (${model.name}) is retired as of ${lifecycle.date} and no longer answers requests; ${instead}`
    : `"${ref}" (${model.name}) is deprecated as of ${lifecycle.date}; ${instead}`;
}

/** `provider/model` for every model listed under `models.providers`. */
function configuredRefs(config: unknown): Set<string> {
  const refs = new Set<string>();
  const providers = isRecord(config) && isRecord(config.models) ? config.models.providers : undefined;
  if (!isRecord(providers)) return refs;
  for (const [providerId, provider] of Object.entries(providers)) {
    if (!isRecord(provider) || !Array.isArray(provider.models)) continue;
    for (const model of provider.models) {
      if (isRecord(model) && typeof model.id === "string") refs.add(`${providerId}/${model.id}`);
    }
  }
  return refs;
}

function agentDefaults(config: unknown): Record<string, unknown> | undefined {
  if (!isRecord(config) || !isRecord(config.agents) || !isRecord(config.agents.defaults)) return undefined;
  return config.agents.defaults;
}

/** Where refs are used: the default model (or its primary and fallbacks) and the keys of `agents.defaults.models`. */
function refUses(config: unknown): RefUse[] {
  const defaults = agentDefaults(config);
  if (!defaults) return [];
  const base = ["agents", "defaults"];
  const uses: RefUse[] = [];
  const add = (value: unknown, path: JsonPath, part: RefUse["part"] = "value") => {
    if (typeof value === "string" && REF_SHAPE.test(value)) uses.push({ ref: value, path, part });
  };

  const model = defaults.model;
  add(model, [...base, "model"]);
  if (isRecord(model)) {
    add(model.primary, [...base, "model", "primary"]);
    if (Array.isArray(model.fallbacks)) model.fallbacks.forEach((ref, i) => add(ref, [...base, "model", "fallbacks", i]));
  }
  if (isRecord(defaults.models)) {
    for (const ref of Object.keys(defaults.models)) add(ref, [...base, "models", ref], "key");
  }
  return uses;
}

function duplicateAliases(config: unknown): ConfigFinding[] {
  const models = agentDefaults(config)?.models;
  if (!isRecord(models)) return [];
  const owners = new Map<string, string>();
  const findings: ConfigFinding[] = [];
  for (const [ref, settings] of Object.entries(models)) {
    if (!isRecord(settings) || typeof settings.alias !== "string") continue;
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
