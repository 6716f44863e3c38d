// What `gen` would write: every generated file's current and wanted content.
// Computing the plan touches nothing on disk; writing and checking are separate steps.
import { appendAll } from "../lib/append.ts";
import { readFileSync } from "node:fs";
import { loadCatalog } from "../catalog/load.ts";
import { lifecycleDatesPassed, type Catalog } from "../catalog/model.ts";
import { activeRules, checkPlannedDocs, unmarkedDocCollector } from "../docs-checks/check-docs.ts";
import { hasErrors, isChanged, retaining, type PlannedFile, type Retained } from "../docs/doc.ts";
import { REGION_KINDS } from "../docs/kinds/index.ts";
import { columnListProblem } from "../docs/kinds/table.ts";
import { RegionNames } from "../docs/names.ts";
import { PageVerdicts, settingsKey } from "../docs/page-verdicts.ts";
import { syncDocs } from "../docs/sync.ts";
import { byPosition, diagnostic, InputError, type Diagnostic } from "../lib/diagnostics.ts";
import { formatJsonPath } from "../lib/json-source.ts";
import { projectConfigJsonSchema } from "../project-config/json-schema.ts";
import { schemaPathErrors, settingPosition } from "../project-config/load.ts";
import { filesNotSchemas, schemaPathProblems } from "../project-config/schema-paths.ts";
import { exampleFiles, examplesOutsideRepository, type ExampleFile } from "./examples.ts";
import { catalogJsonSchema, configJsonSchema, serializeSchema } from "../schema-gen/json-schema.ts";

export type { LineRange, PlannedFile, RegionChange } from "../docs/doc.ts";
import type { RuleSetting } from "../docs-checks/rule.ts";
export type { RuleScope, RuleSetting, RuleSeverity } from "../docs-checks/rule.ts";

export interface GenPlan {
  catalog: Catalog;
  /** The generated files: every schema and example config asked for, and the docs `gen` changes. */
  files: PlannedFile[];
  /** Warnings only; errors throw InputError. */
  warnings: Diagnostic[];
  /** How many region occurrences and doc files were examined. */
  stats: { regions: number; docs: number };
}

export interface GenOptions {
  catalogFile: string;
  docDirs: readonly string[];
  /** Where to write each JSON Schema; a schema without a path is not written (the default: none). */
  schemaFiles?: { catalog?: string; config?: string; projectConfig?: string };
  /** Glob patterns of docs to leave alone, relative to the working directory. */
  exclude?: readonly string[];
  /** The same patterns as the configuration file writes them; absent when `--exclude` replaced them. */
  excludeAsWritten?: readonly string[];
  /** Docs rules by id: severity and scope, over their defaults. */
  rules?: Readonly<Record<string, RuleSetting>>;
  /** Settings of regions by name, e.g. the columns of a table region. */
  regions?: Readonly<Record<string, { columns?: readonly string[] }>>;
  /** The language of pages whose path and front matter name none (default `en`). */
  defaultLocale?: string;
  /** The configuration file the settings came from, named in messages about them. */
  configFile?: string;
  /**
   * What each changed doc keeps once planned (default: everything). A check that shows
   * the diffs of the first drifted regions needs neither the pages' texts nor the other
   * regions' texts; a write needs the pages' texts and no region's: memory then holds
   * what the run reports or writes, not every changed page twice over.
   */
  retain?: Retained;
}

export async function planGeneration(options: GenOptions): Promise<GenPlan> {
  const catalog = loadCatalog(options.catalogFile, { regionSuffixes: REGION_KINDS.map((kind) => kind.suffix) });
  const examples = exampleFiles(catalog);
  stopOnErrors(examplesOutsideRepository(catalog, examples));
  stopOnErrors(schemaOverExample(options.schemaFiles ?? {}, examples, options.configFile));
  stopOnErrors(schemaPathErrors(filesNotSchemas(options.schemaFiles ?? {}, {}, process.cwd()), options.configFile));
  const schemas = [
    ...plannedSchemas(options.schemaFiles ?? {}, catalog),
    ...examples.map((f) => ({ ...schemaFile(f.path, f.content), kind: "example" as const })),
  ];
  stopOnErrors(regionSettingProblems(catalog, options.regions ?? {}, options.configFile));
  const rules = activeRules(catalog, options.rules, options.configFile);
  const unmarked = unmarkedDocCollector(rules);
  const settings = {
    regions: options.regions,
    defaultLocale: options.defaultLocale,
    exclude: options.exclude,
  };
  // Everything outside a page that decides its verdict (see page-verdicts.ts).
  const verdicts = new PageVerdicts(settingsKey({
    catalog: { file: catalog.file, data: catalog.data, words: [catalog.words.base, [...catalog.words.locales]], datesPassed: lifecycleDatesPassed(catalog) },
    docDirs: options.docDirs,
    rules: rules.map((r) => [r.rule.id, r.setting]),
    ...settings,
  }));
  // The rules run on each doc as soon as it is planned; only the docs that change are kept.
  const docMessages: Diagnostic[] = [];
  let diffsLeft = options.retain?.regionDiffs ?? Infinity;
  const docs = await syncDocs(catalog, options.docDirs, {
    inspectUnmarked: unmarked.inspect,
    verdicts,
    ...settings,
    keep: async (doc, { hash, source }) => {
      if (!hasErrors(doc)) await checkPlannedDocs([doc], rules);
      appendAll(docMessages, doc.messages);
      const upToDate = doc.after === doc.before;
      if (upToDate && !hasErrors(doc)) {
        verdicts.remember(doc.path, { hash: hash(), source, regions: doc.regionCount, warnings: doc.messages, fallbacks: doc.fallbacks });
      }
      if (upToDate) return false;
      if (!options.retain || doc.regions.length === 0) return true;
      const kept = retaining(doc, { texts: options.retain.texts, regionDiffs: Math.max(0, diffsLeft) });
      diffsLeft -= doc.regions.length;
      return kept;
    },
  });
  // The engine's errors come alone: rule findings on text that cannot be generated would only add noise.
  stopOnErrors(docs.diagnostics);
  await checkPlannedDocs(unmarked.docs, rules);
  const messages = [
    ...docs.runMessages,
    ...docMessages,
    ...unmarked.docs.flatMap((d) => d.messages),
    ...unusedExcludeWarnings(docs.unusedExcludes, options),
  ].sort(byPosition);
  stopOnErrors(messages);
  return {
    catalog,
    files: [...schemas, ...docs.files],
    warnings: messages.filter((d) => d.severity === "warning"),
    stats: docs.stats,
  };
}

