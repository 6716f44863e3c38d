// Keys the host's current releases no longer take, though older ones did: the schema
// still describes them (a config for an older host stays valid), and marks each with a
// `deprecationMessage` that says what to write instead, which editors show as a
// warning. validate reads the same marks from the schema, so the two say the same.
import type { JsonPath } from "../lib/json-source.ts";
import { deprecationAt } from "../lib/json-schema-keys.ts";
import { configShape } from "../schema-gen/json-schema.ts";
import { isRecord, type ConfigFinding } from "./finding.ts";

/** Every key of `config` that the schema marks as retired, reported at the key. */
export function retiredKeys(config: unknown): ConfigFinding[] {
  const findings: ConfigFinding[] = [];
  const visit = (value: unknown, path: JsonPath): void => {
    const children: Array<[string | number, unknown]> = Array.isArray(value) ? value.map((v, i) => [i, v]) : isRecord(value) ? Object.entries(value) : [];
    for (const [key, child] of children) {
      const at = [...path, key];
      const retired = deprecationAt(configShape(), at);
      if (retired === null) continue; // a part the schema does not describe: nothing there is marked
      if (retired !== undefined && typeof key === "string") {
        findings.push({ path: at, part: "key", rule: "config/retired-key", severity: "warning", message: retired });
      }
      visit(child, at);
    }
  };
  visit(config, []);
  return findings;
}
