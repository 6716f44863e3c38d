// OpenClaw's `$include`: any object of the config may name other files (a path, or a
// list of paths) whose content the host merges into it before it validates. Those
// files are not read here, so an object holding `$include` may lack what they add:
// a required key it misses is not reported, nor is a model of a provider they may
// define. An object holding `$include` alone is replaced by the included content,
// whatever it is (a list of models, a string), so nothing is said about its type.
// What `$include` itself holds is checked.
import { INCLUDE_KEY } from "../../schema/host.ts";
import type { JsonPath } from "../lib/json-source.ts";
import { isRecord, type ConfigFinding } from "./finding.ts";

export interface Includes {
  /** The config without its `$include` keys, as the schema is to see it. */
  value: unknown;
  /** The objects that hold `$include`. */
  at: JsonPath[];
  /**
   * The objects that hold a valid `$include` and nothing else: the host puts the included content in their
   * place as it is (src/config/includes.ts: without sibling keys, any value), so it may be of any type.
   */
  whole: JsonPath[];
  /** `$include` values that are neither a path nor a list of paths. */
  problems: ConfigFinding[];
}

export function withoutIncludes(value: unknown, path: JsonPath = [], found: Includes = { value: undefined, at: [], whole: [], problems: [] }): Includes {
  if (Array.isArray(value)) {
    found.value = value.map((item, i) => withoutIncludes(item, [...path, i], found).value);
    return found;
  }
  if (!isRecord(value)) {
    found.value = value;
    return found;
  }
  const copy: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (key === INCLUDE_KEY) {
      found.at.push(path);
      const paths = Array.isArray(child) ? child : [child];
      // An empty list merges nothing, for the host as here.
      const valid = paths.every((p) => typeof p === "string" && p.trim() !== "");
      if (valid && Object.keys(value).length === 1) found.whole.push(path);
      if (!valid) {
        found.problems.push({
          path: [...path, key],
          part: "value",
          rule: "config/schema",
          message: `must be the path of a file to include, or a list of such paths`,
          severity: "error",
        });
      }
      continue;
    }
    Object.defineProperty(copy, key, { value: withoutIncludes(child, [...path, key], found).value, enumerable: true, writable: true, configurable: true });
  }
  found.value = copy;
  return found;
}

const startsWith = (path: JsonPath, prefix: JsonPath) => prefix.length <= path.length && prefix.every((segment, i) => path[i] === segment);

/** Whether a finding could be one the included files make good: anything about a value they give whole, a missing key or a model not listed. */
export function mayBeIncluded(includes: Includes, finding: ConfigFinding): boolean {
  if (includes.at.length === 0) return false;
  // Whatever is said about a value that an included file gives whole (its type, what it holds) may not hold of that file.
  if (includes.whole.some((at) => startsWith(finding.path, at))) return true;
  if (finding.rule === "config/unknown-model" || finding.rule === "config/unlisted-model" || finding.rule === "config/unknown-provider") {
    // A provider, and its models, may come from a file included anywhere from the root down to the provider.
    return includes.at.some((at) => startsWith(["models", "providers"], at) || startsWith(at, ["models", "providers"]));
  }
  if (finding.message.startsWith("missing required key")) {
    const owner = finding.path.slice(0, -1);
    return includes.at.some((at) => startsWith(owner, at));
  }
  return false;
}
