// `--env`: a `${VAR}` placeholder in a string value whose variable is set (and not
// empty) neither in the environment the check runs in nor in the file's own `env`
// (or `env.vars`) is a warning, as it is to the host: it keeps the placeholder as
// written, warns, and the feature using the value goes without it.
import { ENV_FALLBACK, ENV_NAME } from "../../schema/host.ts";
import { stringValues } from "../lib/json-values.ts";
import { isRecord, type ConfigFinding } from "./finding.ts";

/**
 * `${VAR}` as the host reads it (its `env-substitution.ts`): only upper-case names are
 * variables; `$${VAR}` is an escape for a literal `${VAR}`; `${lower}` and other text
 * are left as they are; `${VAR:-fallback}` always resolves. Group 1 is the escape's extra `$`,
 * group 2 the name, group 3 the fallback.
 */
const PLACEHOLDER = new RegExp(String.raw`(\$?)\$\{(${ENV_NAME})(${ENV_FALLBACK})?\}`, "g");

/** Whether the host substitutes a variable somewhere in this string value (an escaped `$${VAR}` is none). */
export function holdsPlaceholder(value: string): boolean {
  for (const [, escape] of value.matchAll(PLACEHOLDER)) if (!escape) return true;
  return false;
}

/** What the host does with a placeholder whose variable is missing (the warning of its config loader). */
const UNRESOLVED = (name: string) => `leaves "\${${name}}" as written and the feature using this value will be unavailable`;

export type Environment = Readonly<Record<string, string | undefined>>;

export function checkEnvPlaceholders(config: unknown, environment: Environment): ConfigFinding[] {
  const own = ownVariables(config);
  // The host counts an empty value as missing, wherever it comes from.
  const isSet = (name: string) => !!environment[name] || !!own.get(name);
  const findings: ConfigFinding[] = [];
  for (const { value, path } of stringValues(config, [])) {
    const reported = new Set<string>();
    for (const [, escape, name, fallback] of value.matchAll(PLACEHOLDER)) {
      if (escape || fallback !== undefined || name === undefined || isSet(name) || reported.has(name)) continue;
      reported.add(name);
      findings.push({
        path,
        part: "value",
        rule: "config/unset-env",
        severity: "warning",
        message: environment[name] === "" || own.get(name) === ""
          ? `environment variable ${name} is empty, which the host counts as not set, so it ${UNRESOLVED(name)}: give it a value`
          : `environment variable ${name} is not set, so the host ${UNRESOLVED(name)}: export it, or define it under "env" in this file`,
      });
    }
  }
  return findings;
}

/** Variables the file sets itself: string values of `env`, and of `env.vars`. */
function ownVariables(config: unknown): Map<string, string> {
  const variables = new Map<string, string>();
  const env = isRecord(config) && isRecord(config.env) ? config.env : {};
  for (const source of [env, isRecord(env.vars) ? env.vars : {}]) {
    for (const [name, value] of Object.entries(source)) if (typeof value === "string") variables.set(name, value);
  }
  return variables;
}
