// A parsed configuration file -> its settings, checked against the zod schema;
// every problem is an InputError at its file:line:column, with a did-you-mean for
// an unknown key.
import { diagnostic, InputError } from "../lib/diagnostics.ts";
import { formatJsonPath, type JsonPath, type ParsedJson } from "../lib/json-source.ts";
import { descriptionAt, objectKeysAt } from "../lib/json-schema-keys.ts";
import { parseIssues, zodIssueFindings } from "../lib/zod-issues.ts";
import { projectConfigJsonSchema } from "./json-schema.ts";
import { ProjectConfig } from "./schema.ts";

export function validProjectConfig(file: string, parsed: ParsedJson): ProjectConfig {
  const repeated = parsed.duplicateKeys.map((d) => ({
    ...diagnostic(file, d.at, "project-config/duplicate-key", `${formatJsonPath(d.path)}: key "${d.key}" is already set at line ${d.first.line}, column ${d.first.column}; remove one of the two`),
    path: formatJsonPath(d.path),
  }));
  const issues = parseIssues(ProjectConfig, parsed.value);
  if (issues.length === 0 && repeated.length === 0) return ProjectConfig.parse(parsed.value);
  // Did-you-mean candidates and descriptions come from the file's own JSON Schema.
  const knownKeys = (path: JsonPath) => objectKeysAt(projectConfigJsonSchema(), path);
  const describe = (path: JsonPath) => descriptionAt(projectConfigJsonSchema(), path);
  throw new InputError([
    ...repeated,
    ...issues.flatMap((issue) =>
      zodIssueFindings(issue, { knownKeys, describe, input: parsed.value }).map((f) => ({
        ...diagnostic(file, parsed.locate(f.path, f.part), `project-config/${f.kind}`, `${formatJsonPath(f.path)}: ${f.message}`),
        path: formatJsonPath(f.path),
      })),
    ),
  ]);
}
