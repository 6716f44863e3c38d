// The example config files in the catalog's `examples`, generated whole from a doc
// group: the group's first model is `primary`, the rest are `fallbacks`, every one
// has its alias, and the provider block is what the docs' config snippets show.
// Plain JSON, so that any editor or tool reads them.
import { dirname, join } from "node:path";
import { defaultEndpoint, modelRef, type Catalog, type ResolvedGroup } from "../catalog/model.ts";
import { configModel } from "../docs/kinds/models.ts";

export interface ExampleFile {
  path: string;
  content: string;
}

export function exampleFiles(catalog: Catalog): ExampleFile[] {
  const dir = dirname(catalog.file);
  return (catalog.data.examples ?? []).map((example) => {
    const group = catalog.groups.find((g) => g.id === example.group)!;
    const config = { ...(example.schema ? { $schema: example.schema } : {}), ...exampleConfig(group) };
    return { path: join(dir, example.file), content: `${JSON.stringify(config, null, 2)}\n` };
  });
}

function exampleConfig({ provider, models }: ResolvedGroup): object {
  const refs = models.map((m) => modelRef(provider, m));
  const endpoint = defaultEndpoint(provider);
  return {
    env: { [provider.apiKey.env]: provider.apiKey.placeholder },
    agents: {
      defaults: {
        model: { primary: refs[0], ...(refs.length > 1 ? { fallbacks: refs.slice(1) } : {}) },
        models: Object.fromEntries(models.map((m, i) => [refs[i], { alias: m.alias }])),
      },
    },
    models: {
      mode: "merge",
      providers: {
        [provider.id]: {
          baseUrl: endpoint.baseUrl,
          apiKey: `\${${provider.apiKey.env}}`,
          api: endpoint.api,
          models: models.map((m) => configModel(provider, m)),
        },
      },
    },
  };
}
