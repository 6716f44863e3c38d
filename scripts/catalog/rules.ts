// Rules of the catalog that relate several fields. Each finding carries the
// JSON path of the value at fault so the loader can report its position.
import type { CatalogData } from "../../schema/catalog.ts";
import { ambiguousRegionNames } from "../docs/markers.ts";
import { didYouMeanSuffix } from "../lib/did-you-mean.ts";
import type { JsonPath } from "../lib/json-source.ts";
import { modelsById } from "./model.ts";

export interface RuleFinding {
  path: JsonPath;
  rule: string;
  message: string;
  /** For a repeated value: where it was first written, which the loader names by line and column. */
  first?: JsonPath;
}

export interface RuleOptions {
  /** The docs' region kinds (`ids`, `model-refs`, …): a group id must not make a region name mean two things. */
  regionSuffixes?: readonly string[];
}

export function checkCatalogRules(data: CatalogData, options: RuleOptions = {}): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const report = (path: JsonPath, rule: string, message: string, first?: JsonPath) =>
    findings.push({ path, rule, message, ...(first ? { first } : {}) });

  // A provider's aliases are ids like its id: no two providers may share one.
  const everyProviderId = data.providers.flatMap((p, i) => [
    { key: p.id, path: ["providers", i, "id"] },
    ...(p.aliases ?? []).map((alias, a) => ({ key: alias, path: ["providers", i, "aliases", a] })),
  ]);
  reportDuplicates(everyProviderId, (path, key, first) =>
    report(path, "catalog/duplicate-provider", `duplicate provider id "${key}"`, first),
  );

  const aliasOwners = new Map<string, string>();
  // A config names a model by its alias or by its id alone, so the two must not meet.
  const idOwners = new Map<string, string>();
  for (const provider of data.providers) {
    for (const model of provider.models) {
      for (const id of [model.id, ...(model.hostIds ?? [])]) if (!idOwners.has(id)) idOwners.set(id, `${provider.id}/${model.id}`);
    }
  }
  data.providers.forEach((provider, p) => {
    const at = (...rest: JsonPath) => ["providers", p, ...rest];

    reportDuplicates(provider.endpoints.map((e, i) => ({ key: e.id, path: at("endpoints", i, "id") })), (path, key, first) =>
      report(path, "catalog/duplicate-endpoint", `duplicate endpoint id "${key}" in provider "${provider.id}"`, first),
    );
    provider.endpoints.forEach((endpoint, e) => {
      if (endpoint.refuses && endpoint.clients?.length) {
        report(at("endpoints", e, "clients"), "catalog/refusing-endpoint",
          `endpoint "${endpoint.id}" of provider "${provider.id}" refuses ordinary clients (HTTP ${endpoint.refuses.status}), so it cannot be meant for ${endpoint.clients.join(", ")}; remove "clients" or "refuses"`);
      }
    });
    const endpointIds = provider.endpoints.map((e) => e.id);
    if (!endpointIds.includes(provider.defaultEndpoint)) {
      report(at("defaultEndpoint"), "catalog/unknown-endpoint",
        `defaultEndpoint "${provider.defaultEndpoint}" names no endpoint of provider "${provider.id}"${didYouMeanSuffix(provider.defaultEndpoint, endpointIds)}`);
    }

    // Ids first, so that a host id clashing with a model's id is reported at the host id.
    const ids = [
      ...provider.models.map((m, i) => ({ key: m.id, path: at("models", i, "id") })),
      ...provider.models.flatMap((m, i) => (m.hostIds ?? []).map((id, h) => ({ key: id, path: at("models", i, "hostIds", h) }))),
    ];
    reportDuplicates(ids, (path, key, first) =>
      report(path, "catalog/duplicate-id", `duplicate model id "${key}" in provider "${provider.id}"`, first),
    );

    const modelIds = provider.models.map((m) => m.id);
    const byId = modelsById(provider);
    provider.models.forEach((model, m) => {
      const here = (...rest: JsonPath) => at("models", m, ...rest);
      const ref = `${provider.id}/${model.id}`;

      const owner = aliasOwners.get(model.alias);
      const idOwner = idOwners.get(model.alias);
      if (owner !== undefined) {
        report(here("alias"), "catalog/duplicate-alias", `alias "${model.alias}" is already used by ${owner}; aliases must be unique`);
      } else if (model.alias.includes("/")) {
        report(here("alias"), "catalog/alias-is-ref", `alias "${model.alias}" of ${ref} holds a "/", so a config would read it as a provider/model ref; give a name without one`);
      } else if (idOwner !== undefined && idOwner !== ref) {
        report(here("alias"), "catalog/alias-is-id",
          `alias "${model.alias}" of ${ref} is the model id of ${idOwner}: a config naming "${model.alias}" alone would mean either; give an alias of its own`);
      } else {
        aliasOwners.set(model.alias, ref);
      }

      if (model.maxTokens > model.contextWindow) {
        report(here("maxTokens"), "catalog/max-tokens",
          `maxTokens (${model.maxTokens}) is larger than contextWindow (${model.contextWindow}) for ${ref}`);
      }

      if (model.defaultMaxTokens !== undefined && model.defaultMaxTokens > model.maxTokens) {
        report(here("defaultMaxTokens"), "catalog/max-tokens",
          `defaultMaxTokens (${model.defaultMaxTokens}) is larger than maxTokens (${model.maxTokens}) for ${ref}`);
      }

      const lifecycle = model.lifecycle;
      if (lifecycle.status !== "current") {
        if (model.releaseDate !== undefined && lifecycle.date < model.releaseDate) {
          report(here("lifecycle", "date"), "catalog/date-order",
            `${lifecycle.status} date ${lifecycle.date} is before the release date ${model.releaseDate} of ${ref}`);
        }
        if (lifecycle.replacement === model.id) {
          report(here("lifecycle", "replacement"), "catalog/replacement", `${ref} names itself as its replacement`);
        } else if (!byId.has(lifecycle.replacement)) {
          report(here("lifecycle", "replacement"), "catalog/replacement",
            `replacement "${lifecycle.replacement}" of ${ref} names no model of provider "${provider.id}"${didYouMeanSuffix(lifecycle.replacement, modelIds)}`);
        } else if (byId.get(lifecycle.replacement)?.lifecycle.status === "retired") {
          report(here("lifecycle", "replacement"), "catalog/replacement",
            `replacement "${lifecycle.replacement}" of ${ref} is itself retired; name a model that can be used`);
        }
      }
    });
  });

  reportDuplicates(data.docGroups.map((g, i) => ({ key: g.id, path: ["docGroups", i, "id"] })), (path, key, first) =>
    report(path, "catalog/duplicate-group", `duplicate doc group id "${key}"`, first),
  );
  const providerIds = data.providers.map((p) => p.id);
  data.docGroups.forEach((group, g) => {
    const provider = data.providers.find((p) => p.id === group.provider);
    if (!provider) {
      report(["docGroups", g, "provider"], "catalog/unknown-provider",
        `doc group "${group.id}" names unknown provider "${group.provider}"${didYouMeanSuffix(group.provider, providerIds)}`);
      return;
    }
    const ids = provider.models.map((m) => m.id);
    const byId = modelsById(provider);
    reportDuplicates(group.models.map((id, i) => ({ key: id, path: ["docGroups", g, "models", i] })), (path, key, first) =>
      report(path, "catalog/duplicate-group-model", `doc group "${group.id}" lists "${key}" twice`, first),
    );
    group.models.forEach((id, i) => {
      const model = byId.get(id);
      if (!model) {
        // A model of another provider: a group lists its own provider's models (one group per provider).
        const owners = data.providers.filter((p) => p !== provider && modelsById(p).has(id)).map((p) => `"${p.id}"`);
        const hint = owners.length > 0
          ? ` ("${id}" is a model of provider ${owners.join(" and ")}: a group lists its own provider's models, so list it in a group of that provider)`
          : didYouMeanSuffix(id, ids);
        report(["docGroups", g, "models", i], "catalog/unknown-model",
          `doc group "${group.id}" names unknown model "${id}" of provider "${provider.id}"${hint}`);
      } else if (model.lifecycle.status !== "current" && !group.allowInactive) {
        report(["docGroups", g, "models", i], "catalog/inactive-model",
          `doc group "${group.id}" lists ${model.lifecycle.status} model "${id}"; docs list only current models ` +
            `(use "${model.lifecycle.replacement}", or set "allowInactive": true on a group for a page that explains retirement)`);
      }
    });
  });

  const groupIds = data.docGroups.map((g) => g.id);
  (data.examples ?? []).forEach((example, i) => {
    if (!groupIds.includes(example.group)) {
      report(["examples", i, "group"], "catalog/unknown-group",
        `example ${example.file} names unknown doc group "${example.group}"${didYouMeanSuffix(example.group, groupIds)}`);
    }
  });
  reportDuplicates((data.examples ?? []).map((e, i) => ({ key: e.file, path: ["examples", i, "file"] })), (path, key, first) =>
    report(path, "catalog/duplicate-example", `two examples are written to ${key}`, first),
  );
  for (const { name, first, second } of ambiguousRegionNames(groupIds, options.regionSuffixes ?? [])) {
    // Reported at the group whose id extends the other's: the one that made the name ambiguous.
    const [longer, shorter] = first.group.length > second.group.length ? [first, second] : [second, first];
    report(["docGroups", groupIds.indexOf(longer.group), "id"], "catalog/ambiguous-region-name",
      `doc group "${longer.group}" makes the region name "${name}" ambiguous: it would be this group's ${longer.suffix} region ` +
        `and also group "${shorter.group}"'s ${shorter.suffix} region; choose a group id that does not end like a region kind`);
  }

  return findings;
}

function reportDuplicates(
  items: Array<{ key: string; path: JsonPath }>,
  onDuplicate: (path: JsonPath, key: string, firstPath: JsonPath) => void,
): void {
  const seen = new Map<string, JsonPath>();
  for (const item of items) {
    const first = seen.get(item.key);
    if (first) onDuplicate(item.path, item.key, first);
    else seen.set(item.key, item.path);
  }
}
