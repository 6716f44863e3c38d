// A problem found in a config file, at a JSON path; check-config.ts gives it a position.
import type { Severity } from "../lib/diagnostics.ts";
import type { JsonPath } from "../lib/json-source.ts";

export interface ConfigFinding {
  path: JsonPath;
  /** Report at the member's key rather than its value (e.g. a model ref used as a key). */
  part: "key" | "value";
  rule: string;
  message: string;
  severity: Severity;
}

export { isRecord } from "../lib/json-values.ts";
