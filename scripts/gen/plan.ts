// What `gen` would write: every generated file's current and wanted content.
// Computing the plan touches nothing on disk; writing and checking are separate steps.
import { readFileSync } from "node:fs";
import { loadCatalog } from "../catalog/load.ts";
import type { Catalog } from "../catalog/model.ts";
import { checkPlannedDocs, unmarkedDocInspector } from "../docs-checks/check-docs.ts";
import { REGION_KINDS } from "../docs/kinds/index.ts";
import { syncDocs } from "../docs/sync.ts";
import { diagnostic, InputError, type Diagnostic } from "../lib/diagnostics.ts";
import { projectConfigJsonSchema } from "../project-config/json-schema.ts";
import { catalogJsonSchema, configJsonSchema, serializeSchema } from "../schema-gen/json-schema.ts";

/** A changed region inside a planned doc, for per-region reports. */
export interface RegionChange {
  name: string;
  /** 1-based line and column of the start marker in the current file. */
  line: number;
  column: number;
  /** 1-based line of the end marker in the current file. */
  endLine: number;
  /** 1-based line of the start marker in the new content. */
  newLine: number;
  /** The region from its start marker line to its end marker line, with `\n` line breaks. */
  before: string;
  after: string;
}

export interface PlannedFile {
  path: string;
  kind: "schema" | "doc";
  /** Current content; null when the file does not exist yet. */
  before: string | null;
  after: string;
  /** For docs: the regions whose text changes (their body, or a marker's repaired spelling). */
  regions?: RegionChange[];
}

export interface GenPlan {
  catalog: Catalog;
  files: PlannedFile[];
  /** Warnings only; errors throw InputError. */
  warnings: Diagnostic[];
  /** How many region occurrences and doc files were examined. */
  stats: { regions: number; docs: number };
}

export type RuleSeverity = "error" | "warn" | "off";
/** `generated`: region bodies; `pages-with-regions`: whole pages that hold a region; `all`: every doc. */
export type RuleScope = "generated" | "pages-with-regions" | "all";
export interface RuleSetting {
  severity?: RuleSeverity;
  scope?: RuleScope;
}

export interface GenOptions {
  catalogFile: string;
  docDirs: readonly string[];
  /** Where to write each JSON Schema; a schema without a path is not written (the default: none). */
  schemaFiles?: { catalog?: string; config?: string; projectConfig?: string };
  /** Glob patterns of docs to leave alone, relative to the working directory. */
  exclude?: readonly string[];
  /** Docs rules by id: severity and scope, over their defaults. */
  rules?: Readonly<Record<string, RuleSetting>>;
  /** Settings of regions by name, e.g. the columns of a table region. */
  regions?: Readonly<Record<string, { columns?: readonly string[] }>>;
  /** The language of pages whose path and front matter name none (default `en`). */
  defaultLocale?: string;
}

export async function planGeneration(options: GenOptions): Promise<GenPlan> {
  const catalog = loadCatalog(options.catalogFile, { regionSuffixes: REGION_KINDS.map((kind) => kind.suffix) });
  const schemas = plannedSchemas(options.schemaFiles ?? {}, catalog);
  const docs = await syncDocs(catalog, options.docDirs, unmarkedDocInspector(catalog));
  const errors = docs.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw new InputError(errors);
  const checked = await checkPlannedDocs(docs.files, catalog);
  const checkErrors = checked.filter((d) => d.severity === "error");
  if (checkErrors.length > 0) throw new InputError(checkErrors);
  return {
    catalog,
    files: [...schemas, ...docs.files],
    warnings: [...docs.diagnostics, ...checked].filter((d) => d.severity === "warning"),
    stats: docs.stats,
  };
}

export function changedFiles(plan: GenPlan): PlannedFile[] {
  return plan.files.filter((f) => f.before !== f.after);
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