/**
 * A pattern that leaves out no doc is most likely misspelt, or relative to another folder. The configuration
 * file's patterns are named at their place in it; patterns given with `--exclude` have no place, so the
 * warning names the pattern itself.
 */
function unusedExcludeWarnings(unused: readonly number[], options: GenOptions): Diagnostic[] {
  const { configFile, excludeAsWritten, exclude = [] } = options;
  const under = options.docDirs.join(", ");
  if (configFile && excludeAsWritten) {
    return unused.map((i) =>
      diagnostic(configFile, settingPosition(configFile, ["exclude", i]), "project-config/unused-exclude",
        `exclude[${i}]: "${excludeAsWritten[i]}" leaves out no doc under ${under}; ` +
          "patterns are relative to this file (a folder's name leaves out all of it, as `docs/archive`)", "warning"));
  }
  return unused.map((i) =>
    diagnostic(exclude[i]!, { line: 1, column: 1 }, "cli/unused-exclude",
      `--exclude "${exclude[i]}" leaves out no doc under ${under}; ` +
        "patterns on the command line are relative to the working folder (a folder's name leaves out all of it, as `docs/archive`)", "warning"));
}

/** A schema path that is also an example config the catalog generates: each run would rewrite the other's file. */
function schemaOverExample(schemaFiles: NonNullable<GenOptions["schemaFiles"]>, examples: readonly ExampleFile[], configFile?: string): Diagnostic[] {
  const taken = examples.map((e) => ({ path: e.path, what: "an example config that `gen` writes from the catalog" }));
  return schemaPathErrors(schemaPathProblems(schemaFiles, schemaFiles, taken, process.cwd()), configFile);
}

/** Settings of a region the catalog does not have, or that its kind does not take: never ignored without a word. */
function regionSettingProblems(catalog: Catalog, regions: NonNullable<GenOptions["regions"]>, configFile = "the regions setting"): Diagnostic[] {
  const names = new RegionNames(catalog, REGION_KINDS);
  const withColumns = REGION_KINDS.filter((k) => k.options?.includes("columns")).map((k) => k.suffix).join(", ");
  return Object.entries(regions).flatMap(([name, settings]): Diagnostic[] => {
    const target = names.resolve(name);
    if (!target) {
      return [diagnostic(configFile, settingPosition(configFile, ["regions", name], "key"), "project-config/unknown-region", `${formatJsonPath(["regions", name])}: ${names.unknownMessage(name)}`)];
    }
    if (!settings.columns) return [];
    const path = ["regions", name, "columns"];
    const at = (part: "key" | "value") => settingPosition(configFile, path, part);
    if (!target.kind.options?.includes("columns")) {
      return [diagnostic(configFile, at("key"), "project-config/unknown-option",
        `${formatJsonPath(path)}: a ${target.kind.suffix} region has no columns; ${withColumns} regions take them`)];
    }
    const problem = columnListProblem(settings.columns);
    return problem === undefined ? [] : [diagnostic(configFile, at("value"), "project-config/columns", `${formatJsonPath(path)}: ${problem}`)];
  });
}

function stopOnErrors(messages: readonly Diagnostic[]): void {
  const errors = messages.filter((d) => d.severity === "error");
  if (errors.length > 0) throw new InputError(errors);
}

export function changedFiles(plan: GenPlan): PlannedFile[] {
  return plan.files.filter(isChanged);
}

/** The JSON Schemas the settings ask for, each where they ask for it. */
function plannedSchemas(paths: NonNullable<GenOptions["schemaFiles"]>, catalog: Catalog): PlannedFile[] {
  const contents = {
    catalog: () => catalogJsonSchema(),
    config: () => configJsonSchema(catalog),
    projectConfig: () => projectConfigJsonSchema(),
  };
  return (["catalog", "config", "projectConfig"] as const).flatMap((key) => {
    const path = paths[key];
    return path === undefined ? [] : [schemaFile(path, serializeSchema(contents[key]()))];
  });
}

function schemaFile(path: string, after: string): PlannedFile {
  return { path, kind: "schema", before: readIfExists(path), after };
}

function readIfExists(path: string): string | null {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return null;
    const reason = code === "EISDIR" ? "it is a folder, where a generated file belongs; move the folder away" : (error as Error).message;
    throw new InputError([diagnostic(path, { line: 1, column: 1 }, "gen/unreadable", `cannot read the generated file: ${reason}`)]);
  }
}
