// One config file's text -> every problem in it, each at its file:line:column:
// syntax, repeated keys, the zod schema (with did-you-mean for unknown keys), the
// model-ref rules and, when asked, unset `${VAR}` placeholders. `$include` is taken
// as the host takes it (includes.ts).
import { appendAll } from "../lib/append.ts";
import { BUILT_IN_PROVIDER_IDS, Config, isBuiltInProviderId } from "../../schema/config.ts";
import type { Catalog } from "../catalog/model.ts";
import { byPosition, diagnostic, type Diagnostic } from "../lib/diagnostics.ts";
import { didYouMean } from "../lib/did-you-mean.ts";
import { descriptionAt, objectKeysAt } from "../lib/json-schema-keys.ts";
import {
  formatJsonPath,
  JsonSyntaxError,
  modeForFile,
  parseJsonSource,
  type JsonPath,
  type ParsedJson,
  type SourcePosition,
} from "../lib/json-source.ts";
import { valueAt } from "../lib/json-values.ts";
import { parseIssues, zodIssueFindings, type IssueFinding } from "../lib/zod-issues.ts";
import { configShape } from "../schema-gen/json-schema.ts";
import { checkEnvPlaceholders, holdsPlaceholder, type Environment } from "./env-placeholders.ts";
import type { ConfigFinding } from "./finding.ts";
import { followIncludes, type FollowedConfig, type SourceFile } from "./follow-includes.ts";
import { mayBeIncluded, withoutIncludes } from "./includes.ts";
import { lowerCasePlaceholders } from "./lower-case-placeholders.ts";
import { misspeltSections } from "./misspelt-sections.ts";
import { retiredKeys } from "./retired-keys.ts";
import { checkModelRefs } from "./model-refs.ts";

export interface CheckContext {
  catalog: Catalog;
  /** Set to report `${VAR}` placeholders whose variable is unset in it (`--env`). */
  environment?: Environment;
  /** Folders besides a config's own from which it may include files (`OPENCLAW_INCLUDE_ROOTS`, see follow-includes.ts). */
  includeRoots?: readonly string[];
}

/** A problem in a parsed config, at a position in its source text. */
export interface ConfigProblem extends SourcePosition {
  rule: string;
  message: string;
  severity: Diagnostic["severity"];
  /** JSON path of the value, e.g. `models.providers.moonshot.baseUrl`. */
  path: string;
}

/**
 * A config's text -> its problems. `follow`: read the files its `$include`s name, relative
 * to `file` (a config on disk); docs examples and standard input have no folder to read from.
 */
export function checkConfigText(file: string, text: string, context: CheckContext, follow = false): Diagnostic[] {
  let parsed: ParsedJson;
  try {
    parsed = parseConfigSource(file, text);
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    const at = { line: error.line, column: error.column };
    return [{ ...diagnostic(file, at, "config/syntax", error.message), path: "-" }];
  }
  const config = follow ? followIncludes({ file, parsed }, parseConfigSource, context.includeRoots) : unfollowed({ file, parsed });
  return [
    ...config.problems.map(({ file: where, rule, message, severity, ...at }) => ({ ...diagnostic(where, at, rule, message, severity), path: "-" })),
    ...checkConfig(config, context).map(({ file: where, rule, message, severity, path, ...at }) => ({ ...diagnostic(where ?? file, at, rule, message, severity), path })),
  ].sort(byPosition);
}

/** A config read as it is written: its `$include`s not followed (includes.ts says what that means). */
function unfollowed(config: SourceFile): FollowedConfig {
  return { value: config.parsed.value, sources: [config], problems: [], locate: (path, part) => ({ file: config.file, ...config.parsed.locate(path, part) }) };
}

/**
 * Every problem in an already parsed config, positioned in the text it was parsed
 * from. The docs checks call this on config examples in code blocks, so docs and
 * `validate` judge a config the same way.
 */
export function checkParsedConfig(parsed: ParsedJson, context: CheckContext): ConfigProblem[] {
  return checkConfig(unfollowed({ file: "", parsed }), context).map(({ file: _file, ...problem }) => problem);
}

