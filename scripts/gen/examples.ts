// The example config files in the catalog's `examples`, generated whole from a doc
// group: the group's first model is `primary`, the rest are `fallbacks`, every one
// has its alias, and the provider block is what the docs' config snippets show.
// Plain JSON, so that any editor or tool reads them.
//
// Like a region, which is filled only where a page has its markers, an example is
// regenerated only where its file exists: a project that reads the catalog shipped
// in the package (which has no examples/) gets none written into the package.
import { existsSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { defaultEndpoint, modelRef, type Catalog, type ResolvedGroup } from "../catalog/model.ts";
import { diagnostic, type Diagnostic } from "../lib/diagnostics.ts";
import { settingPosition } from "../project-config/load.ts";
import { configModel } from "../docs/kinds/models.ts";

export interface ExampleFile {
  path: string;
  content: string;
  /** Its index in the catalog's `examples`. */
  index: number;
}

export function exampleFiles(catalog: Catalog): ExampleFile[] {
  const dir = dirname(catalog.file);
  return (catalog.data.examples ?? []).flatMap((example, index) => {
    const path = join(dir, example.file);
    if (!existsSync(path)) return [];
    const group = catalog.groups.find((g) => g.id === example.group)!;
    const config = { ...(example.schema ? { $schema: example.schema } : {}), ...exampleConfig(group) };
    return [{ path, content: `${JSON.stringify(config, null, 2)}\n`, index }];
  });
}

/**
 * Examples that would be written outside the catalog's repository (the folder above it that
 * holds `.git`): a catalog copied elsewhere keeps paths such as `../examples/openclaw.json`,
 * which would then name another project's file. Each is an error at its `file` in the catalog.
 */
export function examplesOutsideRepository(catalog: Catalog, examples: readonly ExampleFile[]): Diagnostic[] {
  const root = repositoryOf(dirname(resolve(catalog.file)));
  if (root === undefined) return [];
  return examples
    .filter((e) => relative(root, resolve(e.path)).split(sep)[0] === "..")
    .map((e) =>
      diagnostic(catalog.file, settingPosition(catalog.file, ["examples", e.index, "file"]), "catalog/example-outside-repository",
        `examples[${e.index}].file names ${e.path}, outside the repository the catalog is in (${root}); \`gen\` writes no file there: ` +
          "give a path inside it, relative to the catalog"));
}

/** The nearest folder at or above `dir` that holds `.git`. */
function repositoryOf(dir: string): string | undefined {
  for (let at = dir; ; at = dirname(at)) {
    if (existsSync(join(at, ".git"))) return at;
    if (dirname(at) === at) return undefined;
  }
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
