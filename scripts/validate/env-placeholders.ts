// `--env`: every `${VAR}` placeholder in a string value must name a variable that
// is set, either in the environment the check runs in or in the file's own `env`.
import type { JsonPath } from "../lib/json-source.ts";
import { isRecord, type ConfigFinding } from "./finding.ts";

const PLACEHOLDER = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

export type Environment = Readonly<Record<string, string | undefined>>;

export function checkEnvPlaceholders(config: unknown, environment: Environment): ConfigFinding[] {
  const ownEnv = isRecord(config) && isRecord(config.env) ? config.env : {};
  const isSet = (name: string) => environment[name] !== undefined || Object.hasOwn(ownEnv, name);
  const findings: ConfigFinding[] = [];
  for (const { value, path } of stringValues(config, [])) {
    for (const [, name] of value.matchAll(PLACEHOLDER)) {
      if (name === undefined || isSet(name)) continue;
      findings.push({
        path,
        part: "value",
        rule: "config/unset-env",
        severity: "error",
        message: `environment variable ${name} is not set: export it, or define it under "env" in this file`,
      });
    }
  }
  return findings;
}

function* stringValues(value: unknown, path: JsonPath): Generator<{ value: string; path: JsonPath }> {
  if (typeof value === "string") yield { value, path };
  else if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* stringValues(item, [...path, i]);
  else if (isRecord(value)) for (const [key, item] of Object.entries(value)) yield* stringValues(item, [...path, key]);
}
