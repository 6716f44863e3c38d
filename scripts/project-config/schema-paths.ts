// Where `gen` may write the JSON Schemas that the configuration file asks for: never
// over a file the run reads (the catalog, the configuration file itself) or writes
// otherwise (an example config), and never two schemas into one file. `gen` replaces a schema file whole, so a wrong path there
// would destroy what a person wrote. (The file's schema already requires `.json`,
// which keeps docs pages and `.jsonc` files out.) An existing file is replaced only
// if it is a JSON Schema (it names a draft of json-schema.org), empty, or broken by a
// merge conflict: never the host's `openclaw.json` or a `package.json`.
import { readFileSync, realpathSync } from "node:fs";
import { resolve } from "node:path";

export type SchemaKey = "catalog" | "config" | "projectConfig";

export interface SchemaPathProblem {
  key: SchemaKey;
  message: string;
}

/** A file a schema must not be written over, and what it is ("the catalog, which `gen` reads"). */
export interface TakenFile {
  path: string;
  what: string;
}

/** The files the run reads: the catalog and the configuration file. */
export function readFiles(catalogFile: string, configFile?: string): TakenFile[] {
  return [
    { path: catalogFile, what: "the catalog, which `gen` reads" },
    ...(configFile === undefined ? [] : [{ path: configFile, what: "this configuration file" }]),
  ];
}

export function schemaPathProblems(
  schemaFiles: Partial<Record<SchemaKey, string>>,
  written: Partial<Record<SchemaKey, string>>,
  taken: readonly TakenFile[],
  /** What relative paths are relative to. */
  cwd: string,
): SchemaPathProblem[] {
  const identity = (path: string) => fileIdentity(resolve(cwd, path));
  const problems: SchemaPathProblem[] = [];
  const claimed = new Map<string, SchemaKey>();
  for (const [key, path] of Object.entries(schemaFiles) as Array<[SchemaKey, string]>) {
    const file = identity(path);
    const shown = written[key] ?? path;
    const input = taken.find((r) => identity(r.path) === file);
    const other = claimed.get(file);
    claimed.set(file, key);
    if (input) {
      problems.push({ key, message: `${shown} is ${input.what}; write the schema to a file of its own` });
    } else if (other !== undefined) {
      problems.push({ key, message: `${shown} is also where schemas.${other} is written; give each schema a file of its own` });
    }
  }
  return problems;
}

/** Schema paths naming a file that exists and is no JSON Schema: `gen` would replace what a person wrote. */
export function filesNotSchemas(
  schemaFiles: Partial<Record<SchemaKey, string>>,
  written: Partial<Record<SchemaKey, string>>,
  cwd: string,
): SchemaPathProblem[] {
  return (Object.entries(schemaFiles) as Array<[SchemaKey, string]>).flatMap(([key, path]) =>
    replaceable(resolve(cwd, path))
      ? []
      : [{ key, message: `${written[key] ?? path} exists and is not a JSON Schema; \`gen\` replaces the file whole: write the schema to a file of its own, e.g. schema/${key}.schema.json` }]);
}

/** Whether `gen` may replace this file with a schema: it does not exist, is empty, is a JSON Schema, or is in the middle of a merge conflict. */
function replaceable(path: string): boolean {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return true; // missing; or unreadable, which the write reports
  }
  return text.trim() === "" || text.includes("json-schema.org") || /^<{7} /m.test(text) || isEmptyObject(text);
}

function isEmptyObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === "object" && Object.keys(value).length === 0;
  } catch {
    return false;
  }
}

/** The file an absolute path names, links followed where it exists. */
function fileIdentity(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
