// One config file's text -> every problem in it, each at its file:line:column:
// syntax, the zod schema (with did-you-mean for unknown keys), the model-ref
// rules and, when asked, unset `${VAR}` placeholders.
import { Config } from "../../schema/config.ts";
import type { Catalog } from "../catalog/model.ts";
import { byPosition, diagnostic, type Diagnostic } from "../lib/diagnostics.ts";
import { formatJsonPath, JsonSyntaxError, modeForFile, parseJsonSource, type JsonPath, type ParsedJson } from "../lib/json-source.ts";
import { zodIssueFindings } from "../lib/zod-issues.ts";
import { objectKeysAt } from "../lib/zod-shape.ts";
import { checkEnvPlaceholders, type Environment } from "./env-placeholders.ts";
import type { ConfigFinding } from "./finding.ts";
import { checkModelRefs } from "./model-refs.ts";

export interface CheckContext {
  catalog: Catalog;
  /** Set to report `${VAR}` placeholders whose variable is unset in it (`--env`). */
  environment?: Environment;
}

export function checkConfigText(file: string, text: string, context: CheckContext): Diagnostic[] {
  let parsed: ParsedJson;
  try {
    parsed = parseConfigSource(file, text);
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    const at = { line: error.line, column: error.column };
    return [{ ...diagnostic(file, at, "config/syntax", error.message), path: "-" }];
  }

  const findings = [...schemaFindings(parsed.value), ...checkModelRefs(parsed.value, context.catalog)];
  if (context.environment) findings.push(...checkEnvPlaceholders(parsed.value, context.environment));
  return findings
    .map((f) => ({
      ...diagnostic(file, parsed.locate(f.path, f.part), f.rule, f.message, f.severity),
      path: formatJsonPath(f.path),
    }))
    .sort(byPosition);
}

/**
 * `.json5` is read as JSON5 and `.jsonc` as JSONC. A `.json` file is read as JSONC
 * and, if that fails, as JSON5, since some programs (OpenClaw among them) read
 * their `.json` config as JSON5; the JSONC error is the one reported if both fail.
 */
export function parseConfigSource(file: string, text: string): ParsedJson {
  const mode = modeForFile(file);
  try {
    return parseJsonSource(text, mode);
  } catch (error) {
    if (!(error instanceof JsonSyntaxError) || !file.endsWith(".json")) throw error;
    try {
      return parseJsonSource(text, "json5");
    } catch {
      throw error;
    }
  }
}

function schemaFindings(value: unknown): ConfigFinding[] {
  const result = Config.safeParse(value);
  if (result.success) return [];
  const knownKeys = (path: JsonPath) => objectKeysAt(Config, path);
  return result.error.issues
    .flatMap((issue) => zodIssueFindings(issue, { knownKeys, input: value }))
    .map((f) => ({ path: f.path, part: f.part, rule: `config/${f.kind}`, message: f.message, severity: "error" as const }));
}
