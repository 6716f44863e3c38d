// A `${name}` in lower case is no placeholder to the host: it substitutes upper-case
// names only (its env-substitution.ts) and keeps any other text as written, so an
// `apiKey: "${moonshot_api_key}"` sends those very characters as the key. Checked in
// the parts this tool owns (`models`, `env`), where such text is never meant literally.
import { ENV_FALLBACK } from "../../schema/host.ts";
import { stringValues } from "../lib/json-values.ts";
import { isRecord, type ConfigFinding } from "./finding.ts";

/** `${name}` with a lower-case letter in the name; group 1 is the extra `$` of an escape (`$${...}`), group 2 the name. */
const LOWER_CASE = new RegExp(String.raw`(\$?)\$\{((?=[A-Za-z0-9_]*[a-z])[A-Za-z_][A-Za-z0-9_]*)(?:${ENV_FALLBACK})?\}`, "g");

const OWNED_SECTIONS = ["models", "env"] as const;

export function lowerCasePlaceholders(config: unknown): ConfigFinding[] {
  if (!isRecord(config)) return [];
  const findings: ConfigFinding[] = [];
  for (const section of OWNED_SECTIONS) {
    for (const { value, path } of stringValues(config[section], [section])) {
      if (path.at(-1) === "baseUrl") continue; // the schema's pattern refuses it there, saying why
      const names = [...value.matchAll(LOWER_CASE)].filter(([, escape]) => !escape).map(([, , name]) => name!);
      if (names.length === 0) continue;
      const [name] = names;
      findings.push({
        path,
        part: "value",
        rule: "config/lower-case-placeholder",
        severity: "warning",
        message: `"\${${name}}" is left as written: the host substitutes only upper-case variable names, so this text is used as it stands; write \`\${${name!.toUpperCase()}}\` and set that variable`,
      });
    }
  }
  return findings;
}