/** Every problem of a config, its includes followed or not, each in the file it stands in. */
function checkConfig(config: FollowedConfig, context: CheckContext): Array<ConfigProblem & { file: string }> {
  const includes = withoutIncludes(config.value);
  const findings = [
    ...includes.problems,
    ...[...schemaFindings(includes.value), ...checkModelRefs(includes.value, context.catalog)].filter((f) => !mayBeIncluded(includes, f)),
    ...misspeltSections(includes.value),
    ...retiredKeys(includes.value),
    ...lowerCasePlaceholders(includes.value),
  ];
  if (context.environment) appendAll(findings, checkEnvPlaceholders(config.value, context.environment));
  const problems = findings.map((f) => ({
    ...config.locate(f.path, f.part),
    rule: f.rule,
    message: f.message,
    severity: f.severity,
    path: formatJsonPath(f.path),
  }));
  for (const { file, parsed, at = [] } of config.sources) {
    for (const { line, column, escape } of parsed.droppedBackslashes) {
      problems.push({
        file, line, column, endLine: line, endColumn: column + 2,
        rule: "config/dropped-backslash",
        severity: "warning",
        path: "-",
        message: `\`${escape}\` reads as \`${escape[1]}\`: the backslash is dropped, so a Windows path such as \`C:\\Users\` loses it; ` +
          "to keep it, double it (`\\\\`), or write the path with `/`",
      });
    }
    // The host reads such a file (the later value wins), so a key written twice is a warning, not a reason to refuse the file.
    for (const duplicate of parsed.duplicateKeys) {
      problems.push({
        file,
        ...duplicate.at,
        rule: "config/duplicate-key",
        severity: "warning",
        path: formatJsonPath([...at, ...duplicate.path]),
        message: `key "${duplicate.key}" is already set at line ${duplicate.first.line}, column ${duplicate.first.column}; this later one would replace it: merge the two or remove one`,
      });
    }
  }
  return problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}

/**
 * `.json5` is read as JSON5. A `.json` or `.jsonc` file is read as JSONC and, if
 * that fails, as JSON5, since the host (OpenClaw) reads its config as JSON5 whatever
 * the file is called; if both fail, the error of the reading that got further is
 * reported (a JSON5-style file fails as JSONC at its first bare key).
 */
export function parseConfigSource(file: string, text: string): ParsedJson {
  const mode = modeForFile(file);
  try {
    return parseJsonSource(text, mode);
  } catch (error) {
    if (!(error instanceof JsonSyntaxError) || mode !== "jsonc") throw error;
    try {
      return parseJsonSource(text, "json5");
    } catch (json5Error) {
      if (!(json5Error instanceof JsonSyntaxError)) throw json5Error;
      const further = json5Error.line > error.line || (json5Error.line === error.line && json5Error.column > error.column);
      throw further ? json5Error : error;
    }
  }
}

function schemaFindings(value: unknown): ConfigFinding[] {
  const knownKeys = (path: JsonPath) => objectKeysAt(configShape(), path);
  const describe = (path: JsonPath) => descriptionAt(configShape(), path);
  return parseIssues(Config, value)
    .flatMap((issue) => zodIssueFindings(issue, { knownKeys, describe, input: value }))
    .filter((f) => !builtInInAnotherCase(f.path, f.message) && !substitutedFirst(value, f))
    .map((f) => ({
      path: f.path,
      part: f.part,
      rule: `config/${f.kind}`,
      message: f.message + builtInHint(f.path, f.message) + placeholderHint(value, f),
      severity: "error" as const,
    }));
}

/**
 * A `${VAR}` placeholder where a number or a boolean goes: the host puts the variable's text in its place,
 * which is still a string to its schema, so no variable can make it right.
 */
function placeholderHint(input: unknown, finding: IssueFinding): string {
  const given = finding.part === "value" ? valueAt(input, finding.path) : undefined;
  if (typeof given !== "string" || !holdsPlaceholder(given) || !finding.message.includes(", not the string ")) return "";
  return ": the host substitutes a placeholder as text, and text stays a string here, whatever the variable holds; write the value itself";
}

/**
 * The host substitutes `${VAR}` in every string value before it validates (src/config/env-substitution.ts), so
 * a string with a placeholder may stand where only certain strings go (`mode: "${MODELS_MODE}"`): what the
 * variable holds decides. Where no string goes at all (a number), it is still wrong, and a type message says
 * so: those name the string they were given.
 */
function substitutedFirst(input: unknown, finding: IssueFinding): boolean {
  const given = finding.part === "value" ? valueAt(input, finding.path) : undefined;
  return typeof given === "string" && holdsPlaceholder(given) && !finding.message.includes(", not the string ");
}

/**
 * `OpenRouter` or ` moonshot`: the host reads the key as its built-in provider (it trims provider ids and
 * compares them in lower case), which needs no `baseUrl` or `models`; the zod schema knows the exact ids only.
 */
function builtInInAnotherCase(path: JsonPath, message: string): boolean {
  const [models, providers, id, key] = path;
  if (models !== "models" || providers !== "providers" || typeof id !== "string" || path.length !== 4) return false;
  return (key === "baseUrl" || key === "models") && message.startsWith("missing required key") && isBuiltInProviderId(id);
}

/**
 * A provider that lacks `baseUrl` or `models` may be a built-in one with its id
 * misspelt (`moonshto`): built-in providers need neither.
 */
function builtInHint(path: JsonPath, message: string): string {
  const [models, providers, id, key] = path;
  if (models !== "models" || providers !== "providers" || typeof id !== "string" || path.length !== 4) return "";
  if ((key !== "baseUrl" && key !== "models") || !message.startsWith("missing required key")) return "";
  const meant = didYouMean(id, BUILT_IN_PROVIDER_IDS);
  return meant ? `; or, if you meant the host's built-in provider \`${meant}\`, which needs neither, correct the id` : "";
}
