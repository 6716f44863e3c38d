// Configuration file -> project settings with absolute paths.
// Looked up from the working folder upwards, stopping at the repository root (a
// folder holding `.git`); paths in the file are relative to the file. A file that
// cannot be used is an InputError with file:line:column, before anything is written.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, posix, relative, resolve, sep } from "node:path";
import { contentKey, openCache } from "../lib/content-cache.ts";
import { diagnostic, InputError, type Diagnostic } from "../lib/diagnostics.ts";
import { JsonSyntaxError, parseJsonSource, type JsonPath, type ParsedJson } from "../lib/json-source.ts";
import { bundledCatalog } from "../lib/package-root.ts";
import type { GenOptions, RuleSetting } from "../gen/plan.ts";
import { BUNDLED_CATALOG, PROJECT_CONFIG_FILE } from "./names.ts";
import type { ProjectConfig } from "./schema.ts";
import { languageTag } from "../docs/locale.ts";
import { relativeWithin } from "../lib/within.ts";
import { readFiles, schemaPathProblems, type SchemaPathProblem } from "./schema-paths.ts";
import { validProjectConfig } from "./validate.ts";

export interface ProjectSettings
  extends Required<Pick<GenOptions, "catalogFile" | "docDirs" | "exclude" | "schemaFiles" | "rules" | "regions">>, Pick<GenOptions, "excludeAsWritten"> {
  /** The configuration file that was read, if any. */
  configFile?: string;
  defaultLocale?: string;
  fixCommand?: string;
}

/** What the command line says; each given value wins over the file. Relative paths are from `cwd`. */
export interface SettingOverrides {
  catalog?: string;
  docs?: readonly string[];
  exclude?: readonly string[];
}

/** The nearest configuration file from `start` up to the repository root, if any. */
export function findProjectConfig(start: string): string | undefined {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    const file = join(dir, PROJECT_CONFIG_FILE);
    if (existsSync(file)) return file;
    if (existsSync(join(dir, ".git")) || dirname(dir) === dir) return undefined;
  }
}

export function readProjectConfig(file: string): ProjectConfig {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "file not found" : (error as Error).message;
    throw new InputError([diagnostic(file, { line: 1, column: 1 }, "project-config/unreadable", `cannot read the configuration file: ${reason}`)]);
  }
  // Like the catalog, a configuration that passed is kept in the build's cache
  // (content-cache.ts), keyed by its text: an unchanged file is not checked again.
  const cache = openCache<ProjectConfig>("project-config");
  const key = contentKey(text);
  const cached = cache.get(key);
  if (cached) return cached;
  let parsed: ParsedJson;
  try {
    parsed = parseJsonSource(text, "jsonc");
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    throw new InputError([diagnostic(file, error, "project-config/syntax", `${error.message}; the configuration file is JSON with comments (JSONC)`)]);
  }
  const config = validProjectConfig(file, parsed);
  cache.set(key, config);
  return config;
}

/**
 * The settings of a run: the configuration file's (if `configFile` is given) under
 * the command line's overrides, over the defaults (the bundled catalog, `docs/`, no schemas written).
 */
export function projectSettings(configFile: string | undefined, overrides: SettingOverrides, cwd: string): ProjectSettings {
  const config = configFile === undefined ? {} : readProjectConfig(configFile);
  const base = configFile === undefined ? cwd : dirname(configFile);
  const fromFile = (path: string) => shorten(resolve(base, path), cwd);
  // As typed: the reports then name files the way the user wrote them.
  const fromCli = (path: string) => path;
  const catalog =
    overrides.catalog !== undefined
      ? fromCli(overrides.catalog)
      : config.catalog === undefined || config.catalog === BUNDLED_CATALOG
        ? bundledCatalog()
        : fromFile(config.catalog);
  const schemas = config.schemas ?? {};
  const schemaFiles: ProjectSettings["schemaFiles"] = {};
  for (const key of ["catalog", "config", "projectConfig"] as const) {
    const path = schemas[key];
    if (path !== undefined) schemaFiles[key] = fromFile(path);
  }
  // Every problem of the settings at once.
  const problems = schemaPathErrors(schemaPathProblems(schemaFiles, schemas, readFiles(catalog, configFile), cwd), configFile);
  const defaultLocale = config.defaultLocale === undefined ? undefined : languageTag(config.defaultLocale);
  if (config.defaultLocale !== undefined && defaultLocale === undefined) {
    problems.push(diagnostic(configFile!, settingPosition(configFile!, ["defaultLocale"]), "project-config/not-a-language",
      `defaultLocale: "${config.defaultLocale}" names no language; write a BCP 47 tag such as en, zh-CN or pt-BR`));
  }
  if (problems.length > 0) throw new InputError(problems);
  return {
    ...(configFile === undefined ? {} : { configFile }),
    catalogFile: catalog,
    docDirs: overrides.docs?.map(fromCli) ?? (config.docs ?? ["docs"]).map(fromFile),
    exclude: overrides.exclude ? [...overrides.exclude] : (config.exclude ?? []).map((glob) => globFromCwd(base, glob, cwd)),
    ...(overrides.exclude || !config.exclude ? {} : { excludeAsWritten: config.exclude }),
    schemaFiles,
    rules: Object.fromEntries(
      Object.entries(config.rules ?? {}).flatMap(([id, setting]): Array<[string, RuleSetting]> =>
        setting === undefined ? [] : [[id, typeof setting === "string" ? { severity: setting } : setting]]),
    ),
    regions: config.regions ?? {},
    ...(defaultLocale === undefined ? {} : { defaultLocale }),
    ...(config.fixCommand === undefined ? {} : { fixCommand: config.fixCommand }),
  };
}

/**
 * Where a setting stands in the configuration file (its key with `part: "key"`), for a
 * problem found after the file was read; line 1, column 1 when the file cannot be read again.
 */
export function settingPosition(file: string, path: JsonPath, part: "value" | "key" = "value"): { line: number; column: number } {
  try {
    return parseJsonSource(readFileSync(file, "utf8"), "jsonc").locate(path, part);
  } catch {
    return { line: 1, column: 1 };
  }
}

/** Schema path problems at their keys in the configuration file (which is where schema paths come from). */
export function schemaPathErrors(problems: readonly SchemaPathProblem[], configFile = "the schemas setting"): Diagnostic[] {
  return problems.map(({ key, message }) =>
    diagnostic(configFile, settingPosition(configFile, ["schemas", key]), "project-config/schema-path", `schemas.${key}: ${message}`));
}

/** A path under the working folder as a relative one, so reports show `docs/a.md`, not a long absolute path. */
function shorten(path: string, cwd: string): string {
  return relativeWithin(path, cwd);
}

/** GenOptions' globs are relative to the working folder; the file's are relative to the file. */
function globFromCwd(base: string, glob: string, cwd: string): string {
  const prefix = relative(cwd, base).split(sep).join(posix.sep);
  return prefix === "" ? glob : posix.join(prefix, glob);
}
