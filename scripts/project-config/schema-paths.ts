// Where `gen` may write the JSON Schemas that the configuration file asks for: never
// over a file the run reads (the catalog, the configuration file itself), never two
// schemas into one file, and never over an existing file that is not a JSON Schema
// (`package.json`, say): `gen` replaces a schema file whole, so a wrong path there
// would destroy what a person wrote. (The file's schema already requires `.json`,
// which keeps docs pages and `.jsonc` files out.)
import { readFileSync, realpathSync } from "node:fs";
import { resolve } from "node:path";

export type SchemaKey = "catalog" | "config" | "projectConfig";

export interface SchemaPathProblem {
  key: SchemaKey;
  message: string;
}

/** A JSON Schema names its dialect in `$schema` (`https://json-schema.org/draft/2020-12/schema`). */
const DIALECT = /^https?:\/\/json-schema\.org\//;

/** `schemaFiles` are resolved from the working folder; `written` are the same paths as the file gives them, for messages. */
export function schemaPathProblems(
  schemaFiles: Partial<Record<SchemaKey, string>>,
  written: Partial<Record<SchemaKey, string>>,
  inputs: { catalogFile: string; configFile?: string },
  /** What relative paths are relative to. */
  cwd: string,
): SchemaPathProblem[] {
  const identity = (path: string) => fileIdentity(resolve(cwd, path));
  const problems: SchemaPathProblem[] = [];
  const read = [
    { path: inputs.catalogFile, what: "the catalog" },
    ...(inputs.configFile === undefined ? [] : [{ path: inputs.configFile, what: "this configuration file" }]),
  ];
  const claimed = new Map<string, SchemaKey>();
  for (const [key, path] of Object.entries(schemaFiles) as Array<[SchemaKey, string]>) {
    const file = identity(path);
    const shown = written[key] ?? path;
    const input = read.find((r) => identity(r.path) === file);
    const other = claimed.get(file);
    claimed.set(file, key);
    if (input) {
      problems.push({ key, message: `${shown} is ${input.what}, which \`gen\` reads; write the schema to a file of its own` });
    } else if (other !== undefined) {
      problems.push({ key, message: `${shown} is also where schemas.${other} is written; give each schema a file of its own` });
    } else if (!holdsSchemaOrNothing(resolve(cwd, path))) {
      problems.push({ key, message: `${shown} exists and is not a JSON Schema, and \`gen\` would replace it whole; choose another path` });
    }
  }
  return problems;
}

/** The file an absolute path names, links followed where it exists. */
function fileIdentity(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** Whether the file is absent, or a JSON object whose `$schema` names a JSON Schema dialect (an earlier run's schema). */
function holdsSchemaOrNothing(path: string): boolean {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    // Absent: written new. Anything else (a folder, no permission) the writer reports with its reason.
    return true;
  }
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && DIALECT.test(String((value as { $schema?: unknown }).$schema ?? ""));
  } catch {
    return false;
  }
}
